package com.datawow.datalog.tools.generate;

/** One of the 1,914 (department, sensor) rows that every sample minute repeats, in file order. */
public record TemplateRow(String departmentName, String sensorSerial) {
}
