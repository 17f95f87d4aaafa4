package com.datawow.datalog.dimension;

import java.util.Map;
import java.util.Set;

/**
 * Get-or-create of dimension rows, a batch of keys at a time, each call committed on its own
 * before it returns (in the daemon: the {@code upsert-*} routes, REQUIRES_NEW transactions).
 * Each returns an id for every key asked for.
 */
public interface DimensionUpserts {

    Map<String, Integer> departments(Set<String> names);

    /** New sensors are created in the department given; existing ones come back with their own. */
    Map<String, SensorRef> sensors(Map<String, Integer> departmentOfSerial);

    Map<String, Integer> products(Set<String> names);
}
