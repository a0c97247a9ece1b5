package org.hotline.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hotline.storage.Storage;
import org.hotline.storage.testing.FreshStorage;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.store.TicketQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Caller-controlled strings are stored exactly or cut by {@link TextRule}, never interpreted. */
class HostileTextIT {

    Storage storage;

    @RegisterExtension
    final FreshStorage fresh = new FreshStorage(Clock.systemUTC());

    @BeforeEach
    void start() {
        storage = fresh.storage();
    }

    static List<String> hostile() {
        return List.of(
                "<img src=x onerror=alert(1)>",
                "<script>document.location='http://evil'</script>",
                "Robert'); DROP TABLE tickets;--",
                "' OR '1'='1",
                "\"double\" 'single' `back` \\ backslash $1 %s {0}",
                "a\u0000b\u0000",
                "lone \uD800 high and \uDC00 low",
                new String(new byte[] {'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, (byte) 0xFE}, java.nio.charset.StandardCharsets.ISO_8859_1),
                TextRule.decode(new byte[] {'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, (byte) 0xFE}),
                "投诉 😀 \u202Eright-to-left override",
                "x".repeat(100 * 1024),
                "😀".repeat(70_000));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void roundTripsPerTheRule(String s) {
        String linkedid = "hostile-" + Integer.toHexString(s.hashCode());
        Ticket t = storage.tickets().openForCall(new CallIntake("complaints", s, s, s, linkedid, Instant.now()));
        t = storage.tickets().updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.COMPLAINT)
                .withCallbackNumber(s).withLocation(s).withDescription(s));
        Actor sue = new Actor("sue", Role.SUPERVISOR);
        t = storage.tickets().apply(t.id(), t.version(), sue, new TicketAction.AddNote(s));

        Ticket read = storage.tickets().find(t.id()).orElseThrow();
        assertThat(read).isEqualTo(t);
        assertThat(read.callerName()).isEqualTo(TextRule.name(s));
        assertThat(read.callerNumber()).isEqualTo(TextRule.shortText(s));
        assertThat(read.callbackNumber()).isEqualTo(TextRule.shortText(s));
        assertThat(read.location()).isEqualTo(TextRule.name(s));
        assertThat(read.description()).isEqualTo(TextRule.longText(s));
        HistoryEvent note = storage.tickets().history(t.id()).get(2);
        assertThat(note.note()).isEqualTo(TextRule.longText(s));
        if (s.length() < 200 && s.indexOf('\u0000') < 0 && s.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
            assertThat(read.callerName()).isEqualTo(s);
        }
        assertThat(storage.tickets().search(TicketQuery.open(10), sue)).hasSize(1);
    }
}
