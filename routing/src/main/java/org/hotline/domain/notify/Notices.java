package org.hotline.domain.notify;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hotline.domain.deadline.DeadlineWatcher;
import org.hotline.domain.store.UserStore;
import org.hotline.domain.survey.SurveyCall;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.User;

/**
 * What the service tells people off the panel, and whom: each event becomes notifications
 * through the {@link Notifier}, keyed by the event so that it goes out once.
 * <ul>
 *   <li>a deadline alert: whoever the watcher told (the owner; supervisors and duty managers
 *       when missed or unowned); a missed step is urgent (quiet hours do not hold it back), and
 *       a missed final step also goes to the senior managers;</li>
 *   <li>an escalation (the third dispatch) or a major complaint: the senior managers, urgent;</li>
 *   <li>a failed satisfaction call-back: the owner and the supervisors;</li>
 *   <li>an after-hours call-back ticket: the duty managers its route's fallback names (urgent for
 *       the urgent kind);</li>
 *   <li>the morning list of what arrived while the office was closed: the supervisors and the
 *       duty managers told, once per day.</li>
 * </ul>
 * Thread-safe.
 */
public final class Notices {
    private final Notifier notifier;
    private final UserStore users;

    public Notices(Notifier notifier, UserStore users) {
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.users = Objects.requireNonNull(users, "users");
    }

    /** A deadline reminder or escalation the watcher recorded. */
    public void deadline(DeadlineWatcher.Alert a) {
        Ticket t = a.ticket();
        String state = a.missed() ? "missed" : "at risk";
        String key = "deadline/" + t.id() + "/" + a.step() + "/" + a.due() + "/" + (a.missed() ? "missed" : "at-risk");
        String subject = "Ticket " + t.number() + ": deadline '" + a.step() + "' " + state;
        String body = "Ticket " + t.number() + " (" + describe(t) + ") has deadline '" + a.step() + "' due " + a.due()
                + ", which is " + state + ".\nOwner: " + (t.owner() == null ? "nobody" : t.owner()) + ".";
        notifier.notify(key, a.missed() ? "deadline-missed" : "deadline-at-risk", a.told(), subject, body, t.id(),
                a.missed());
        if (a.missed() && isFinal(t, a.step())) {
            notifier.notify(key + "/leadership", "deadline-missed-final", seniorManagers(), "Escalated: " + subject,
                    body + "\nThis is the ticket's final deadline.", t.id(), true);
        }
    }

    /** The ticket was escalated to senior management (the third dispatch). */
    public void escalated(Ticket t, String why) {
        notifier.notify("escalation/" + t.id() + "/" + t.dispatchCount(), "escalation", seniorManagers(),
                "Escalated: ticket " + t.number() + " (" + why + ")",
                "Ticket " + t.number() + " (" + describe(t) + ") was escalated to senior management: " + why
                        + ".\nDispatch " + t.dispatchCount() + ", department " + t.department() + ", owner "
                        + (t.owner() == null ? "nobody" : t.owner()) + ".", t.id(), true);
    }

    /** A major complaint was flagged (by a person or the rules): the senior managers at once. */
    public void major(Ticket t, String reason) {
        notifier.notify("major/" + t.id(), "major-complaint", seniorManagers(), "Major complaint: ticket " + t.number(),
                "Ticket " + t.number() + " (" + describe(t) + ") is a major complaint: " + reason + ".\nOwner: "
                        + (t.owner() == null ? "nobody" : t.owner()) + ".", t.id(), true);
    }

    /** Nobody followed the ticket up since {@code since}: its owner is reminded. */
    public void followUp(Ticket t, java.time.Instant since) {
        if (t.owner() == null) {
            return;
        }
        notifier.notify("follow-up/" + t.id() + "/" + since, "follow-up", List.of(t.owner()),
                "Follow up ticket " + t.number(), "Ticket " + t.number() + " (" + describe(t)
                        + ") has had no follow-up since " + since + ". Follow it up, or record a progress reply "
                        + "with a promised date if its deadline cannot be met.", t.id(), false);
    }

