package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.panel.auth.SessionCookies;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The panel, backed by the real storage (embedded PostgreSQL and Redis from storage's test
 * fixture), in a real headless Chromium ({@link HeadlessChromium}). Screenshots go to
 * {@code target/screenshots}.
 */
class BrowserPanelIT {
    private static final Path SHOTS = Path.of("target", "screenshots");

    private PanelHarness h;
    private HeadlessChromium chromium;
    private WebDriver driver;

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.requireInstalled();
        h = new PanelHarness(java.time.Clock.systemUTC(), PanelHarness.Backend.storage(java.time.Clock.systemUTC()),
                TestPanelConfig.onFreePort());
        chromium = HeadlessChromium.start();
        driver = chromium.driver;
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (h != null) {
            h.close();
        }
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(20));
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private void shot(String name) throws IOException {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void logIn(String user) {
        driver.get(h.base + "/");
        waitUpTo(5).until(d -> d.findElement(By.id("login-view")).isDisplayed());
        driver.findElement(By.id("login-user")).sendKeys(user);
        driver.findElement(By.id("login-password")).sendKeys(PanelHarness.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("whoami")).getText().contains("("));
        waitUpTo(5).until(d -> d.findElement(By.id("live")).getText().equals("live"));
    }

    /** Resolves with Date.now() in the page when #t-caller-name first shows {@code expected}. */
    private void watchCallerName(String expected) {
        ((JavascriptExecutor) driver).executeScript(
                "window.__popSeenAt = null;"
                + "const target = document.getElementById('t-caller-name');"
                + "const check = () => { if (window.__popSeenAt === null && target.textContent === arguments[0]) window.__popSeenAt = Date.now(); };"
                + "new MutationObserver(check).observe(target, {childList: true, characterData: true, subtree: true});",
                expected);
    }

    /**
     * The administrator's path: create a department and an agent with a phone; the agent logs in
     * with the one-time password, must change it, then claims a ticket (the department is
     * proposed), dispatches it, and finds the caller's tickets on the search page.
     */
    @Test
    void aSupervisorSeesTheKpisOfTheStoredFactsAndOpensAGeneratedReportForPrint() throws Exception {
        h.call("13900000001", "Zhang", org.hotline.domain.ticket.RequestKind.COMPLAINT,
                new org.hotline.domain.ticket.CallOutcome.Queued("complaints"));
        ((org.hotline.storage.Storage) h.backend.resources()).reports().generate(
                org.hotline.domain.report.ReportKind.DAILY, java.time.LocalDate.of(2026, 3, 2), java.time.LocalDate.of(2026, 3, 2),
                org.hotline.domain.report.StoredReport.Status.PUBLISHED, java.time.Instant.now(),
                () -> new org.hotline.domain.report.ReportDocument("Daily summary 2026-03-02", java.util.List.of(
                        new org.hotline.domain.report.ReportDocument.Section("Hot topics by kind and location",
                                java.util.List.of("kind", "location"), java.util.List.of(
                                        org.hotline.domain.report.ReportDocument.Row.of("repair", "楼 3 <script>x</script>"))))));
        logIn("sam");
        driver.findElement(By.id("nav-reports")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("reports-view")).isDisplayed());
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#k-rows td[data-kpi='offered']")).stream()
                .anyMatch(e -> e.getText().equals("1")));
        waitUpTo(5).until(d -> d.findElement(By.id("g-rows")).getText().contains("Daily summary 2026-03-02"));
        shot("reports");
        String print = driver.findElement(By.cssSelector("#g-rows a[href$='format=html']")).getAttribute("href");
        driver.get(print);
        waitUpTo(5).until(d -> d.findElement(By.tagName("h1")).getText().equals("Daily summary 2026-03-02"));
        assertThat(driver.findElements(By.tagName("td")).get(1).getAttribute("textContent")).isEqualTo("楼 3 <script>x</script>");
        assertThat(driver.findElements(By.tagName("script"))).hasSize(1); // only the page's own
        shot("report-print");
    }

    @Test
    void anAdminSetsUpAnAgentWhoChangesTheOneTimePasswordClaimsDispatchesAndSearches() throws Exception {
        logIn("root");
        driver.findElement(By.id("nav-admin")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("admin-view")).isDisplayed());
        driver.findElement(By.id("dep-id")).sendKeys("water");
        driver.findElement(By.id("dep-name")).sendKeys("Water works 水务");
        driver.findElement(By.id("dep-manager")).sendKeys("sam");
        driver.findElement(By.id("dep-kinds")).sendKeys("repair");
        driver.findElement(By.id("dep-submit")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("dep-rows")).getText().contains("Water works 水务"));
        waitUpTo(5).until(d -> d.findElements(By.cssSelector("#u-department option[value=water]")).size() == 1);

        driver.findElement(By.id("u-username")).sendKeys("lin");
        driver.findElement(By.id("u-name")).sendKeys("林小红");
        new Select(driver.findElement(By.id("u-role"))).selectByVisibleText("agent");
        new Select(driver.findElement(By.id("u-department"))).selectByValue("water");
        driver.findElement(By.id("u-phone")).sendKeys("PJSIP/1007");
        driver.findElement(By.id("u-submit")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("u-otp")).isDisplayed());
        String oneTime = driver.findElement(By.id("u-otp")).getAttribute("data-password");
        assertThat(oneTime).hasSizeGreaterThanOrEqualTo(16);
        waitUpTo(5).until(d -> d.findElement(By.id("u-rows")).getText().contains("PJSIP/1007"));
        driver.findElement(By.id("u-phone")).sendKeys("PJSIP/1007");
        driver.findElement(By.id("u-username")).sendKeys("lin2");
        driver.findElement(By.id("u-name")).sendKeys("Other");
        driver.findElement(By.id("u-submit")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("banner")).getText().contains("PJSIP/1007 already belongs to lin"));
        driver.findElement(By.cssSelector("#u-rows tr[data-user=lin] button")).click();
        driver.findElement(By.id("u-phone")).clear();
        driver.findElement(By.id("u-phone")).sendKeys("PJSIP/1008");
        driver.findElement(By.id("u-submit")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("u-rows")).getText().contains("PJSIP/1008"));
        assertThat(h.users.find("lin").orElseThrow().phone()).isEqualTo("PJSIP/1008");
        shot("admin-created-agent");
        driver.findElement(By.id("logout")).click();

        Ticket leak = h.call("13955556666", "Leak Caller", RequestKind.REPAIR, new CallOutcome.NoAnswer());
        waitUpTo(5).until(d -> d.findElement(By.id("login-view")).isDisplayed());
        driver.findElement(By.id("login-user")).clear();
        driver.findElement(By.id("login-user")).sendKeys("lin");
        driver.findElement(By.id("login-password")).sendKeys(oneTime);
        driver.findElement(By.id("login-submit")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("password-view")).isDisplayed());
        assertThat(driver.findElement(By.id("agent-view")).isDisplayed()).isFalse();
        driver.findElement(By.id("pw-current")).sendKeys(oneTime);
        driver.findElement(By.id("pw-new")).sendKeys("lins own secret 1");
        driver.findElement(By.id("pw-again")).sendKeys("lins own secret 1");
        driver.findElement(By.id("pw-submit")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("agent-view")).isDisplayed());
        waitUpTo(5).until(d -> d.findElement(By.id("live")).getText().equals("live"));
        assertThat(h.users.find("lin").orElseThrow().mustChangePassword()).isFalse();

        driver.findElement(By.id("claim-next")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("t-number")).getText().equals(leak.number()));
        assertThat(new Select(driver.findElement(By.id("a-dispatch-dept"))).getFirstSelectedOption().getAttribute("value"))
                .as("dispatch proposes the department that handles repairs").isEqualTo("water");
        driver.findElement(By.id("a-dispatch-note")).sendKeys("Pipe burst");
        driver.findElement(By.id("dispatch-button")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("t-status")).getText().equals("dispatched"));
        Ticket after = h.ticket(leak.id()).orElseThrow();
        assertThat(after.owner()).isEqualTo("lin");
        assertThat(after.department()).isEqualTo("water");

        driver.findElement(By.id("nav-search")).click();
        driver.findElement(By.id("s-caller")).sendKeys("13955556666");
        driver.findElement(By.id("s-submit")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("s-results")).getText().contains(leak.number()));
        assertThat(driver.findElement(By.id("s-export")).isDisplayed()).as("agents do not export").isFalse();
        shot("agent-search");
    }

    @Test
    void logInShowsTheAgentPanel() throws Exception {
        logIn("alice");
        assertThat(text("whoami")).isEqualTo("Alice Agent (agent)");
        assertThat(driver.findElement(By.id("agent-view")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("board-view")).isDisplayed()).isFalse();
        Cookie cookie = Cookie.of(driver);
        assertThat(cookie.httpOnly).isTrue();
        assertThat(((JavascriptExecutor) driver).executeScript("return document.cookie")).isEqualTo("");
        shot("01-agent-logged-in");
    }

    @Test
    void aScreenPopAppearsWithinOneSecondOfPublication() throws Exception {
        logIn("alice");
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "Caller number " + i;
            Ticket t = h.call("1390000000" + i, name, RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
            watchCallerName(name);
            long published = System.currentTimeMillis();
            h.pop("alice", t);
            waitUpTo(2).until(d -> ((JavascriptExecutor) d).executeScript("return window.__popSeenAt") != null);
            long seen = ((Number) ((JavascriptExecutor) driver).executeScript("return window.__popSeenAt")).longValue();
            latencies.add(seen - published);
            waitUpTo(5).until(d -> d.findElement(By.id("t-number")).getText().equals(t.number()));
        }
        assertThat(latencies).allSatisfy(ms -> assertThat(ms).isLessThan(1000));
        System.out.println("screen pop publish-to-DOM latencies (ms): " + latencies);
        assertThat(driver.findElement(By.id("pop-flag")).isDisplayed()).isTrue();
        shot("02-screen-pop");
    }

    @Test
    void aMissedDeadlineIsListedAndOpensItsTicket() throws Exception {
        Ticket late = h.call("13900000009", "Late caller", RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        logIn("alice");
        waitUpTo(5).until(d -> d.findElement(By.id("live")).getText().equals("live"));
        h.deadlineAlert("alice", late, "resolve", java.time.Instant.parse("2026-11-26T02:00:00Z"), true);

        waitUpTo(5).until(d -> d.findElement(By.id("deadlines")).getText().contains(late.number()));
        assertThat(driver.findElement(By.id("deadline-card")).isDisplayed()).isTrue();
        assertThat(text("deadlines")).contains("missed", "resolve");
        assertThat(text("banner")).contains("Deadline missed: " + late.number() + " resolve");
        driver.findElement(By.cssSelector("#deadlines li")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("t-number")).getText().equals(late.number()));
        shot("09-deadline-missed");
    }

    @Test
    void claimDispatchAndResolveThroughThePage() throws Exception {
        Ticket waiting = h.call("13912345678", "Mr Zhou", RequestKind.REPAIR, new CallOutcome.NoAnswer());
        logIn("alice");
        waitUpTo(5).until(d -> d.findElement(By.id("queue")).getText().contains(waiting.number()));
        driver.findElement(By.id("claim-next")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("t-owner")).getText().equals("alice"));
        assertThat(text("t-number")).isEqualTo(waiting.number());
        assertThat(driver.findElement(By.id("t-hold")).isDisplayed()).as("the claim is held while the ticket is open").isTrue();
        assertThat(h.queue.holdOf(waiting.id())).hasValueSatisfying(hold -> assertThat(hold.agentId()).isEqualTo("alice"));

        new Select(driver.findElement(By.id("a-dispatch-dept"))).selectByValue("engineering");
        driver.findElement(By.id("a-dispatch-note")).sendKeys("Lift 2 stuck");
        driver.findElement(By.id("dispatch-button")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("t-status")).getText().equals("dispatched"));
        assertThat(text("t-department")).isEqualTo("engineering");
        assertThat(driver.findElement(By.id("t-hold")).isDisplayed()).as("a dispatch ends the claim's hold").isFalse();
        assertThat(h.queue.holdOf(waiting.id())).isEmpty();

        driver.findElement(By.id("a-close-note")).sendKeys("too early");
        driver.findElement(By.cssSelector("#a-close button")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("banner")).getText().contains("it is dispatched"));
        shot("03-refused-transition");

        driver.findElement(By.id("a-resolve-summary")).sendKeys("Lift controller reset");
        driver.findElement(By.id("a-resolve-by")).sendKeys("Engineering / Li");
        driver.findElement(By.id("resolve-button")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("t-status")).getText().equals("resolved"));
        assertThat(text("t-resolution")).isEqualTo("Lift controller reset (Engineering / Li)");
        assertThat(text("t-history")).contains("dispatch", "resolve");
        assertThat(h.ticket(waiting.id()).orElseThrow().status()).isEqualTo(org.hotline.domain.ticket.TicketStatus.RESOLVED);
        shot("04-resolved");
    }

    @Test
    void theScreenPopShowsTheCallersPreviousTicketsAndTheRepeatFlag() throws Exception {
        logIn("alice");
        Ticket first = h.call("13900000778", "Mr Zhao", RequestKind.COMPLAINT, new CallOutcome.Answered("bob"));
        h.tickets.updateIntake(first.id(), org.hotline.domain.ticket.IntakeUpdate.none().withLocation("5-1-302"));
        Ticket second = h.call("13900000778", "Mr Zhao", RequestKind.INQUIRY, new CallOutcome.Answered("bob"));
        Ticket t = h.call("13900000778", "Mr Zhao", RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        h.tickets.updateIntake(t.id(), org.hotline.domain.ticket.IntakeUpdate.none().withLocation("5-1-302"));
        h.events.publish(org.hotline.domain.store.EventStream.agentKey("alice"),
                new org.hotline.domain.store.AgentEvent.ScreenPopEvent("RINGING", "call-778", "PJSIP/1001", "13900000778",
                        "Mr Zhao", "complaints", "complaints", t.number(), java.util.Optional.of(t.id()),
                        java.util.Optional.of(2), java.util.List.of(second.number(), first.number()),
                        java.util.Optional.of(true), java.util.Optional.of(java.time.Instant.now())).fields());
        waitUpTo(5).until(d -> d.findElement(By.id("pop-history")).isDisplayed());
        assertThat(text("pop-history")).contains("2 previous tickets: " + second.number() + ", " + first.number());
        assertThat(driver.findElement(By.id("pop-repeat")).isDisplayed()).isTrue();
        shot("pop-repeat");

        // the agent links the call to the caller's earlier ticket from the ticket page
        waitUpTo(5).until(d -> d.findElement(By.id("a-link")).isDisplayed());
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("a-link-earlier"))).selectByValue(first.number());
        driver.findElement(By.id("a-link-note")).sendKeys("the same leak again");
        driver.findElement(By.id("link-button")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("t-linked")).getText().startsWith(first.number()));
        assertThat(text("t-linked")).contains("same issue");
        assertThat(h.ticket(t.id()).orElseThrow().linkedTo()).isEqualTo(first.id());
        shot("linked");
    }

    @Test
    void aVersionConflictIsShownAndTheTicketReloaded() throws Exception {
        logIn("alice");
        Ticket t = h.call("13900000777", "Ms Lin", RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        h.pop("alice", t);
        waitUpTo(5).until(d -> d.findElement(By.id("t-history")).getText().contains("opened"));
        Ticket now = h.ticket(t.id()).orElseThrow();
        h.tickets.apply(t.id(), now.version(), new org.hotline.domain.ticket.Actor("sam", org.hotline.domain.ticket.Role.SUPERVISOR),
                new org.hotline.domain.ticket.TicketAction.AddNote("supervisor listened in"));
        driver.findElement(By.id("a-note-text")).sendKeys("caller asks for a visit");
        driver.findElement(By.cssSelector("#a-note button")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("banner")).getText().contains("changed by someone else"));
        waitUpTo(5).until(d -> d.findElement(By.id("t-history")).getText().contains("supervisor listened in"));
        shot("07-version-conflict");
        driver.findElement(By.cssSelector("#a-note button")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("t-history")).getText().contains("caller asks for a visit"));
    }

    @Test
    void aCallerNameWithMarkupIsShownAsText() throws Exception {
        String evil = "<img src=x onerror=alert(1)>";
        logIn("alice");
        Ticket t = h.call("13900000666", evil, RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        h.pop("alice", t);
        waitUpTo(5).until(d -> d.findElement(By.id("t-number")).getText().equals(t.number()));
        waitUpTo(5).until(d -> d.findElement(By.id("t-history")).getText().contains("opened"));
        assertThat(text("t-caller-name")).isEqualTo(evil);
        assertThat(driver.findElements(By.cssSelector("#ticket-card img"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("main img"))).isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        waitUpTo(5).until(d -> d.findElement(By.id("mine")).getText().contains(evil));
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        shot("05-markup-as-text");
    }

    @Test
    void theSupervisorWallboardUpdatesWithoutReload() throws Exception {
        h.presence.set("alice", org.hotline.domain.ticket.AgentState.AVAILABLE, null, Duration.ofMinutes(5));
        h.presence.set("bob", org.hotline.domain.ticket.AgentState.PAUSED, "lunch", Duration.ofMinutes(5));
        Ticket late = h.call("1", "x", RequestKind.COMPLAINT, new CallOutcome.Answered("alice"));
        h.tickets.updateIntake(late.id(), org.hotline.domain.ticket.IntakeUpdate.none()
                .withDeadlines(java.util.Map.of("resolve", java.time.Instant.now().minusSeconds(600))));
        logIn("sam");
        assertThat(driver.findElement(By.id("board-view")).isDisplayed()).isTrue();
        waitUpTo(5).until(d -> d.findElement(By.id("w-overdue")).getText().contains(late.number()));
        Object marker = ((JavascriptExecutor) driver).executeScript("window.__noReload = 42; return 1;");
        h.calls.current = new CallBoard.Snapshot(4, Duration.ofSeconds(75), 52, 44, 5, 3);
        waitUpTo(5).until(d -> d.findElement(By.id("w-waiting")).getText().equals("4"));
        assertThat(text("w-longest")).isEqualTo("1:15");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__noReload")).isEqualTo(42L);
        assertThat(text("w-agents")).contains("alice", "bob", "lunch");
        assertThat(marker).isEqualTo(1L);
        shot("06-wallboard");
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
    }

    private void type(String id, String value) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(value);
    }

    /** The text of a cell of the "who is on" table on {@code date}. */
    private String onDuty(java.time.LocalDate date, String cell) {
        // read in one script: the table is re-rendered as the roster reloads
        return String.valueOf(((JavascriptExecutor) driver).executeScript("const c = document.querySelector("
                + "\"#r-days tr[data-date='\" + arguments[0] + \"'] td.\" + arguments[1]); return c ? c.textContent : null;",
                date.toString(), cell));
    }

    @Test
    void aSupervisorChangesALunchTurnSwapsTwoPeopleAndAcknowledgesAnAlert() throws Exception {
        List<java.time.LocalDate> days = PanelHarness.lunchDays(2);
        java.time.LocalDate d1 = days.get(0);
        java.time.LocalDate d2 = days.get(1);
        h.alerts.raise("morning-list/browser", "morning-list", "What arrived overnight: 3 tickets", 0, List.of("sam"), false,
                java.time.Instant.now());
        logIn("sam");
        assertThat(driver.findElement(By.id("board-view")).isDisplayed()).isTrue();
        waitUpTo(5).until(d -> !d.findElements(By.cssSelector("#r-days tr[data-date='" + d2 + "']")).isEmpty());
        String other = onDuty(d2, "lunch-a");

        // the lunch turn of d1: chen, then wang
        setValue("r-date", d1.toString());
        type("r-la", "chen");
        type("r-lb", "wang");
        type("r-note", "lunch cover");
        driver.findElement(By.id("r-save")).click();
        waitUpTo(5).until(d -> onDuty(d1, "lunch-a").equals("chen"));
        assertThat(onDuty(d1, "lunch-b")).isEqualTo("wang");
        assertThat(text("r-rows")).contains(d1.toString(), "chen", "wang", "lunch cover");

        // chen swaps with the lunch duty of d2
        new Select(driver.findElement(By.id("sw-slot"))).selectByValue("lunch");
        setValue("sw-date", d1.toString());
        type("sw-person", "chen");
        setValue("sw-with-date", d2.toString());
        type("sw-with", other);
        driver.findElement(By.id("sw-save")).click();
        waitUpTo(5).withMessage(() -> "the banner says: " + ((JavascriptExecutor) driver).executeScript(
                        "return document.getElementById('banner').textContent") + "; d1 " + onDuty(d1, "lunch-a") + ", d2 "
                        + onDuty(d2, "lunch-a"))
                .until(d -> onDuty(d1, "lunch-a").equals(other) && onDuty(d2, "lunch-a").equals("chen"));
        assertThat(onDuty(d1, "lunch-b")).isEqualTo("wang");
        assertThat(text("banner")).contains("Swapped chen and " + other);
        assertThat(h.backend.audit().recent(1, 0).get(0).action()).isEqualTo("roster.swapped");
        shot("07-roster-swap");

        // a swap of a person with themself is refused with the field named, and nothing changes
        type("sw-person", "wang");
        type("sw-with", "wang");
        driver.findElement(By.id("sw-save")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("banner")).getText().contains("Field 'withPerson'"));
        assertThat(onDuty(d1, "lunch-a")).isEqualTo(other);

        waitUpTo(5).until(d -> d.findElement(By.id("al-list")).getText().contains("What arrived overnight"));
        driver.findElement(By.cssSelector("#al-list li[data-alert] button.ack")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("al-list")).getText().contains("None."));
        assertThat(h.alerts.recent(false, 10, 0)).singleElement().satisfies(a -> {
            assertThat(a.acknowledgedBy()).isEqualTo("sam");
            assertThat(a.acknowledgedAt()).isNotNull();
        });
    }

    /** The session cookie as the browser stores it. */
    private record Cookie(boolean httpOnly) {
        static Cookie of(WebDriver driver) {
            org.openqa.selenium.Cookie c = driver.manage().getCookieNamed(SessionCookies.SESSION);
            assertThat(c).as("session cookie").isNotNull();
            assertThat(c.getSameSite()).isEqualTo("Strict");
            return new Cookie(c.isHttpOnly());
        }
    }
}
