package org.hotline.panel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} driven by its {@code chromium-driver} (Selenium with the system
 * driver; nothing is downloaded), headless, in a fresh profile deleted on {@link #close}. Without
 * them a test fails under {@code CI=true} and is skipped otherwise: install with
 * {@code apt-get install chromium chromium-driver}.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Fails under CI=true, or aborts the test, when Chromium is not installed. */
    static void requireInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
            return;
        }
        String msg = "Chromium or chromedriver missing at " + CHROMIUM + " / " + DRIVER
                + ": install Debian's chromium and chromium-driver packages";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(msg + " (CI=true: browser tests must run)");
        }
        Assumptions.abort(msg);
    }

    static HeadlessChromium start() throws IOException {
        requireInstalled();
        Path profile = Files.createTempDirectory("panel-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
