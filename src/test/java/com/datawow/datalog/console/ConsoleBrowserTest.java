package com.datawow.datalog.console;

import com.datawow.datalog.ops.OperationsSettings;
import com.datawow.datalog.parquet.BrokenFiles;
import org.apache.camel.test.AvailablePortFinder;
import com.datawow.datalog.testing.HeadlessChromium;
import com.datawow.datalog.testing.PostgresExtension;
import com.datawow.datalog.testing.RunningLoader;
import com.datawow.datalog.testing.TestDatabase;
import com.datawow.datalog.tools.generate.GenerationProgress;
import com.datawow.datalog.tools.generate.MinuteRange;
import com.datawow.datalog.tools.generate.SampleFileGenerator;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (Debian's headless chromium) against a loader that loads real
 * sample files into a real database: the numbers it shows are the database's, its buttons
 * suspend and resume the file route and retry a failed file, and its chart is drawn. Saves a
 * screenshot to {@code target/console.png} (the README's {@code docs/console.png} is a copy of one;
 * the build never changes a tracked file).
 */
@ExtendWith(PostgresExtension.class)
@Timeout(240)
class ConsoleBrowserTest {

    private static final int SAMPLE_MINUTES = 6;
    /** Refused by the warehouse until the test lifts the refusal, then retried from the page. */
    private static final String REFUSED = "2023-01-01 00:03:00.parquet";
    /** Not Parquet at all: stays failed. */
    private static final String BROKEN = "2023-01-01 00:59:00.parquet";
    private static final String DROPPED_WHILE_SUSPENDED = "2023-01-01 00:06:00.parquet";
    private static final Path SCREENSHOT = Path.of("target", "console.png");

    @Test
    void theConsoleShowsTheDatabasesNumbersSuspendsAndResumesTheRouteAndRetriesAFailedFile(
            TestDatabase database, @TempDir Path dropDir, @TempDir Path staging) throws Exception {
        HeadlessChromium.assumeInstalled();
        int port = AvailablePortFinder.getNextAvailable();
        try (RunningLoader loader = RunningLoader.start(database, database.jdbcUrl(), RunningLoader.fastSettings(dropDir),
                OperationsSettings.quiet().withHttp("127.0.0.1", port));
             HeadlessChromium chromium = HeadlessChromium.start(1280, 1500)) {
            // given: six sample minutes, of which the warehouse refuses one, and a file that is not Parquet
            database.execute("ALTER TABLE datalog ADD CONSTRAINT refuse_one_minute CHECK (create_at <> '2023-01-01 00:03:00') NOT VALID");
            new SampleFileGenerator(dropDir, 2, GenerationProgress.NONE).generate(MinuteRange.starting(MinuteRange.MONTH_FIRST, SAMPLE_MINUTES));
            BrokenFiles.randomBytes(dropDir.resolve(BROKEN), 4_096, 9);
            loader.awaitDrained(Duration.ofMinutes(1));
            ChromeDriver browser = chromium.driver();
            Page page = new Page(browser);

            // when the operator opens the console, then it shows what the database holds
            browser.get("http://127.0.0.1:" + port + "/");
            page.awaitText("files-done", String.valueOf(SAMPLE_MINUTES + 1));
            assertThat(page.number("files-loaded")).isEqualTo(database.queryLong("SELECT count(*) FROM ingest_ledger WHERE status = 'loaded'"))
                    .isEqualTo(SAMPLE_MINUTES - 1);
            assertThat(page.number("files-failed")).isEqualTo(database.queryLong("SELECT count(*) FROM ingest_ledger WHERE status = 'failed'"))
                    .isEqualTo(2);
            assertThat(page.number("rows-loaded")).isEqualTo(database.queryLong("SELECT count(*) FROM datalog"))
                    .isEqualTo((SAMPLE_MINUTES - 1) * 1_914L);
            assertThat(page.number("files-waiting")).isZero();
            assertThat(page.text("route-state-big")).isEqualTo("Started");
            assertThat(page.text("database")).isEqualTo("database reachable");
            assertThat(page.column("recent-files", 0)).containsExactlyElementsOf(
                    database.queryRows("SELECT file_name FROM ingest_ledger ORDER BY file_id DESC LIMIT 25").stream().map(row -> (String) row.get(0)).toList());
            assertThat(page.column("recent-files", 1)).containsExactlyElementsOf(
                    database.queryRows("SELECT status FROM ingest_ledger ORDER BY file_id DESC LIMIT 25").stream().map(row -> (String) row.get(0)).toList());
            assertThat(page.column("failed-files", 0)).containsExactly(REFUSED, BROKEN);
            assertThat(page.column("failed-files", 1)).containsExactly("rejected-by-database", "unreadable");
            assertThat(page.column("failed-files", 3).get(1)).contains(BROKEN, "not a readable Parquet file");
            page.await("the chart draws the rows/s line", () -> page.chartPixelsOf("--rows") > 0);

            // when the operator suspends the route, then it is suspended and a new file waits
            page.click("suspend");
            page.awaitText("route-state-big", "Suspended");
            assertThat(loader.daemon().camelContext().getRouteController().getRouteStatus("ingest-files")).isEqualTo(ServiceStatus.Suspended);
            new SampleFileGenerator(staging, 1, GenerationProgress.NONE).generate(MinuteRange.starting(MinuteRange.MONTH_FIRST.plusMinutes(6), 1));
            Files.move(staging.resolve(DROPPED_WHILE_SUSPENDED), dropDir.resolve(DROPPED_WHILE_SUSPENDED), StandardCopyOption.ATOMIC_MOVE);
            page.awaitText("files-waiting", "1");
            String seen = page.text("updated");
            page.await("two more refreshes", () -> !page.text("updated").equals(seen));
            String seenAgain = page.text("updated");
            page.await("one more refresh", () -> !page.text("updated").equals(seenAgain));
            assertThat(page.number("files-waiting")).as("still waiting after two refreshes (the route polls every 100 ms)").isEqualTo(1);
            assertThat(database.queryLong("SELECT count(*) FROM ingest_ledger WHERE file_name = '" + DROPPED_WHILE_SUSPENDED + "'")).isZero();

            // when the operator resumes it, then the waiting file loads
            page.click("resume");
            page.awaitText("route-state-big", "Started");
            page.awaitText("files-waiting", "0");
            page.awaitText("files-loaded", String.valueOf(SAMPLE_MINUTES));
            assertThat(loader.daemon().camelContext().getRouteController().getRouteStatus("ingest-files")).isEqualTo(ServiceStatus.Started);

            // when the refusal is lifted and the operator retries the refused file, then it loads; the ledger keeps both rows
            database.execute("ALTER TABLE datalog DROP CONSTRAINT refuse_one_minute");
            page.click(By.cssSelector("#failed-files tr[data-file='" + REFUSED + "'] button.retry"));
            page.await("the retried file to leave the failed files", () -> page.column("failed-files", 0).equals(List.of(BROKEN)));
            page.awaitText("files-loaded", String.valueOf(SAMPLE_MINUTES + 1));
            assertThat(database.queryRows("SELECT status FROM ingest_ledger WHERE file_name = ? ORDER BY file_id", REFUSED))
                    .containsExactly(List.of("failed"), List.of("loaded"));
            assertThat(page.number("rows-loaded")).isEqualTo(database.queryLong("SELECT count(*) FROM datalog")).isEqualTo((SAMPLE_MINUTES + 1) * 1_914L);
            assertThat(page.column("recent-files", 0).getFirst()).isEqualTo(REFUSED);

            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
            assertThat(SCREENSHOT).isNotEmptyFile();
        }
    }

    /** The console page as a person reads it: the text of elements by id, table columns, the chart's pixels. */
    private record Page(ChromeDriver browser) {

        String text(String id) {
            return browser.findElement(By.id(id)).getText();
        }

        long number(String id) {
            return Long.parseLong(text(id).replace(",", ""));
        }

        void click(String id) {
            click(By.id(id));
        }

        /** Clicks once the element is there, again if a refresh replaced it just before the click. */
        void click(By element) {
            new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .until(driver -> {
                        driver.findElement(element).click();
                        return true;
                    });
        }

        /** The texts of one column of a table's body, top to bottom, read at once (the page redraws its tables every refresh). */
        @SuppressWarnings("unchecked")
        List<String> column(String tableId, int column) {
            return (List<String>) browser.executeScript(
                    "return Array.from(document.querySelectorAll('#' + arguments[0] + ' tbody tr'), row => row.cells[arguments[1]].textContent);",
                    tableId, column);
        }

        /** Pixels of the chart in the page's colour {@code variable}: the line is drawn, not just the axes. */
        long chartPixelsOf(String variable) {
            Object count = browser.executeScript("""
                    const canvas = document.getElementById('throughput');
                    const hex = getComputedStyle(document.documentElement).getPropertyValue(arguments[0]).trim();
                    const want = [1, 3, 5].map(i => parseInt(hex.substr(i, 2), 16));
                    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                    let n = 0;
                    for (let i = 0; i < data.length; i += 4) {
                      if (data[i + 3] > 200 && Math.abs(data[i] - want[0]) + Math.abs(data[i + 1] - want[1]) + Math.abs(data[i + 2] - want[2]) < 40) n++;
                    }
                    return n;""", variable);
            return ((Number) count).longValue();
        }

        void awaitText(String id, String expected) {
            await("#" + id + " to read '" + expected + "'", () -> text(id).equals(expected));
        }

        void await(String what, Supplier<Boolean> condition) {
            new WebDriverWait(browser, Duration.ofSeconds(45)).withMessage(what).until(ignored -> condition.get());
        }
    }
}
