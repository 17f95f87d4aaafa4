package com.datawow.datalog.tools.generate;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Minutes against sampledata.py with {@code random.seed(0)}. Values beyond the known facts
 * were printed by src/test/python/golden_values.py (CPython 3.11, standard random only): rows 0,
 * 1, 2, 1000, 1913 of some minutes, and a SHA-256 over every row of the minute, one line per
 * row: {@code department|serial|product|days to expiry}, joined by newlines.
 */
class SampleGeneratorTest {

    private static final LocalDateTime FIRST = LocalDateTime.of(2023, 1, 1, 0, 0);
    private static final LocalDateTime MID_MONTH = LocalDateTime.of(2023, 1, 15, 12, 34);
    private static final LocalDateTime LAST = LocalDateTime.of(2023, 1, 31, 0, 0);

    @Test
    void firstMinuteExpiriesMatchTheOriginal() {
        SampleMinute minute = SampleGenerator.over(MinuteRange.month()).next();
        assertThat(minute.createAt()).isEqualTo(FIRST);
        assertThat(minute.size()).isEqualTo(1914);
        // issue 2: the first five rows expire after 89, 87, 89, 87, 87 days
        assertThat(IntStream.range(0, 5).map(minute::expiryDays)).containsExactly(89, 87, 89, 87, 87);
        assertThat(minute.productExpire(0)).isEqualTo(LocalDateTime.of(2023, 3, 31, 0, 0));
    }

    @Test
    void firstMinuteRowsMatchTheOriginal() {
        SampleMinute minute = SampleGenerator.over(MinuteRange.month()).next();
        assertMatchesTheOriginal(minute, "2023-01-01 00:00:00.parquet", "af80a359ee39dfec8db4c56ec48fbed8599dc9f022091d4cacaecda45f7a584f",
                "ukdvwjumzjdffmmk/89", "wtmvatzvplvekyyu/87", "rjzsuflrtrgnafkq/89", "gjkdchibkrutpyhw/87", "tncwfityukbmvecl/88");
    }

    @Test
    void secondMinuteContinuesTheStream() {
        SampleGenerator generator = SampleGenerator.over(MinuteRange.month());
        generator.next();
        SampleMinute minute = generator.next();
        assertThat(minute.createAt()).isEqualTo(FIRST.plusMinutes(1));
        assertThat(digest(minute)).isEqualTo("e69892ce8f5d2876238006b9dab272e35a818917c284859faf41c7d23ec6337e");
    }

    @Test
    void midMonthMinuteMatchesTheOriginal() {
        SampleMinute minute = SampleGenerator.over(new MinuteRange(MID_MONTH, MID_MONTH)).next();
        assertThat(minute.createAt()).isEqualTo(MID_MONTH);
        assertMatchesTheOriginal(minute, "2023-01-15 12:34:00.parquet", "0af0782e7205273983b884c285a53a7291f0b994b2c35bf24f6a661d47c0d7e0",
                "qtkasojqrwshyqyc/89", "qjtzwebfaudynhel/89", "rpeqqtuvgxmghnbu/89", "arzvdwmhurrngjqa/87", "ivebryrvvpbkllwd/88");
        assertThat(minute.row(1000).productExpire()).isEqualTo(LocalDateTime.of(2023, 4, 12, 12, 34));
    }

    @Test
    void lastMinuteOfTheMonthMatchesTheOriginal() {
        SampleGenerator generator = SampleGenerator.over(MinuteRange.starting(LAST, 1));
        SampleMinute minute = generator.next();
        assertThat(generator.hasNext()).isFalse();
        assertMatchesTheOriginal(minute, "2023-01-31 00:00:00.parquet", "02c99c7d24b0c98761cd7ec8ee693fba1ebb6e942ed0c4177ab5575e0b492c02",
                "meezyrqmknismimw/87", "llhppqdfnjjtvwgc/87", "cjxffaffqsjcoetv/87", "ykoxkpftouivnwis/88", "ulnitytbskonkytn/89");
    }

    @Test
    void aLaterStartGivesTheSameRowsAsTheFullRun() {
        List<SampleMinute> fromMidnight = SampleGenerator.minutes(new MinuteRange(FIRST, FIRST.plusMinutes(5)));
        List<SampleMinute> fromThreePast = SampleGenerator.minutes(new MinuteRange(FIRST.plusMinutes(3), FIRST.plusMinutes(5)));
        assertThat(fromThreePast).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(fromThreePast.get(i).createAt()).isEqualTo(fromMidnight.get(i + 3).createAt());
            assertThat(fromThreePast.get(i).rows()).containsExactlyElementsOf(fromMidnight.get(i + 3).rows());
        }
        assertThat(fromMidnight.get(3).rows()).isNotEqualTo(fromMidnight.get(2).rows());
    }

    @Test
    void rowsCarryTheTemplateAndTheMinute() {
        SampleGenerator generator = SampleGenerator.over(MinuteRange.month());
        SampleMinute minute = generator.next();
        assertThat(minute.rows()).hasSize(1914).allSatisfy(row -> {
            assertThat(row.createAt()).isEqualTo(FIRST);
            assertThat(row.productExpire()).isBetween(FIRST.plusDays(87), FIRST.plusDays(89));
            assertThat(generator.catalog().productNames()).contains(row.productName());
        });
        assertThat(minute.rows().stream().map(row -> new TemplateRow(row.departmentName(), row.sensorSerial())))
                .containsExactlyElementsOf(generator.catalog().template());
    }

    @Test
    void rangesOutsideTheMonthOrBackwardsAreRefused() {
        assertThatThrownBy(() -> new MinuteRange(FIRST.minusMinutes(1), FIRST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the sample month");
        assertThatThrownBy(() -> new MinuteRange(FIRST, LAST.plusMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the sample month");
        assertThatThrownBy(() -> new MinuteRange(FIRST.plusMinutes(2), FIRST.plusMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after it ends");
        assertThatThrownBy(() -> MinuteRange.starting(LAST, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the sample month");
        assertThat(MinuteRange.month().size()).isEqualTo(43_201);
    }

    /**
     * The original's golden values of a minute: its file name, its digest, and its rows 0, 1, 2, 1000
     * and 1913 as {@code product/days to expiry}.
     */
    private static void assertMatchesTheOriginal(SampleMinute minute, String fileName, String digest, String... sampledRows) {
        assertThat(List.of(row(minute, 0), row(minute, 1), row(minute, 2), row(minute, 1000), row(minute, 1913)))
                .containsExactly(sampledRows);
        assertThat(digest(minute)).isEqualTo(digest);
        assertThat(minute.fileName()).isEqualTo(fileName);
    }

    private static String row(SampleMinute minute, int i) {
        return minute.row(i).productName() + "/" + minute.expiryDays(i);
    }

    /** The same text golden_values.py hashes. */
    private static String digest(SampleMinute minute) {
        String text = minute.rows().stream()
                .map(row -> String.join("|", row.departmentName(), row.sensorSerial(), row.productName(),
                        String.valueOf(java.time.Duration.between(row.createAt(), row.productExpire()).toDays())))
                .collect(Collectors.joining("\n"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
