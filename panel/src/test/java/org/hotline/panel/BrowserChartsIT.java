package org.hotline.panel;

import org.hotline.domain.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The charts of the reports page and the wallboard in a real headless Chromium
 * ({@link HeadlessChromium}), drawn by the Chart.js the build took from npm into the jar, from the
 * facts the real storage (embedded PostgreSQL and Redis) wrote for {@link ChartFixture}'s calls.
 * Each chart is checked twice: the values it was given (the chart instance's datasets) and the
 * pixels it drew (its series' colour on the canvas). Screenshots go to {@code target/screenshots}.
 */
class BrowserChartsIT {
    private static final Path SHOTS = Path.of("target", "screenshots");
    /** The colours charts.js draws each series in (RGB). */
    private static final int[] BLUE = {0x15, 0x65, 0xc0};
    private static final int[] GREEN = {0x2e, 0x7d, 0x32};
    private static final int[] NAVY = {0x0d, 0x2a, 0x4a};
    private static final int[] AMBER = {0xb2, 0x6a, 0x00};

    private final MutableClock clock = MutableClock.realTime(PanelHarness.ZONE);
    private PanelHarness h;
    private ChartFixture fixture;
    private HeadlessChromium chromium;
    private WebDriver driver;

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.requireInstalled();
        h = new PanelHarness(clock, PanelHarness.Backend.storage(clock), TestPanelConfig.onFreePort());
        fixture = ChartFixture.build(h, clock);
        chromium = HeadlessChromium.start();
        driver = chromium.driver;
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (h != null) {
            h.close();
        }
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(50));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void shot(String name) throws Exception {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void logInAsSupervisor() {
        driver.get(h.base + "/");
        waitUpTo(5).until(d -> d.findElement(By.id("login-view")).isDisplayed());
        driver.findElement(By.id("login-user")).sendKeys("sam");
        driver.findElement(By.id("login-password")).sendKeys(PanelHarness.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("board-view")).isDisplayed());
    }

    /** The datasets of the chart on a canvas, label to values; empty until a chart is there. */
    @SuppressWarnings("unchecked")
    private Map<String, List<Object>> datasets(String canvas) {
        Object out = js("const c = window.Chart && Chart.getChart(document.getElementById(arguments[0]));"
                + "if (!c) return {};"
                + "const m = {}; for (const d of c.data.datasets) m[d.label] = d.data; return m;", canvas);
        return (Map<String, List<Object>>) out;
    }

    /** How many pixels of the canvas are (nearly) the colour {@code rgb}: what the chart drew in it. */
    private long pixelsOf(String canvas, int[] rgb) {
        return ((Number) js("const cv = document.getElementById(arguments[0]);"
                + "const px = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;"
                + "let n = 0; for (let i = 0; i < px.length; i += 4) {"
                + "  if (px[i + 3] > 200 && Math.abs(px[i] - arguments[1]) < 12 && Math.abs(px[i + 1] - arguments[2]) < 12"
                + "      && Math.abs(px[i + 2] - arguments[3]) < 12) n++; }"
                + "return n;", canvas, rgb[0], rgb[1], rgb[2])).longValue();
    }

    private static List<Object> values(Object... v) {
        return Arrays.asList(v);
    }

    private static List<Long> hourly(int hour, long n) {
        List<Long> out = new ArrayList<>(Collections.nCopies(24, 0L));
        out.set(hour, n);
        return out;
    }

    @Test
    void theReportsPageDrawsCallsByHourServiceLevelBacklogDeadlinesAndSatisfaction() throws Exception {
        logInAsSupervisor();
        driver.findElement(By.id("nav-reports")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("reports-view")).isDisplayed());
        js("document.getElementById('k-from').value = arguments[0]; document.getElementById('k-to').value = arguments[1];",
                fixture.yesterday.toString(), fixture.today.toString());
        driver.findElement(By.id("k-submit")).click();
        waitUpTo(10).until(d -> values(3L, 4L).equals(datasets("c-backlog").get("Open tickets")));

        Map<String, List<Object>> hours = datasets("c-hours");
        assertThat(hours.get("Offered")).isEqualTo(List.copyOf(fixture.offeredByHour()));
        assertThat(hours.get("Answered")).isEqualTo(List.copyOf(fixture.answeredByHour()));
        assertThat(hours.get("Abandoned")).isEqualTo(List.copyOf(hourly(10, 1)));
        // yesterday: 2 of 4 put through within 15 s; today nobody was put through: a gap, not 0
        assertThat(datasets("c-service").get("Service level (15 s)")).isEqualTo(values(50L, null));
        assertThat(datasets("c-deadlines").get("Steps on time")).isEqualTo(values(25L, null));
        assertThat(datasets("c-satisfaction").get("Satisfied")).isEqualTo(values(100L, null));

        assertThat(pixelsOf("c-hours", BLUE)).as("offered bars").isGreaterThan(200);
        assertThat(pixelsOf("c-hours", GREEN)).as("answered bars").isGreaterThan(200);
        assertThat(pixelsOf("c-backlog", BLUE)).as("backlog line").isGreaterThan(50);
        assertThat(pixelsOf("c-service", NAVY)).as("service level point").isGreaterThan(10);
        assertThat(pixelsOf("c-deadlines", GREEN)).as("compliance point").isGreaterThan(10);
        assertThat(pixelsOf("c-satisfaction", AMBER)).as("satisfaction point").isGreaterThan(10);
        assertThat(js("return document.getElementById('c-hours').getAttribute('aria-label')"))
                .isEqualTo("Calls by hour of the day, " + fixture.yesterday + " to " + fixture.today);
        shot("reports-charts");

        // on paper: the panel around the report goes, the charts stay and are redrawn for the page's width
        ((ChromiumDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        js("window.dispatchEvent(new Event('beforeprint'))");
        assertThat(driver.findElement(By.id("k-form")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector("header.topbar")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("k-charts")).isDisplayed()).isTrue();
        waitUpTo(5).until(d -> pixelsOf("c-backlog", BLUE) > 50);
        shot("reports-charts-print");
    }

    @Test
    void theWallboardDrawsTodayByHourAndTheLastFortnight() throws Exception {
        logInAsSupervisor();
        waitUpTo(10).until(d -> !datasets("w-c-backlog").isEmpty());
        List<Object> backlog = datasets("w-c-backlog").get("Open tickets");
        assertThat(backlog).hasSize(14);
        // 12 days before with nothing open, yesterday's end A, B, C; now A, B, C and E
        List<Object> expected = new ArrayList<>(Collections.nCopies(12, 0L));
        expected.add(3L);
        expected.add(4L);
        assertThat(backlog).isEqualTo(expected);
        Map<String, List<Object>> today = datasets("w-c-hours");
        assertThat(today.get("Offered")).isEqualTo(List.copyOf(hourly(fixture.todaysHour, 1)));
        assertThat(today.get("Answered")).isEqualTo(List.copyOf(hourly(fixture.todaysHour, 1)));
        assertThat(datasets("w-c-deadlines").get("Steps on time").get(12)).isEqualTo(25L);
        assertThat(datasets("w-c-satisfaction").get("Satisfied").get(12)).isEqualTo(100L);
        assertThat(pixelsOf("w-c-hours", BLUE)).as("today's offered bar").isGreaterThan(20);
        assertThat(pixelsOf("w-c-backlog", BLUE)).as("backlog line").isGreaterThan(50);
        shot("wallboard-charts");
    }
}
