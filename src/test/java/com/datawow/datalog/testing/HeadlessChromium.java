package com.datawow.datalog.testing;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's chromium driven through Debian's chromedriver (packages {@code chromium} and
 * {@code chromium-driver}), headless, with a fresh profile that is deleted afterwards, and never
 * reaching for the network (the driver is given, so Selenium Manager downloads nothing; Google
 * services off). Where the packages are missing the test says so and is skipped; on CI
 * ({@code CI} set), whose {@code .ci/run} installs them, it fails instead.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BROWSER = Path.of(System.getenv().getOrDefault("DATALOG_TEST_CHROMIUM", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getenv().getOrDefault("DATALOG_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser window of {@code width} x {@code height} CSS pixels. */
    public static HeadlessChromium start(int width, int height) throws IOException {
        assumeInstalled();
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(driver, profile);
    }

    /** Skips the test (or fails it on CI) when the browser or its driver is not installed. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        String missing = "chromium and chromedriver are needed at " + BROWSER + " and " + DRIVER
                + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
        if (!installed && System.getenv("CI") != null) {
            fail(missing);
        }
        assumeTrue(installed, missing + ": browser test skipped");
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
