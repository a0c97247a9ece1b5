package org.hotline.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hotline.app.config.ExampleConfig.line;
import static org.hotline.app.config.ExampleConfig.replace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.ComplaintTier;
import org.hotline.domain.config.LineHours;
import org.hotline.domain.config.TimeRange;
import org.hotline.domain.config.UrgentPath;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.panel.PanelConfig;
import org.hotline.storage.StorageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotlineConfigLoaderTest {
    private static final String EXAMPLE = ExampleConfig.text();

    @TempDir
    Path dir;

    private final HotlineConfigLoader loader = new HotlineConfigLoader(ExampleConfig.CLOCK);

    private Path write(String text) throws IOException {
        Path file = dir.resolve("hotline.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The rendered problems of loading {@code text}, with the temp directory cut from file names. */
    private List<String> problems(String text) throws IOException {
        return problems(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> problems(byte[] bytes) throws IOException {
        Path file = dir.resolve("hotline.yaml");
        Files.write(file, bytes);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));
        assertThat(e).as("loading must fail").isNotNull();
        return e.errors().stream().map(ConfigError::render).map(s -> s.replace(dir + "/", "")).toList();
    }

    @Test
    void theShippedExampleLoadsWithoutProblems() throws Exception {
        LoadedConfig loaded = loader.load(write(EXAMPLE));
        HotlineConfig config = loaded.hotline();

        assertThat(config.zone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(config.calendar().officeHoursOn(DayOfWeek.MONDAY)).containsExactly(
                new TimeRange(LocalTime.of(8, 30), LocalTime.of(12, 0)),
                new TimeRange(LocalTime.of(13, 30), LocalTime.of(17, 30)));
        assertThat(config.calendar().officeHoursOn(DayOfWeek.SATURDAY)).isEmpty();
        assertThat(config.calendar().lunch()).contains(new TimeRange(LocalTime.of(12, 0), LocalTime.of(13, 30)));
        assertThat(config.calendar().holidays()).hasSize(4);
        assertThat(config.calendar().makeUpDays()).hasSize(3);
        assertThat(config.people()).hasSize(6);
        assertThat(config.rosters()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("main");
            assertThat(r.dutyDayStarts()).isEqualTo(LocalTime.of(8, 30));
            assertThat(r.rotation().weeks()).hasSize(2);
            assertThat(r.rotation().weeks().get(0).on(DayOfWeek.SATURDAY).lunch()).isEmpty();
            assertThat(r.overrides()).hasSize(1);
        });
        assertThat(config.deadlinePolicies()).extracting(p -> p.id())
                .containsExactly("complaint", "inquiry", "suggestion", "report", "repair", "urgent");
        assertThat(config.lines()).extracting(l -> l.id()).containsExactly("complaints", "service");
        assertThat(config.line("complaints").orElseThrow().urgent()).isEqualTo(UrgentPath.DUTY_MANAGER);
        assertThat(config.line("complaints").orElseThrow().prompts()).containsEntry("greeting-office",
                "hotline/complaints-welcome");

        assertThat(loaded.asterisk().dial().dialString("13800000001")).isEqualTo("PJSIP/13800000001@trunk");
        assertThat(loaded.asterisk().agi().port()).isEqualTo(4573);
        assertThat(loaded.asterisk().ami()).singleElement().satisfies(ami -> assertThat(ami.username()).isEqualTo("hotline"));
        assertThat(loaded.asterisk().agents()).containsEntry("PJSIP/1001", "alice");
        assertThat(loaded.storage().postgresUrl()).isNull();
        assertThat(loaded.storage().dataDir()).isEqualTo(Path.of(".hotline/data"));
        assertThat(loaded.panel()).isEqualTo(PanelConfig.defaults());
        assertThat(loaded.panel().bindHost() + ":" + loaded.panel().port()).isEqualTo("127.0.0.1:8080");
        assertThat(loaded.file()).contains(dir.resolve("hotline.yaml"));
        assertThat(loaded.lines()).isEqualTo(EXAMPLE.split("\n", -1).length - 1);
    }

    @Test
    void theBuiltInExampleLoadsWithoutProblems() throws Exception {
        LoadedConfig loaded = loader.loadBuiltInExample();
        assertThat(loaded.source()).isEqualTo(HotlineConfigLoader.BUILT_IN_NAME);
        assertThat(loaded.file()).isEmpty();
        assertThat(loaded.hotline().lines()).hasSize(2);
    }

    @Test
    void anUnknownKeyIsNamedWithTheKeysExpected() throws Exception {
        String text = replace(EXAMPLE, "  port: 8080\n", "  port: 8080\n  colour: blue\n");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "colour") + ": panel.colour: "
                + "unknown key \"colour\"; expected one of: admin-password, allowed-origins, bcrypt-cost, bind, "
                + "login-burst, login-refill, max-header-bytes, max-json-depth, max-request-bytes, port, secure-cookies, "
                + "session-idle, worker-threads");
    }

    @Test
    void severalPbxsAreAListOfAmiConnectionsEachOnce() throws Exception {
        String amiBlock = "  ami:\n    host: 127.0.0.1\n    port: 5038\n    username: hotline\n    secret: \"change-me\"\n";
        assertThat(EXAMPLE).contains(amiBlock);
        String two = replace(EXAMPLE, amiBlock, """
                  ami:
                    - { host: 10.0.0.21, port: 5038, username: hotline, secret: "one" }
                    - { host: 10.0.0.22, username: hotline, secret: "two" }
                """);
        LoadedConfig loaded = loader.load(write(two));
        assertThat(loaded.asterisk().ami()).extracting(a -> a.host() + ":" + a.port() + " " + a.secret())
                .containsExactly("10.0.0.21:5038 one", "10.0.0.22:5038 two");

        String twice = replace(EXAMPLE, amiBlock, """
                  ami:
                    - { host: 10.0.0.21, username: hotline, secret: "one" }
                    - { host: 10.0.0.21, port: 5038, username: hotline, secret: "again" }
                """);
        assertThat(problems(twice)).containsExactly("hotline.yaml:" + line(twice, "secret: \"again\"")
                + ": asterisk.ami[1]: the PBX 10.0.0.21:5038 is listed twice");
        String none = replace(EXAMPLE, amiBlock, "  ami: []\n");
        assertThat(problems(none)).containsExactly("hotline.yaml:" + line(none, "ami: []")
                + ": asterisk.ami: empty; expected one mapping per PBX (host, port, username, secret)");
    }

    @Test
    void anUnknownTopLevelKeyIsRefused() throws Exception {
        String text = EXAMPLE + "pannel:\n  port: 1\n";
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "pannel") + ": pannel: "
                + "unknown key \"pannel\"; expected one of: asterisk, calendar, deadline-policies, lines, notifications, "
                + "panel, people, rosters, storage, surveys, timezone");
    }

    @Test
    void aWrongTypeNamesTheValueAndWhatWasExpected() throws Exception {
        String text = replace(EXAMPLE, "ring-seconds: { a: 25, b: 25 }", "ring-seconds: { a: twenty, b: 25 }");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "twenty") + ": lines[1].ring-seconds.a: "
                + "expected a whole number of seconds from 5 to 120, got \"twenty\"");
    }

    @Test
    void aRingTimeOutOfRangeIsRefused() throws Exception {
        String text = replace(EXAMPLE, "ring-seconds: { a: 25, b: 25 }", "ring-seconds: { a: 25, b: 300 }");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "b: 300") + ": lines[1].ring-seconds.b: "
                + "expected a whole number of seconds from 5 to 120, got \"300\"");
    }

    @Test
    void anInvertedTimeRangeIsRefused() throws Exception {
        String text = replace(EXAMPLE, "lunch: \"12:00-13:30\"", "lunch: \"13:30-12:00\"");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "lunch: \"13:30") + ": calendar.lunch: "
                + "the range \"13:30-12:00\" is empty or inverted; expected the start before the end "
                + "(a range cannot cross midnight)");
    }

    @Test
    void aMalformedTimeRangeIsRefused() throws Exception {
        String text = replace(EXAMPLE, "tuesday:   [\"08:30-12:00\"", "tuesday:   [\"8:30-12:00\"");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "tuesday:   [") + ": "
                + "calendar.office-hours.tuesday[0]: expected a time range \"HH:MM-HH:MM\", got \"8:30-12:00\"");
    }

    @Test
    void aDuplicateKeyIsRefusedWithBothLines() throws Exception {
        String text = replace(EXAMPLE, "  port: 8080\n", "  port: 8080\n  port: 8081\n");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "port: 8081") + ": panel.port: "
                + "duplicate key \"port\" (first at line " + line(text, "port: 8080") + "); expected each key once");
    }

    @Test
    void aDuplicatePersonIdIsRefused() throws Exception {
        String text = replace(EXAMPLE, "{ id: sun,   name: \"Sun Yue\"", "{ id: li,    name: \"Sun Yue\"");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "\"Sun Yue\"") + ": people[5].id: "
                + "duplicate id \"li\" (also people[1]); expected each id once");
    }

    @Test
    void aBadZoneIsRefused() throws Exception {
        String text = replace(EXAMPLE, "timezone: Asia/Shanghai", "timezone: Asia/Shanghia");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "timezone:") + ": timezone: "
                + "expected an IANA time zone such as Asia/Shanghai or Europe/Berlin, got \"Asia/Shanghia\"");
    }

    @Test
    void aFixedOffsetIsNotAZone() throws Exception {
        String text = replace(EXAMPLE, "timezone: Asia/Shanghai", "timezone: \"+08:00\"");
        assertThat(problems(text)).singleElement().asString().contains("timezone: expected an IANA time zone");
    }

    @Test
    void aBadDueStringListsTheAcceptedForms() throws Exception {
        String text = replace(EXAMPLE, "due: \"5 working days\"", "due: \"five working days\"");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "five working") + ": "
                + "deadline-policies.suggestion[0].due: unrecognised due rule \"five working days\"; accepted forms: "
                + org.hotline.domain.config.DueRule.ACCEPTED_FORMS);
    }

    @Test
    void aMissingRequiredKeyPointsAtItsMapping() throws Exception {
        String text = replace(EXAMPLE, "    voicemail: \"service@hotline\"\n", "");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "- id: service") + ": "
                + "lines[1].voicemail: missing; expected a value");
    }

    @Test
    void aLineIsOpenOnTheOfficesHoursAlwaysOrItsOwn() throws Exception {
        HotlineConfig example = loader.load(write(EXAMPLE)).hotline();
        assertThat(example.line("complaints").orElseThrow().hours()).isEqualTo(LineHours.office());
        assertThat(example.line("service").orElseThrow().hours()).isEqualTo(LineHours.always());

        String own = replace(EXAMPLE, "    hours: always\n", "    hours:\n      office-hours: { monday: [\"08:00-12:00\", \"13:00-20:00\"] }\n"
                + "      lunch: \"12:00-13:00\"\n");
        LineHours hours = loader.load(write(own)).hotline().line("service").orElseThrow().hours();
        assertThat(hours).isEqualTo(new LineHours.Own(Map.of(DayOfWeek.MONDAY,
                List.of(new TimeRange(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                        new TimeRange(LocalTime.of(13, 0), LocalTime.of(20, 0)))),
                Optional.of(new TimeRange(LocalTime.of(12, 0), LocalTime.of(13, 0)))));
    }

    @Test
    void aLinesHoursAreCheckedLikeTheOffices() throws Exception {
        String word = replace(EXAMPLE, "    hours: always\n", "    hours: nights\n");
        assertThat(problems(word)).containsExactly("hotline.yaml:" + line(word, "hours: nights") + ": "
                + "lines[1].hours: expected one of always, office, got \"nights\"");
        String inverted = replace(EXAMPLE, "    hours: always\n",
                "    hours: { office-hours: { monday: [\"20:00-08:00\"] } }\n");
        assertThat(problems(inverted)).singleElement().asString().contains(
                "lines[1].hours.office-hours.monday[0]: the range \"20:00-08:00\" is empty or inverted");
        String none = replace(EXAMPLE, "    hours: always\n", "    hours: { office-hours: {} }\n");
        assertThat(problems(none)).singleElement().asString().contains(
                "lines[1].hours.office-hours: no weekday has hours").contains("hours: always");
        String lunch = replace(EXAMPLE, "    hours: always\n",
                "    hours: { office-hours: { monday: [\"08:00-20:00\"] }, lunch: \"12:00-13:00\" }\n");
        assertThat(problems(lunch)).singleElement().asString().contains(
                "lines[1].hours.lunch: lunch 12:00-13:00 overlaps the office hours of monday");
    }

    @Test
    void aComplaintLinesTierIsReadAndCheckedByName() throws Exception {
        HotlineConfig example = loader.load(write(EXAMPLE)).hotline();
        assertThat(example.line("complaints").orElseThrow().tier()).isEqualTo(ComplaintTier.PROJECT);
        assertThat(example.line("service").orElseThrow().tier()).isNull();
        String area = replace(EXAMPLE, "    hours: always\n", "    hours: always\n    tier: area\n");
        assertThat(loader.load(write(area)).hotline().line("service").orElseThrow().tier()).isEqualTo(ComplaintTier.AREA);
        String word = replace(EXAMPLE, "    hours: always\n", "    hours: always\n    tier: head-office\n");
        assertThat(problems(word)).containsExactly("hotline.yaml:" + line(word, "tier: head-office") + ": "
                + "lines[1].tier: expected one of area, company, project, got \"head-office\"");
    }

    @Test
    void yamlOneOneBooleansAreNotBooleans() throws Exception {
        String text = replace(EXAMPLE, "    ask-location: true\n    urgent: duty-manager\n    voicemail: \"service",
                "    ask-location: yes\n    urgent: duty-manager\n    voicemail: \"service");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "ask-location: yes") + ": "
                + "lines[1].ask-location: expected true or false, got \"yes\"");
    }

    @Test
    void theDialTemplateMustContainTheNumber() throws Exception {
        String text = replace(EXAMPLE, "dial: \"PJSIP/{number}@trunk\"", "dial: \"PJSIP/1001@trunk\"");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "dial: \"PJSIP/1001") + ": "
                + "asterisk.dial: expected a dial string containing {number} exactly once (and no other braces), "
                + "got \"PJSIP/1001@trunk\"");
    }

    @Test
    void aStepIsMetWhereItSaysOrWhereItsNameSuggests() throws Exception {
        String text = replace(EXAMPLE, "    - { step: plan,        due: \"1 working day\" }",
                "    - { step: plan,        due: \"1 working day\", done-at: resolved }\n"
                        + "    - { step: inspect,     due: \"1 working day\" }");
        var complaint = loader.load(write(text)).hotline().policy("complaint").orElseThrow();
        assertThat(complaint.step("plan").orElseThrow().doneAt()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(complaint.step("acknowledge").orElseThrow().doneAt()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(complaint.step("callback").orElseThrow().doneAt()).isEqualTo(TicketStatus.CALLBACK);
        assertThat(complaint.step("inspect").orElseThrow().doneAt()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void aStepCannotBeMetBeforeItsTicketExists() throws Exception {
        String text = replace(EXAMPLE, "    - { step: decide,      due: \"5 working days\", done-at: resolved }",
                "    - { step: decide,      due: \"5 working days\", done-at: accepted }");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "done-at: accepted") + ": "
                + "deadline-policies.suggestion[0].done-at: expected where the step is met: dispatched, in-progress, "
                + "resolved, callback or closed, got \"accepted\"");
    }

    @Test
    void surveysAreOffByDefaultAndTheirPolicyIsReadWithOverridesPerLineAndKind() throws Exception {
        var off = loader.load(write(EXAMPLE)).surveys();
        assertThat(off.ami()).isEmpty();
        assertThat(off.policies().enabled()).isFalse();
        assertThat(off.policies().fallback()).isEqualTo(org.hotline.domain.survey.SurveyPolicy.defaults());

        String text = EXAMPLE + """
                surveys:
                  ami: { username: hotline-survey, secret: s3cret }
                  question-prompt: hotline/survey-question
                  comment-prompt: hotline/survey-comment
                  comment-seconds: 45
                  first-after-working-hours: 2
                  window: "10:00-19:00"
                  retry-after-minutes: 45
                  retry-within-minutes: 90
                  overrides:
                    - kind: repair
                      first-after-working-hours: 24
                      attempts: 2
                """;
        var on = loader.load(write(text)).surveys();
        assertThat(on.ami()).hasValueSatisfying(a -> assertThat(a.username()).isEqualTo("hotline-survey"));
        assertThat(on.policies().enabled()).isTrue();
        assertThat(on.questionPrompt()).isEqualTo("hotline/survey-question");
        assertThat(on.commentPrompt()).isEqualTo("hotline/survey-comment");
        assertThat(on.commentSeconds()).isEqualTo(45);
        assertThat(off.commentPrompt()).isEqualTo("vm-intro");
        assertThat(off.commentSeconds()).isEqualTo(60);
        var base = on.policies().policyFor("complaints", org.hotline.domain.ticket.RequestKind.COMPLAINT);
        assertThat(base.firstAfter()).isEqualTo(java.time.Duration.ofHours(2));
        assertThat(base.window().start()).isEqualTo(java.time.LocalTime.of(10, 0));
        assertThat(base.attempts()).isEqualTo(3);
        var repair = on.policies().policyFor("complaints", org.hotline.domain.ticket.RequestKind.REPAIR);
        assertThat(repair.firstAfter()).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(repair.attempts()).isEqualTo(2);
        assertThat(repair.retryAfter()).as("inherited").isEqualTo(java.time.Duration.ofMinutes(45));
    }

    @Test
    void theDutyVoiceCallIsOffUnlessAskedFor() throws Exception {
        assertThat(loader.load(write(EXAMPLE)).notifications().dutyVoiceCall()).isFalse();
        assertThat(loader.load(write(EXAMPLE + "notifications:\n  duty-voice-call: true\n")).notifications()
                .dutyVoiceCall()).isTrue();
        String text = EXAMPLE + "notifications:\n  duty-voice-call: sometimes\n";
        assertThat(problems(text)).singleElement().asString().contains("notifications.duty-voice-call");
    }

    @Test
    void aSurveyCommentIsNoneOrFiveSecondsAtLeast() throws Exception {
        String text = EXAMPLE + "surveys:\n  comment-seconds: 3\n";
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "comment-seconds: 3")
                + ": surveys.comment-seconds: expected 0 (no comment) or 5 to 600 seconds, got 3");
        assertThat(loader.load(write(EXAMPLE + "surveys:\n  comment-seconds: 0\n")).surveys().commentSeconds()).isZero();
    }

    @Test
    void aSurveyPolicyThatRetriesBeforeItMayIsRefused() throws Exception {
        String text = EXAMPLE + "surveys:\n  retry-after-minutes: 60\n  retry-within-minutes: 30\n"
                + "  overrides:\n    - attempts: 2\n";
        assertThat(problems(text)).containsExactly(
                "hotline.yaml:" + line(text, "retry-within-minutes: 30") + ": surveys.retry-within-minutes: retry-within-minutes "
                        + "(30) is less than retry-after-minutes (60); expected retry-after-minutes <= retry-within-minutes",
                "hotline.yaml:" + line(text, "- attempts") + ": surveys.overrides[0]: an override names a line, a kind, "
                        + "or both; expected line: or kind:");
    }

    @Test
    void theFastAgiCapacityIsConfigurable() throws Exception {
        String text = replace(EXAMPLE, "    max-calls: 2500\n    # A call waits this long for the ticket store or router, then gets the "
                + "fallback verdict.\n    dependency-timeout-ms: 3000\n", "    max-calls: 300\n    dependency-timeout-ms: 1500\n"
                + "    dependency-threads: 8\n    io-threads: 2\n");
        var agi = loader.load(write(text)).asterisk().agi();
        assertThat(agi.maxCalls()).isEqualTo(300);
        assertThat(agi.dependencyTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(agi.dependencyThreads()).isEqualTo(8);
        assertThat(agi.ioThreads()).isEqualTo(2);
        assertThat(loader.load(write(EXAMPLE)).asterisk().agi().maxCalls()).isEqualTo(2500);
    }

    @Test
    void aFastAgiCapacityOfNoCallsIsRefused() throws Exception {
        String text = replace(EXAMPLE, "    max-calls: 2500\n", "    max-calls: 0\n");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "    max-calls: 0") + ": "
                + "asterisk.agi.max-calls: expected a number of calls from 1 to 100000, got \"0\"");
    }

    @Test
    void theDialTemplateCannotSmuggleDialOptions() throws Exception {
        String text = replace(EXAMPLE, "dial: \"PJSIP/{number}@trunk\"", "dial: \"PJSIP/{number}@trunk&DAHDI/1\"");
        assertThat(problems(text)).singleElement().asString().contains("asterisk.dial: expected a dial string such as");
    }

    @Test
    void aDatabaseLoginWithoutADatabaseIsRefused() throws Exception {
        String text = replace(EXAMPLE, "  # postgres-user: hotline\n", "  postgres-user: hotline\n");
        assertThat(problems(text)).containsExactly("hotline.yaml:" + line(text, "  postgres-user: hotline") + ": "
                + "storage.postgres-user: has no effect without postgres-url (the embedded server chooses its own "
                + "login); expected postgres-url as well, or neither");
    }

    @Test
    void anOwnerRoleIsReadWithARealDatabaseAndRefusedWithoutOne() throws Exception {
        String withUrl = replace(EXAMPLE, "  # postgres-url: \"jdbc:postgresql://127.0.0.1:5432/hotline\"\n",
                "  postgres-url: \"jdbc:postgresql://127.0.0.1:5432/hotline\"\n");
        assertThat(problems(withUrl)).containsExactly("hotline.yaml:"
                + line(withUrl, "  postgres-url: ") + ": storage.postgres-url: needs postgres-user as well (the role "
                + "the service connects as); expected postgres-user and postgres-password beside it");
        withUrl = replace(withUrl, "  # postgres-user: hotline\n", "  postgres-user: hotline\n");
        withUrl = replace(withUrl, "  # postgres-owner-user: hotline_owner", "  postgres-owner-user: hotline_owner");
        StorageConfig storage = loader.load(write(withUrl)).storage();
        assertThat(storage.postgresOwnerUser()).isEqualTo("hotline_owner");

        String withoutUrl = replace(EXAMPLE, "  # postgres-owner-user: hotline_owner", "  postgres-owner-user: hotline_owner");
        assertThat(problems(withoutUrl)).containsExactly("hotline.yaml:"
                + line(withoutUrl, "  postgres-owner-user: hotline_owner") + ": storage.postgres-owner-user: has no "
                + "effect without postgres-url (the embedded server chooses its own login); expected postgres-url "
                + "as well, or neither");
    }

    @Test
    void everyProblemOfOneRunIsReportedInLineOrder() throws Exception {
        String text = replace(EXAMPLE, "timezone: Asia/Shanghai", "timezone: Mars/Olympus");
        text = replace(text, "{ id: chen,  name: \"Chen Jing\",  phone: \"13800000005\" }",
                "{ id: chen,  name: \"Chen Jing\",  phone: \"13800000005\", email: x }");
        text = replace(text, "ring-seconds: { a: 25, b: 25 }", "ring-seconds: { a: twenty, b: 25 }");
        text = replace(text, "  port: 8080\n", "  port: eighty\n");
        List<String> problems = problems(text);
        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).startsWith("hotline.yaml:" + line(text, "Mars") + ": timezone: ");
        assertThat(problems.get(1)).startsWith("hotline.yaml:" + line(text, "email: x") + ": people[4].email: unknown key");
        assertThat(problems.get(2)).startsWith("hotline.yaml:" + line(text, "twenty") + ": lines[1].ring-seconds.a: ");
        assertThat(problems.get(3)).startsWith("hotline.yaml:" + line(text, "eighty") + ": panel.port: ");
    }

    @Test
    void aFileWithThousandsOfProblemsListsTheFirstHundred() throws Exception {
        StringBuilder text = new StringBuilder("panel:\n");
        for (int i = 0; i < 150; i++) {
            text.append("  unknown").append(i).append(": x\n");
        }
        List<String> problems = problems(text.toString());
        assertThat(problems).hasSize(YamlSource.MAX_ERRORS + 1);
        // The six missing sections (line 1) come first, then the unknown keys until the limit.
        assertThat(problems.get(0)).isEqualTo("hotline.yaml:1: timezone: missing; expected a value");
        assertThat(problems.get(6)).startsWith("hotline.yaml:2: panel.unknown0: unknown key");
        assertThat(problems.get(YamlSource.MAX_ERRORS)).isEqualTo("hotline.yaml: and 56 more problems not shown "
                + "(at most 100 are listed); fix these first");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws Exception {
        byte[] latin1 = replace(EXAMPLE, "Li Na", "Lì Na").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problems(latin1)).containsExactly("hotline.yaml:" + line(EXAMPLE, "Li Na") + ": not valid UTF-8 "
                + "(byte 0xEC at offset " + EXAMPLE.indexOf("i Na") + "); expected the file to be saved as UTF-8");
    }

    @Test
    void anAliasBombIsRefused() throws Exception {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        assertThat(problems(bomb.toString())).singleElement().asString().startsWith("hotline.yaml: not accepted: "
                + "Number of aliases for non-scalar nodes exceeds the specified max=50");
    }

    @Test
    void aRecursiveAliasIsRefused() throws Exception {
        assertThat(problems("timezone: &z [*z]\n")).containsExactly(
                "hotline.yaml:1: timezone[0]: a recursive alias refers to its own ancestor; expected a finite tree");
    }

    @Test
    void mergeKeysAreRefused() throws Exception {
        assertThat(problems("base: &b { bind: 127.0.0.1 }\npanel:\n  <<: *b\n  port: 1\n")).contains(
                "hotline.yaml:3: panel: merge keys (<<) are not supported; expected the keys written out");
    }

    @Test
    void malformedYamlNamesTheLine() throws Exception {
        assertThat(problems("timezone: Asia/Shanghai\npanel: [1\nlines: []\n")).singleElement().asString()
                .startsWith("hotline.yaml:3: not valid YAML: while parsing a flow sequence");
    }

    @Test
    void controlCharactersAreRefused() throws Exception {
        assertThat(problems("timezone: Asia/Shanghai\npeople: \"\u0007\"\n")).containsExactly(
                "hotline.yaml:2: control character U+0007 is not allowed; expected printable text");
    }

    @Test
    void anEmptyFileSaysWhatIsExpected() throws Exception {
        assertThat(problems("# nothing\n")).containsExactly("hotline.yaml: the file is empty; expected a mapping "
                + "with the keys timezone, calendar, people, rosters, deadline-policies, lines");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(missing));
        assertThat(e.getMessage()).isEqualTo(missing + ": no such file; expected a YAML configuration file "
                + "(see config/hotline.example.yaml)");
    }

    @Test
    void aTopLevelListIsNotAConfiguration() throws Exception {
        assertThat(problems("- a\n- b\n")).contains("hotline.yaml:1: expected a mapping (key: value), got a list");
    }

    @Test
    void theSectionsAroundTheCoreHaveDefaults() throws Exception {
        String text = EXAMPLE.substring(0, EXAMPLE.indexOf("# How the service reaches Asterisk."));
        LoadedConfig loaded = loader.load(write(text));
        assertThat(loaded.asterisk()).isEqualTo(AsteriskSection.defaults());
        assertThat(loaded.storage()).isEqualTo(StorageConfig.embedded(StorageConfig.DEFAULT_DATA_DIR));
        assertThat(loaded.panel()).isEqualTo(PanelConfig.defaults());
        assertThat(loaded.asterisk().ami()).isEmpty();
    }

    @Test
    void theFastAgiSettingsAreChecked() throws Exception {
        String text = replace(EXAMPLE, "    port: 4573\n    allowed-hosts: [\"127.0.0.1\"]\n",
                "    port: 70000\n    allowed-hosts: []\n");
        assertThat(problems(text)).containsExactly(
                "hotline.yaml:" + line(text, "port: 70000") + ": asterisk.agi.port: expected a TCP port "
                        + "(0: any free port) from 0 to 65535, got \"70000\"",
                "hotline.yaml:" + line(text, "allowed-hosts: []") + ": asterisk.agi.allowed-hosts: empty; expected "
                        + "at least the Asterisk host (FastAGI has no authentication)");
    }

    @Test
    void everyPanelKeyInTheReferenceLoads() throws Exception {
        String text = replace(EXAMPLE, "panel:\n  bind: 127.0.0.1\n  port: 8080\n", """
                panel:
                  bind: 127.0.0.1
                  port: 8443
                  secure-cookies: true
                  allowed-origins: ["https://panel.example.org"]
                  session-idle: 45m
                  max-request-bytes: 131072
                  max-header-bytes: 16384
                  max-json-depth: 20
                  login-burst: 3
                  login-refill: 30s
                  worker-threads: 8
                  bcrypt-cost: 12
                  admin-password: "first-admin-secret"
                """);
        PanelConfig panel = loader.load(write(text)).panel();
        assertThat(panel).isEqualTo(new PanelConfig("127.0.0.1", 8443, true, List.of("https://panel.example.org"),
                Duration.ofMinutes(45), 131072, 16384, 20, 3, Duration.ofSeconds(30), 8, 12,
                Optional.of("first-admin-secret")));
    }

    @Test
    void panelMistakesAreNamedWithTheirLines() throws Exception {
        String text = replace(EXAMPLE, "panel:\n  bind: 127.0.0.1\n  port: 8080\n", """
                panel:
                  allowed-origins: ["https://panel.example.org/app"]
                  session-idle: forever
                  bcrypt-cost: 9
                  admin-password: short
                """);
        assertThat(problems(text)).containsExactly(
                "hotline.yaml:" + line(text, "allowed-origins") + ": panel.allowed-origins[0]: expected an origin "
                        + "such as https://panel.example.org[:port] (no path), got \"https://panel.example.org/app\"",
                "hotline.yaml:" + line(text, "session-idle") + ": panel.session-idle: expected a duration such as "
                        + "30m, 20s or 500ms (units ms, s, m, h) from 1m to 24h, got \"forever\"",
                "hotline.yaml:" + line(text, "bcrypt-cost") + ": panel.bcrypt-cost: expected a bcrypt cost from 10 "
                        + "to 14, got \"9\"",
                "hotline.yaml:" + line(text, "admin-password") + ": panel.admin-password: expected a password of at "
                        + "least 8 characters, got \"short\"");
    }

    @Test
    void secretsNeverPrint() throws Exception {
        String text = replace(EXAMPLE, "panel:\n  bind: 127.0.0.1\n  port: 8080\n",
                "panel:\n  admin-password: \"panel-admin-secret\"\n");
        text = replace(text, "  # postgres-url: \"jdbc:postgresql://127.0.0.1:5432/hotline\"\n"
                        + "  # postgres-user: hotline\n  # postgres-password: \"change-me\"\n",
                "  postgres-url: \"jdbc:postgresql://127.0.0.1:5432/hotline\"\n"
                        + "  postgres-user: hotline\n  postgres-password: \"pg-app-secret\"\n");
        LoadedConfig loaded = loader.load(write(text));
        assertThat(loaded.asterisk().ami().get(0).secret()).isEqualTo("change-me");
        assertThat(loaded.panel().adminPassword()).contains("panel-admin-secret");
        assertThat(loaded.storage().postgresPassword()).isEqualTo("pg-app-secret");
        String printed = loaded.toString() + loaded.asterisk().ami().get(0) + loaded.panel() + loaded.storage();
        assertThat(printed).contains("username=hotline", "bcryptCost=10")
                .doesNotContain("change-me", "panel-admin-secret", "pg-app-secret");
    }

    @Test
    void aPrimaryAndStandbyJdbcUrlAndASentinelRedisUrlArePassedToStorageAsWritten() throws Exception {
        String multiHost = "jdbc:postgresql://pg1.internal:5432,pg2.internal:5432/hotline?targetServerType=primary";
        String sentinel = "redis-sentinel://:redis-secret@10.0.0.11:26379,10.0.0.12:26379,10.0.0.13:26379/hotline";
        String text = replace(EXAMPLE, "  # postgres-url: \"jdbc:postgresql://127.0.0.1:5432/hotline\"\n",
                "  postgres-url: \"" + multiHost + "\"\n");
        text = replace(text, "  # postgres-user: hotline\n", "  postgres-user: hotline\n");
        text = replace(text, "  # redis-url: \"redis://127.0.0.1:6379\"\n", "  redis-url: \"" + sentinel + "\"\n");
        LoadedConfig loaded = loader.load(write(text));
        assertThat(loaded.storage().postgresUrl()).isEqualTo(multiHost);
        assertThat(loaded.storage().redisUrl()).isEqualTo(sentinel);
        assertThat(loaded.storage().toString()).doesNotContain("redis-secret");
        // the JDBC driver takes the multi-host URL as it is: both hosts, the primary wanted
        java.util.Properties parsed = org.postgresql.Driver.parseURL(multiHost, new java.util.Properties());
        assertThat(parsed.getProperty("PGHOST")).isEqualTo("pg1.internal,pg2.internal");
        assertThat(parsed.getProperty("targetServerType")).isEqualTo("primary");
    }
}
