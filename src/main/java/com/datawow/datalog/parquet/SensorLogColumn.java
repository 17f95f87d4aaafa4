package com.datawow.datalog.parquet;

/** The columns that a sensor-log file must have, by name; any others are ignored. */
enum SensorLogColumn {
    DEPARTMENT_NAME("department_name", Kind.TEXT),
    SENSOR_SERIAL("sensor_serial", Kind.TEXT),
    CREATE_AT("create_at", Kind.TIMESTAMP),
    PRODUCT_NAME("product_name", Kind.TEXT),
    PRODUCT_EXPIRE("product_expire", Kind.TIMESTAMP);

    enum Kind { TEXT, TIMESTAMP }

    private final String columnName;
    private final Kind kind;

    SensorLogColumn(String columnName, Kind kind) {
        this.columnName = columnName;
        this.kind = kind;
    }

    String columnName() {
        return columnName;
    }

    Kind kind() {
        return kind;
    }

    static String[] columnNames() {
        SensorLogColumn[] columns = values();
        String[] names = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            names[i] = columns[i].columnName;
        }
        return names;
    }
}
