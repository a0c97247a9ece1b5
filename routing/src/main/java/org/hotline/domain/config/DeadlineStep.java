package org.hotline.domain.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.hotline.domain.ticket.TicketStatus;

/**
 * One step of a deadline policy: named {@code name}, due by {@code due} and extendable to at
 * most {@code max}, both counted from the ticket's acceptance, or from the due instant of
 * the earlier step {@code after} when given. The step is met once the ticket reaches
 * {@code doneAt} in its life (config {@code done-at}); a ticket that reached it owes the step
 * nothing more, so it is neither at risk nor overdue for it.
 */
public record DeadlineStep(String name, DueRule due, Optional<DueRule> max, Optional<String> after,
                           TicketStatus doneAt) {

    /** The statuses a step can be met by, in the order a ticket reaches them. */
    public static final List<TicketStatus> DONE_AT = List.of(TicketStatus.DISPATCHED, TicketStatus.IN_PROGRESS,
            TicketStatus.RESOLVED, TicketStatus.CALLBACK, TicketStatus.CLOSED);

    public DeadlineStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(after, "after");
        if (!DONE_AT.contains(doneAt)) {
            throw new IllegalArgumentException("a step is met by dispatched, in-progress, resolved, callback or closed, got "
                    + doneAt);
        }
    }

    /** A step met where its name says ({@link #defaultDoneAt}). */
    public DeadlineStep(String name, DueRule due, Optional<DueRule> max, Optional<String> after) {
        this(name, due, max, after, defaultDoneAt(name));
    }

    /** A step counted from acceptance, without a maximum. */
    public static DeadlineStep of(String name, String due) {
        return new DeadlineStep(name, DueRule.parse(due), Optional.empty(), Optional.empty());
    }

    /**
     * Where a step is met when the configuration does not say: {@code acknowledge} and
     * {@code dispatch} at dispatch; {@code plan} once in progress; {@code resolve},
     * {@code answer}, {@code decide}, {@code reply} and {@code verify} at resolution;
     * {@code callback} at the call-back; any other name only when the ticket is closed.
     */
    public static TicketStatus defaultDoneAt(String name) {
        return switch (name) {
            case "acknowledge", "dispatch" -> TicketStatus.DISPATCHED;
            case "plan" -> TicketStatus.IN_PROGRESS;
            case "resolve", "answer", "decide", "reply", "verify" -> TicketStatus.RESOLVED;
            case "callback" -> TicketStatus.CALLBACK;
            default -> TicketStatus.CLOSED;
        };
    }

    /** How {@code done-at} names a status in the configuration: {@code in-progress} for {@code IN_PROGRESS}. */
    public static String doneAtName(TicketStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a ticket now in {@code status} has met this step. */
    public boolean metBy(TicketStatus status) {
        return reached(status, doneAt);
    }

    /** Whether a ticket now in {@code status} has come as far as {@code doneAt}. */
    public static boolean reached(TicketStatus status, TicketStatus doneAt) {
        return progress(status) >= progress(doneAt);
    }

    /** How far along its life a ticket in {@code status} is; a missed or abandoned call has met nothing. */
    private static int progress(TicketStatus status) {
        return switch (status) {
            case ACCEPTED, ABANDONED, MISSED -> 0;
            case DISPATCHED -> 1;
            case IN_PROGRESS -> 2;
            case RESOLVED -> 3;
            case CALLBACK -> 4;
            case CLOSED -> 5;
        };
    }
}
