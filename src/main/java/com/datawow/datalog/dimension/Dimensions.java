package com.datawow.datalog.dimension;

import com.datawow.datalog.parquet.SensorLogBatch;
import com.datawow.datalog.quarantine.BadRows;
import org.apache.camel.Exchange;

/** The three dimensions of a datalog row, with their caches, and the two steps around their upserts. */
public final class Dimensions {

    /** The exchange property that names the file a batch comes from (for the message of a bad row). */
    public static final String FILE_NAME_PROPERTY = "datalogFileName";
    /** The exchange property with the {@link BadRows} of that file; absent: {@link BadRows#REJECT_FILE}. */
    public static final String BAD_ROWS_PROPERTY = "datalogBadRows";

    private final NameDimension departments = new NameDimension();
    private final SensorDimension sensors = new SensorDimension();
    private final NameDimension products = new NameDimension();

    NameDimension departments() {
        return departments;
    }

    SensorDimension sensors() {
        return sensors;
    }

    NameDimension products() {
        return products;
    }

    /** First step of {@code resolve-dimensions}: the batch's ids from the caches ({@code fileName} for messages). */
    BatchIds lookUp(String fileName, SensorLogBatch batch, BadRows badRows) {
        return new BatchIds(fileName, batch, this, badRows);
    }

    void lookUpCached(Exchange exchange) {
        exchange.getMessage().setBody(lookUp(exchange.getProperty(FILE_NAME_PROPERTY, String.class),
                exchange.getMessage().getBody(SensorLogBatch.class),
                exchange.getProperty(BAD_ROWS_PROPERTY, BadRows.REJECT_FILE, BadRows.class)));
    }

    /** Last step: every id known; the body becomes the {@link ResolvedBatch} the writers take. */
    void resolved(Exchange exchange) {
        exchange.getMessage().setBody(exchange.getMessage().getBody(BatchIds.class).resolved());
    }
}
