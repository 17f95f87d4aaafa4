package com.datawow.datalog.tools.generate;

import java.time.LocalDateTime;

/** One row of a sample file, as Java values; times are naive wall-clock times, as in the files. */
public record SampleRow(String departmentName,
                        String sensorSerial,
                        LocalDateTime createAt,
                        String productName,
                        LocalDateTime productExpire) {
}
