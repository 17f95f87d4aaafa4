package com.datawow.datalog.tools.generate;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import java.util.Map;

/**
 * Parquet-java's write support for rows given by their index in the file: parquet-java counts one
 * {@link #write} call as one row, whose fields the subclass sends to {@link #consumer()}.
 */
public abstract class IndexedRowWriteSupport extends WriteSupport<Integer> {

    private final MessageType schema;
    private RecordConsumer consumer;

    protected IndexedRowWriteSupport(MessageType schema) {
        this.schema = schema;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    protected RecordConsumer consumer() {
        return consumer;
    }

    /** A builder of a writer into {@code file} that writes with this support. */
    public ParquetWriter.Builder<Integer, ?> writerBuilder(OutputFile file) {
        return new Builder(file, this);
    }

    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {

        private final WriteSupport<Integer> writeSupport;

        Builder(OutputFile file, WriteSupport<Integer> writeSupport) {
            super(file);
            this.writeSupport = writeSupport;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(Configuration configuration) {
            return writeSupport;
        }

        @Override
        protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration configuration) {
            return writeSupport;
        }
    }
}
