package com.datawow.datalog.tools.generate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;

/**
 * The catalog against sampledata.py with {@code random.seed(0)}. Values beyond the known
 * facts were printed by src/test/python/golden_values.py (CPython 3.11, standard random only).
 */
class SampleCatalogTest {

    private static SampleCatalog catalog;

    @BeforeAll
    static void drawCatalog() {
        catalog = SampleGenerator.over(MinuteRange.month()).catalog();
    }

    @Test
    void hasTheOriginalsDimensionSizesAllDistinct() {
        assertThat(catalog.departmentNames()).hasSize(100).doesNotHaveDuplicates().allMatch(name -> name.matches("[a-z]{32}"));
        assertThat(catalog.sensorSerials()).hasSize(1914).doesNotHaveDuplicates().allMatch(serial -> serial.matches("[a-z]{64}"));
        assertThat(catalog.productNames()).hasSize(1000).doesNotHaveDuplicates().allMatch(name -> name.matches("[a-z]{16}"));
    }

    @Test
    void departmentNamesMatchTheOriginal() {
        assertThat(catalog.departmentNames().getFirst()).isEqualTo("qvgtdfuivcdsboxnraqpokjzaayedfuy"); // issue 2
        assertThat(catalog.departmentNames().getLast()).isEqualTo("oqjcmixffplhdvcxydyguilsotkbixuy"); // golden_values.py: deps[-1]
    }

    @Test
    void sensorAndProductListsMatchTheOriginal() {
        // golden_values.py: sensors[0], sensors[1913], products[0], products[999]
        assertThat(catalog.sensorSerials().getFirst())
                .isEqualTo("pimmgwbizoyavqwtzitvsuvhhkaxvdvipmlpxkawyuektwwyqdkydyjpvccmxzre");
        assertThat(catalog.sensorSerials().getLast())
                .isEqualTo("dlqnhrkyzzsnfmztqkgtpnuyuezkysviwfcawgkzmryxqlylwbshecsduwhrxdph");
        assertThat(catalog.productNames().getFirst()).isEqualTo("ovdllxporgpolbal");
        assertThat(catalog.productNames().getLast()).isEqualTo("zwovkjcwdislwsyu");
    }

    @Test
    void templateHas1914RowsWith1876DistinctSensors() {
        assertThat(catalog.template()).hasSize(1914);
        assertThat(catalog.rowsPerMinute()).isEqualTo(1914);
        assertThat(catalog.template().stream().map(TemplateRow::sensorSerial).distinct()).hasSize(1876);
    }

    @Test
    void eachDepartmentTakesItsDrawnNumberOfRowsInDepartmentOrder() {
        Map<String, Long> rowsPerDepartment = catalog.template().stream()
                .collect(groupingBy(TemplateRow::departmentName, LinkedHashMap::new, counting()));
        assertThat(rowsPerDepartment.keySet()).containsExactlyElementsOf(catalog.departmentNames());
        // golden_values.py: sid[:10] and sid[-3:]
        List<Long> counts = List.copyOf(rowsPerDepartment.values());
        assertThat(counts.subList(0, 10)).containsExactly(26L, 23L, 15L, 11L, 17L, 15L, 24L, 12L, 16L, 19L);
        assertThat(counts.subList(97, 100)).containsExactly(7L, 20L, 17L);
    }

    @Test
    void aSensorBelongsToOneDepartment() {
        Map<String, Long> departmentsPerSensor = catalog.template().stream().distinct()
                .collect(groupingBy(TemplateRow::sensorSerial, counting()));
        assertThat(departmentsPerSensor.values()).containsOnly(1L);
    }

    @Test
    void templateRowsMatchTheOriginal() {
        // golden_values.py: template[0], template[500], template[1913]
        assertThat(catalog.template().getFirst()).isEqualTo(new TemplateRow("qvgtdfuivcdsboxnraqpokjzaayedfuy",
                "ogaacjdszqnmihmbmowurxertkvisyxlvcckouzohjgjmnrkjgkkwrvpacpfkutl"));
        assertThat(catalog.template().get(500)).isEqualTo(new TemplateRow("rmbxkkadwntdivvgaueurecypqldpgut",
                "qokjbtcodjjwelnmblsfsvcdbygdbueiyhoqgppzubavwexpsfpwrkgpvsphtuft"));
        assertThat(catalog.template().getLast()).isEqualTo(new TemplateRow("oqjcmixffplhdvcxydyguilsotkbixuy",
                "cluusiypbhmbxknagjpnrenkpsijovqtspqdqsbaswaosxjkpramhaukosadwkaz"));
    }
}