    /** The automatic call-back could not reach the caller: somebody must call by hand. */
    public void callbackFailed(SurveyCall c, Ticket t) {
        Set<String> to = new LinkedHashSet<>();
        if (t.owner() != null) {
            to.add(t.owner());
        }
        active().stream().filter(u -> u.role() == Role.SUPERVISOR).forEach(u -> to.add(u.username()));
        notifier.notify("callback-failed/" + c.ticketId() + "/" + c.round(), "callback-failed", to,
                "Call-back failed: ticket " + t.number(),
                "The satisfaction call-back of ticket " + t.number() + " to " + c.callbackNumber()
                        + " did not reach the caller: " + c.note() + "\nCall the caller by hand and record the result.",
                t.id(), false);
    }

    /** Nobody took an after-hours call: the duty managers the route's fallback names must act on it. */
    public void afterHours(Ticket t, List<String> dutyManagers) {
        boolean urgent = t.kind() == org.hotline.domain.ticket.RequestKind.URGENT;
        notifier.notify("after-hours/" + t.id(), "after-hours-callback", dutyManagers,
                (urgent ? "Urgent: " : "") + "Call back: ticket " + t.number() + " (after hours)",
                "A call on line " + t.line() + " at " + t.createdAt() + " reached nobody: ticket " + t.number()
                        + " (" + describe(t) + ") is flagged for call-back.\nCall back "
                        + (t.callbackNumber() != null ? t.callbackNumber() : t.callerNumber() == null ? "the caller"
                                : t.callerNumber())
                        + (t.voiceMessageRef() != null ? "; the caller left a voice message (" + t.voiceMessageRef() + ")" : "")
                        + ".\nYou are told as the duty manager of the day.", t.id(), urgent);
    }

    /**
     * The morning list: what arrived between {@code since} and the opening of {@code day}, keyed
     * by the day so that it is sent once.
     */
    public void morningList(java.time.LocalDate day, java.time.Instant since, java.time.Instant opening,
            List<Ticket> arrived) {
        Set<String> to = new LinkedHashSet<>();
        active().stream().filter(u -> u.role() == Role.SUPERVISOR).forEach(u -> to.add(u.username()));
        for (Ticket t : arrived) {
            if (t.dutyTold() != null) {
                to.addAll(List.of(t.dutyTold().split(",")));
            }
            if (t.forwardedTo() != null) {
                to.add(t.forwardedTo());
            }
        }
        StringBuilder body = new StringBuilder("Arrived since ").append(since).append(" (before the opening at ")
                .append(opening).append("): ").append(arrived.size()).append(arrived.size() == 1 ? " ticket" : " tickets")
                .append(".\n");
        for (Ticket t : arrived) {
            body.append("\n").append(t.number()).append(" · ").append(describe(t)).append(" · ")
                    .append(t.status().name().toLowerCase(java.util.Locale.ROOT))
                    .append(t.owner() != null ? " · owner " + t.owner() : " · nobody owns it")
                    .append(t.callbackRequested() ? " · call back" : "")
                    .append(t.dutyTold() != null ? " · duty told: " + t.dutyTold() : "")
                    .append(t.forwardedTo() != null ? " · forwarded to " + t.forwardedTo() : "");
        }
        notifier.notify("morning-list/" + day, "morning-list", to, "What arrived overnight: " + arrived.size()
                + (arrived.size() == 1 ? " ticket" : " tickets") + " (" + day + ")", body.toString(), 0, false);
    }

    private List<String> seniorManagers() {
        return active().stream().filter(u -> u.role() == Role.SENIOR_MANAGER).map(User::username).toList();
    }

    private List<User> active() {
        return users.list().stream().filter(User::active).toList();
    }

    /** The step due last (of the steps that are deadlines, not {@code .max} bounds) is the final one. */
    private static boolean isFinal(Ticket t, String step) {
        return t.deadlines().entrySet().stream().filter(e -> !e.getKey().endsWith(org.hotline.domain.deadline.PolicyDeadlines.MAX_SUFFIX))
                .max(java.util.Map.Entry.comparingByValue()).map(e -> e.getKey().equals(step)).orElse(false);
    }

    private static String describe(Ticket t) {
        return (t.kind() == null ? "request" : t.kind().configName()) + " on line " + t.line();
    }
}
