package org.hotline.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The domain's repeat rules, case by case; local time in Shanghai decides the quarter. */
class RepeatRuleTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final RepeatRule rule = new RepeatRule(SHANGHAI);

    private static Instant local(String t) {
        return LocalDateTime.parse(t).atZone(SHANGHAI).toInstant();
    }

    private static RepeatRule.Contact c(long id, String at, String caller, String callback, RequestKind kind,
            String location, Long linkedTo) {
        return new RepeatRule.Contact(id, local(at), caller, callback, kind, location, linkedTo);
    }

    private static final RepeatRule.Contact FIRST = c(1, "2026-02-10T10:00", "13911112222", null, RequestKind.COMPLAINT,
            "3-2-101", null);

    static Stream<Arguments> pairs() {
        return Stream.of(
                // later, is it a repeat of FIRST, why
                Arguments.of(c(2, "2026-03-31T23:59", "13911112222", null, RequestKind.COMPLAINT, "3-2-101", null), true,
                        "same caller, kind and location, last minute of the quarter"),
                Arguments.of(c(2, "2026-03-05T09:00", "13911112222", null, RequestKind.COMPLAINT, " 3-2-101 ", null), true,
                        "location compared without surrounding blanks"),
                Arguments.of(c(2, "2026-04-01T00:00", "13911112222", null, RequestKind.COMPLAINT, "3-2-101", null), false,
                        "next quarter (local midnight; still 31 March in UTC)"),
                Arguments.of(c(2, "2026-03-05T09:00", "13911112222", null, RequestKind.COMPLAINT, "3-2-102", null), false,
                        "another location"),
                Arguments.of(c(2, "2026-03-05T09:00", "13911112222", null, RequestKind.REPAIR, "3-2-101", null), false,
                        "another kind"),
                Arguments.of(c(2, "2026-03-05T09:00", "13911112222", null, RequestKind.REPAIR, null, 1L), true,
                        "another kind, no location, but linked by an agent"),
                Arguments.of(c(2, "2026-03-05T09:00", "13933334444", "13911112222", RequestKind.COMPLAINT, "3-2-101", null),
                        true, "another phone, the same call-back number"),
                Arguments.of(c(2, "2026-03-05T09:00", "13933334444", null, RequestKind.COMPLAINT, "3-2-101", null), false,
                        "another caller"),
                Arguments.of(c(2, "2026-03-05T09:00", "13933334444", null, RequestKind.COMPLAINT, "3-2-101", 1L), false,
                        "a link does not make another caller the same one"),
                Arguments.of(c(2, "2026-01-05T09:00", "13911112222", null, RequestKind.COMPLAINT, "3-2-101", null), false,
                        "earlier, not later"),
                Arguments.of(c(2, "2026-03-05T09:00", "13911112222", null, RequestKind.UNKNOWN, "3-2-101", null), false,
                        "the unknown kind is no issue"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("pairs")
    void aRepeatIsTheSameCallerWithTheSameIssueInTheSameQuarter(RepeatRule.Contact later, boolean repeat, String why) {
        assertThat(rule.repeats(later, FIRST)).as(why).isEqualTo(repeat);
    }

    @Test
    void withoutALocationTwoTicketsOfOneKindAreNotTheSameIssue() {
        RepeatRule.Contact a = c(1, "2026-02-10T10:00", "139", null, RequestKind.COMPLAINT, null, null);
        RepeatRule.Contact b = c(2, "2026-02-11T10:00", "139", null, RequestKind.COMPLAINT, "", null);
        assertThat(rule.repeats(b, a)).isFalse();
    }

    @Test
    void repeatGroupsJoinACallersTicketsAndLeaveOutTheRest() {
        RepeatRule.Contact a1 = FIRST;
        RepeatRule.Contact a2 = c(2, "2026-02-20T10:00", "13911112222", null, RequestKind.COMPLAINT, "3-2-101", null);
        RepeatRule.Contact a3 = c(5, "2026-03-01T10:00", null, "13911112222", RequestKind.INQUIRY, null, 2L);
        RepeatRule.Contact alone = c(3, "2026-02-21T10:00", "13911112222", null, RequestKind.REPAIR, "gate", null);
        RepeatRule.Contact other = c(4, "2026-02-22T10:00", "13800000000", null, RequestKind.COMPLAINT, "3-2-101", null);
        List<List<RepeatRule.Contact>> groups = rule.repeatGroups(List.of(a3, other, alone, a2, a1));
        assertThat(groups).containsExactly(List.of(a1, a2, a3));
        assertThat(rule.isRepeat(a1, groups.get(0))).isFalse();
        assertThat(rule.isRepeat(a3, groups.get(0))).isTrue();
        assertThat(rule.anyRepeat(List.of(a1, alone, other))).isFalse();
        assertThat(rule.anyRepeat(List.of(a1, a2))).isTrue();
    }

    @Test
    void theSameRepairThreeTimesInAQuarterIsARepeatedRepairWhoeverCalled() {
        List<RepeatRule.Contact> repairs = List.of(
                c(1, "2026-01-03T10:00", "1", null, RequestKind.REPAIR, "Lift B", null),
                c(2, "2026-02-03T10:00", "2", null, RequestKind.REPAIR, "lift b", null),
                c(3, "2026-03-03T10:00", "3", null, RequestKind.REPAIR, "Lift B ", null),
                c(4, "2026-04-03T10:00", "4", null, RequestKind.REPAIR, "Lift B", null),   // next quarter
                c(5, "2026-01-04T10:00", "5", null, RequestKind.REPAIR, "Gate", null),
                c(6, "2026-01-05T10:00", "6", null, RequestKind.REPAIR, "Gate", null),     // twice only
                c(7, "2026-01-06T10:00", "7", null, RequestKind.COMPLAINT, "Gate", null)); // no repair
        List<List<RepeatRule.Contact>> repeated = rule.repeatedRepairs(repairs);
        assertThat(repeated).hasSize(1);
        assertThat(repeated.get(0)).extracting(RepeatRule.Contact::ticketId).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aQuarterStartsAtLocalMidnight() {
        assertThat(rule.quarterStart(local("2026-06-30T23:59:59"))).isEqualTo(local("2026-04-01T00:00"));
        assertThat(rule.quarterStart(local("2026-07-01T00:00"))).isEqualTo(local("2026-07-01T00:00"));
    }
}
