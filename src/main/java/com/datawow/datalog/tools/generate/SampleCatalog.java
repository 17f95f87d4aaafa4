package com.datawow.datalog.tools.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The fixed part of the sample data, drawn once at the start of sampledata.py's stream:
 * 100 departments, 1,914 sensor serials, 1,000 products, and the template of 1,914
 * (department, sensor) rows that every minute's file repeats.
 */
public final class SampleCatalog {

    static final int DEPARTMENTS = 100;
    static final int SENSORS = 1914;
    static final int PRODUCTS = 1000;
    private static final int DEPARTMENT_NAME_LENGTH = 32;
    private static final int SENSOR_SERIAL_LENGTH = 64;
    private static final int PRODUCT_NAME_LENGTH = 16;
    /** {@code range(5, 30)}: how many sensor rows a department gets. */
    private static final List<Integer> SENSORS_PER_DEPARTMENT = IntStream.range(5, 30).boxed().toList();
    private static final List<Character> LETTERS = IntStream.rangeClosed('a', 'z')
            .mapToObj(c -> (char) c).toList();

    private final List<String> departmentNames;
    private final List<String> sensorSerials;
    private final List<String> productNames;
    private final List<TemplateRow> template;

    private SampleCatalog(List<String> departmentNames, List<String> sensorSerials,
                          List<String> productNames, List<TemplateRow> template) {
        this.departmentNames = List.copyOf(departmentNames);
        this.sensorSerials = List.copyOf(sensorSerials);
        this.productNames = List.copyOf(productNames);
        this.template = List.copyOf(template);
    }

    /** Draws the catalog from a freshly seeded stream, in sampledata.py's order. */
    static SampleCatalog draw(PythonRandom random) {
        List<Integer> sensorsInDepartment = new ArrayList<>(DEPARTMENTS);
        for (int i = 0; i < DEPARTMENTS; i++) {
            sensorsInDepartment.add(random.choices(SENSORS_PER_DEPARTMENT, 1).getFirst());
        }
        List<String> departments = distinctWords(random, DEPARTMENTS, DEPARTMENT_NAME_LENGTH);
        List<String> sensors = distinctWords(random, SENSORS, SENSOR_SERIAL_LENGTH);
        List<String> products = distinctWords(random, PRODUCTS, PRODUCT_NAME_LENGTH);
        return new SampleCatalog(departments, sensors, products, template(random, departments, sensors, sensorsInDepartment));
    }

    /**
     * Each department picks its sensors, with replacement, among those no earlier department
     * took, in {@code sensor_list} order (the order decides which serial an index picks).
     */
    private static List<TemplateRow> template(PythonRandom random, List<String> departments,
                                              List<String> sensors, List<Integer> sensorsInDepartment) {
        List<TemplateRow> template = new ArrayList<>(SENSORS);
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < departments.size(); i++) {
            List<String> free = sensors.stream().filter(serial -> !taken.contains(serial)).toList();
            for (String serial : random.choices(free, sensorsInDepartment.get(i))) {
                template.add(new TemplateRow(departments.get(i), serial));
                taken.add(serial);
            }
        }
        return template;
    }

    /** sampledata.py's {@code gen_text}: random lowercase words, duplicates drawn again. */
    private static List<String> distinctWords(PythonRandom random, int count, int length) {
        List<String> words = new ArrayList<>(count);
        Set<String> seen = new HashSet<>();
        StringBuilder word = new StringBuilder(length);
        while (words.size() < count) {
            word.setLength(0);
            for (int i = 0; i < length; i++) {
                word.append(LETTERS.get(random.choiceIndex(LETTERS.size())));
            }
            String candidate = word.toString();
            if (seen.add(candidate)) {
                words.add(candidate);
            }
        }
        return words;
    }

    public List<String> departmentNames() {
        return departmentNames;
    }

    public List<String> sensorSerials() {
        return sensorSerials;
    }

    public List<String> productNames() {
        return productNames;
    }

    /** The 1,914 rows every minute repeats, in file order. */
    public List<TemplateRow> template() {
        return template;
    }

    public int rowsPerMinute() {
        return template.size();
    }
}
