package org.hotline.domain.ticket;

import static org.hotline.domain.ticket.TicketStatus.ABANDONED;
import static org.hotline.domain.ticket.TicketStatus.ACCEPTED;
import static org.hotline.domain.ticket.TicketStatus.CALLBACK;
import static org.hotline.domain.ticket.TicketStatus.CLOSED;
import static org.hotline.domain.ticket.TicketStatus.DISPATCHED;
import static org.hotline.domain.ticket.TicketStatus.IN_PROGRESS;
import static org.hotline.domain.ticket.TicketStatus.MISSED;
import static org.hotline.domain.ticket.TicketStatus.RESOLVED;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one state machine of a ticket's life. Every transition is a row of {@link #TRANSITIONS}:
 * which action, from which states, to which state, which roles may make it, and what it
 * requires. {@link #decide} is pure: it returns either the changed ticket and the history entry
 * to append, or a refusal with a reason a person can act on; it never throws for a refused
 * action and changes nothing.
 *
 * <p>Rules beyond the table, checked in this order:
 * <ol>
 *   <li>a confidential ticket is refused to a viewer it is not {@link Ticket#visibleTo visible to};</li>
 *   <li>an {@link Role#AGENT} may act only on tickets it owns or that have no owner
 *       (first-responder accountability; acting on an unowned ticket makes the agent its owner),
 *       except {@link TicketAction.AddNote};</li>
 *   <li>the row's roles, then its requirement.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class TicketLifecycle {

    /** A requirement: empty when met, otherwise the reason for the refusal. */
    @FunctionalInterface
    public interface Requirement {
        Optional<String> check(Ticket ticket, Actor actor, TicketAction action);

        Requirement NONE = (t, a, x) -> Optional.empty();
    }

    /**
     * One allowed move.
     *
     * @param action the action type
     * @param from   states it may start from
     * @param to     resulting state, {@code null} for "stays where it is"
     * @param roles  roles allowed to make it
     * @param requirement what must hold beyond state and role
     * @param rule   the requirement in words (for documentation and refusals)
     */
    public record Transition(Class<? extends TicketAction> action, Set<TicketStatus> from, TicketStatus to,
            Set<Role> roles, Requirement requirement, String rule) {
        public Transition {
            from = Set.copyOf(from);
            roles = Set.copyOf(roles);
        }
    }

    /** The outcome of {@link #decide}. */
    public sealed interface Decision permits Applied, Refused {}

    /**
     * An allowed action: the ticket after it ({@code version} unchanged; the store increments it)
     * and the history entry to append (its {@code seq} is assigned by the store).
     */
    public record Applied(Ticket after, String action, TicketStatus from, TicketStatus to, String note,
            Map<String, String> data) implements Decision {
        public Applied {
            data = Map.copyOf(data);
        }
    }

    /** A refused action and why. Nothing changed. */
    public record Refused(String reason) implements Decision {}

    private static final Set<Role> PEOPLE = EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.DUTY_MANAGER,
            Role.TIP_OFF_HANDLER, Role.SENIOR_MANAGER, Role.ADMIN);
    private static final Set<Role> MANAGERS = EnumSet.of(Role.SUPERVISOR, Role.DUTY_MANAGER, Role.SENIOR_MANAGER,
            Role.ADMIN);
    private static final Set<Role> SYSTEM = EnumSet.of(Role.SYSTEM);
    /** People, and the IVR's satisfaction call-back recording the caller's own score. */
    private static final Set<Role> PEOPLE_OR_SURVEY = EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.DUTY_MANAGER,
            Role.TIP_OFF_HANDLER, Role.SENIOR_MANAGER, Role.ADMIN, Role.SYSTEM);
    private static final Set<TicketStatus> OPEN = EnumSet.complementOf(EnumSet.of(CLOSED));
    /** Dispositions of a call still going on: queued or ringing someone, or taken over by the fallback. */
    private static final Set<CallDisposition> IN_PROGRESS_DISPOSITIONS = EnumSet.of(CallDisposition.INTERRUPTED,
            CallDisposition.QUEUED, CallDisposition.FORWARDED);
    /** Dispositions that say how the call ended; an interruption reported after one changes nothing. */
    private static final Set<CallDisposition> FINAL_DISPOSITIONS = EnumSet.of(CallDisposition.ANSWERED,
            CallDisposition.VOICEMAIL, CallDisposition.NO_ANSWER, CallDisposition.ABANDONED, CallDisposition.MISSED);

    /** Every allowed move. The first row whose action and from-state match decides. */
    public static final List<Transition> TRANSITIONS = List.of(
            new Transition(TicketAction.Dispatch.class, EnumSet.of(ACCEPTED, MISSED, ABANDONED), DISPATCHED, PEOPLE,
                    (t, a, x) -> blank(((TicketAction.Dispatch) x).department(), "name the department to dispatch to")
                            .or(() -> t.kind() == null ? Optional.of("choose the kind of request before dispatching") : Optional.empty()),
                    "needs a department and a kind of request; counts as dispatch 1"),
            new Transition(TicketAction.RecordPlan.class, EnumSet.of(DISPATCHED, IN_PROGRESS), null, PEOPLE,
                    (t, a, x) -> blank(((TicketAction.RecordPlan) x).plan(), "describe the department's plan")
                            .or(() -> ((TicketAction.RecordPlan) x).deadline() == null
                                    ? Optional.of("give the promised completion time") : Optional.empty())
                            .or(() -> withinMax(t, a, ((TicketAction.RecordPlan) x).deadline())),
                    "needs a plan and a completion time (sets deadline 'resolve'); beyond the step's max only "
                            + "a supervisor may plan"),
            new Transition(TicketAction.ProgressReply.class, EnumSet.of(DISPATCHED, IN_PROGRESS), null, PEOPLE,
                    (t, a, x) -> blank(((TicketAction.ProgressReply) x).toldCaller(), "say what the caller was told")
                            .or(() -> ((TicketAction.ProgressReply) x).promised() == null
                                    ? Optional.of("give the date promised to the caller") : Optional.empty())
                            .or(() -> withinMax(t, a, ((TicketAction.ProgressReply) x).promised())),
                    "what the caller was told and the promised date (the next deadline 'resolve'); beyond the "
                            + "step's max only a supervisor may promise"),
            new Transition(TicketAction.FollowUpReminder.class, EnumSet.of(DISPATCHED, IN_PROGRESS), null, SYSTEM,
                    Requirement.NONE, "the follow-up watcher, once per quiet period"),
            new Transition(TicketAction.StartProgress.class, EnumSet.of(DISPATCHED), IN_PROGRESS, PEOPLE,
                    Requirement.NONE, "after dispatch"),
            new Transition(TicketAction.Resolve.class, EnumSet.of(DISPATCHED, IN_PROGRESS), RESOLVED, PEOPLE,
                    TicketLifecycle::resolveRequirement, "needs what was done and who did it"),
            new Transition(TicketAction.Resolve.class, EnumSet.of(ACCEPTED), RESOLVED, PEOPLE,
                    (t, a, x) -> t.kind() != RequestKind.INQUIRY
                            ? Optional.of("only an inquiry can be resolved on the spot; dispatch it first")
                            : resolveRequirement(t, a, x),
                    "an inquiry answered on the spot"),
            new Transition(TicketAction.RecordCallback.class, EnumSet.of(RESOLVED, CALLBACK), CALLBACK, PEOPLE_OR_SURVEY,
                    (t, a, x) -> ((TicketAction.RecordCallback) x).result() == null
                            ? Optional.of("say whether the caller was satisfied, not satisfied, or not reached")
                            : Optional.empty(),
                    "after resolution; may be repeated"),
            new Transition(TicketAction.RecordExplanation.class, EnumSet.of(DISPATCHED, IN_PROGRESS, RESOLVED, CALLBACK),
                    null, PEOPLE, TicketLifecycle::explanationRequirement,
                    "a complaint classified to be improved or invalid; what the caller was told and whether "
                            + "the caller accepted it"),
            new Transition(TicketAction.Close.class, EnumSet.of(CALLBACK), CLOSED, PEOPLE,
                    TicketLifecycle::closeRequirement,
                    "a call-back that reached the caller; a complaint also a classification and that "
                            + "classification's own condition: valid, the caller satisfied; to be improved, the "
                            + "caller accepted the explanation; invalid, the explanation recorded"),
            new Transition(TicketAction.Close.class, EnumSet.of(ACCEPTED, MISSED, ABANDONED), CLOSED, MANAGERS,
                    (t, a, x) -> blank(((TicketAction.Close) x).note(),
                            "say why a ticket nobody handled is closed (for example: test call, wrong number)"),
                    "a supervisor closes a stray record, with a reason"),
            new Transition(TicketAction.Redispatch.class, EnumSet.of(CALLBACK), DISPATCHED, PEOPLE_OR_SURVEY,
                    (t, a, x) -> t.lastCallback() != CallbackResult.UNSATISFIED
                            ? Optional.of("re-dispatch follows an unsatisfied call-back; the last call-back was "
                                    + (t.lastCallback() == null ? "not recorded" : t.lastCallback().name().toLowerCase()))
                            : blank(((TicketAction.Redispatch) x).reason(), "give the reason for re-dispatching"),
                    "after an unsatisfied call-back; increments the dispatch count, the third escalates"),
            new Transition(TicketAction.Reassign.class, OPEN, null, MANAGERS,
                    (t, a, x) -> blank(((TicketAction.Reassign) x).owner(), "name the new owner"),
                    "supervisors only"),
            new Transition(TicketAction.TakeOver.class, EnumSet.of(ACCEPTED, MISSED, ABANDONED), ACCEPTED, PEOPLE,
                    (t, a, x) -> t.owner() != null && !t.owner().equals(a.id())
                            ? Optional.of("ticket " + t.number() + " is already owned by " + t.owner())
                            : Optional.empty(),
                    "an unowned ticket; the actor becomes its owner"),
            new Transition(TicketAction.ReturnToQueue.class, EnumSet.of(ACCEPTED, MISSED, ABANDONED), null, PEOPLE_OR_SURVEY,
                    (t, a, x) -> t.owner() == null || !t.owner().equals(((TicketAction.ReturnToQueue) x).from())
                            ? Optional.of("ticket " + t.number() + " is not owned by " + ((TicketAction.ReturnToQueue) x).from())
                            : a.role().isPerson() && !a.id().equals(t.owner())
                                    ? Optional.of("only its owner " + t.owner() + " gives ticket " + t.number() + " back")
                                    : !t.callbackRequested()
                                            ? Optional.of("ticket " + t.number() + " was not waiting for a call-back")
                                            : Optional.empty(),
                    "the owner gives back a taken ticket before dispatch, or their claim's lease expired"),
            new Transition(TicketAction.Classify.class, OPEN, null, PEOPLE,
                    (t, a, x) -> t.kind() != RequestKind.COMPLAINT
                            ? Optional.of("only complaints are classified; this ticket is "
                                    + (t.kind() == null ? "of no kind yet" : "a " + t.kind().configName()))
                            : Optional.empty(),
                    "complaints only"),
            new Transition(TicketAction.AddNote.class, OPEN, null, PEOPLE,
                    (t, a, x) -> blank(((TicketAction.AddNote) x).note(), "the note is empty"), "any open ticket"),
            new Transition(TicketAction.LinkEarlier.class, OPEN, null, PEOPLE_OR_SURVEY, TicketLifecycle::linkRequirement,
                    "an earlier ticket of the same caller (a shared caller or call-back number), not this one"),
            new Transition(TicketAction.EditIntake.class, OPEN, null, EnumSet.allOf(Role.class),
                    Requirement.NONE, "any open ticket"),
            new Transition(TicketAction.Abandon.class, EnumSet.of(ACCEPTED), ABANDONED, SYSTEM,
                    Requirement.NONE, "the caller hung up before reaching anyone"),
            new Transition(TicketAction.DeadlineAlert.class, OPEN, null, SYSTEM, Requirement.NONE,
                    "the deadline watcher, once per step, due instant and state"),
            new Transition(TicketAction.MarkMissed.class, EnumSet.of(ACCEPTED), MISSED, SYSTEM,
                    Requirement.NONE, "the call reached nobody"),
            new Transition(TicketAction.FlagMajor.class, OPEN, null, PEOPLE_OR_SURVEY,
                    (t, a, x) -> blank(((TicketAction.FlagMajor) x).reason(), "say why this is a major complaint"),
                    "a person or the major-complaint rules; reported to senior management at once"),
            new Transition(TicketAction.SurveyAttempt.class, OPEN, null, SYSTEM, Requirement.NONE,
                    "the satisfaction call-back, once per attempt and outcome"),
            new Transition(TicketAction.SurveyComment.class, OPEN, null, PEOPLE_OR_SURVEY,
                    (t, a, x) -> blank(((TicketAction.SurveyComment) x).recordingRef(), "name the recording"),
                    "the caller's recorded comment in a satisfaction call-back"),
            new Transition(TicketAction.AssignAtOpening.class, EnumSet.of(ACCEPTED, MISSED, ABANDONED), null, SYSTEM,
                    (t, a, x) -> t.owner() != null
                            ? Optional.of("ticket " + t.number() + " is already owned by " + t.owner())
                            : blank(((TicketAction.AssignAtOpening) x).owner(), "name the agent"),
                    "an unowned after-hours ticket, at the next opening, to an agent on shift"),
            new Transition(TicketAction.DutyTold.class, OPEN, null, SYSTEM,
                    (t, a, x) -> blank(((TicketAction.DutyTold) x).personId(), "name the duty manager told"),
                    "the after-hours notice named the duty manager told"));

    /**
     * Decides {@code action} by {@code actor} on {@code ticket} at {@code now}.
     *
     * @return {@link Applied} with the changed ticket ({@code updatedAt = now}) or {@link Refused}
     */
    public Decision decide(Ticket ticket, Actor actor, TicketAction action, Instant now) {
        if (!ticket.visibleTo(actor) && actor.role() != Role.SYSTEM) {
            // visibility is about people reading tickets; the service's own processes act on every ticket
            return new Refused("ticket " + ticket.number() + " is confidential; " + actor.id() + " may not see it");
        }
        List<Transition> rows = TRANSITIONS.stream().filter(r -> r.action() == action.getClass()).toList();
        Transition row = rows.stream().filter(r -> r.from().contains(ticket.status())).findFirst().orElse(null);
        if (row == null) {
            String allowed = rows.stream().flatMap(r -> r.from().stream()).distinct().sorted()
                    .map(s -> s.name().toLowerCase()).collect(Collectors.joining(", "));
            return new Refused("cannot " + action.actionName() + " ticket " + ticket.number() + ": it is "
                    + ticket.status().name().toLowerCase() + "; allowed only when " + allowed);
        }
        if (!row.roles().contains(actor.role())) {
            return new Refused(actor.role().name().toLowerCase() + " " + actor.id() + " may not "
                    + action.actionName() + " a ticket; allowed for " + row.roles().stream().sorted()
                            .map(r -> r.name().toLowerCase()).collect(Collectors.joining(", ")));
        }
        if (actor.role() == Role.AGENT && !(action instanceof TicketAction.AddNote)
                && ticket.owner() != null && !ticket.owner().equals(actor.id())) {
            return new Refused("ticket " + ticket.number() + " is owned by " + ticket.owner()
                    + "; ask a supervisor to reassign it");
        }
        Optional<String> unmet = row.requirement().check(ticket, actor, action);
        if (unmet.isPresent()) {
            return new Refused("cannot " + action.actionName() + " ticket " + ticket.number() + ": " + unmet.get());
        }
        TicketStatus to = row.to() == null ? ticket.status() : row.to();
        Ticket.Builder b = ticket.toBuilder().status(to).updatedAt(now);
        if (actor.role() == Role.AGENT && ticket.owner() == null && !(action instanceof TicketAction.AddNote)) {
            b.owner(actor.id());
        }
        Map<String, String> data = new LinkedHashMap<>();
        String note = effect(ticket, actor, action, b, data);
        return new Applied(b.build(), action.actionName(), ticket.status(), to, note, data);
    }

    private static void corrected(Map<String, String> data, String field, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            data.put(field, after == null ? "" : after);
            data.put(field + ".was", before == null ? "" : before);
        }
    }

    private static String wire(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The effect of a call outcome; always applied (call outcomes are facts, not requests), and
     * idempotent: the same outcome reported twice yields the same ticket.
     */
    public Applied onCallOutcome(Ticket ticket, CallOutcome outcome, Instant now) {
        if (outcome instanceof CallOutcome.Interrupted && FINAL_DISPOSITIONS.contains(ticket.callDisposition())) {
            // the call's end is already known (reports of the flow and of AMI may cross): nothing changes
            return new Applied(ticket.toBuilder().updatedAt(now).build(), "call-interrupted", ticket.status(),
                    ticket.status(), null, Map.of());
        }
        Ticket.Builder b = ticket.toBuilder().callDisposition(outcome.disposition()).updatedAt(now);
        Map<String, String> data = new LinkedHashMap<>();
        TicketStatus to = ticket.status();
        if (outcome instanceof CallOutcome.Queued q) {
            putIf(data, "queue", q.queue());
        } else if (outcome instanceof CallOutcome.Answered a) {
            putIf(data, "by", a.by());
            if (ticket.owner() == null && a.by() != null) {
                b.owner(a.by());
            }
            if (ticket.status() == ACCEPTED && IN_PROGRESS_DISPOSITIONS.contains(ticket.callDisposition())) {
                // a call-back asked for while the call was still going on came from an interruption;
                // the dialplan's fallback has now reached a person
                b.callbackRequested(false);
            }
        } else if (outcome instanceof CallOutcome.Forwarded f) {
            putIf(data, "person", f.personId());
            putIf(data, "number", f.number());
            b.forwardedTo(f.personId());
        } else if (outcome instanceof CallOutcome.NoAnswer) {
            b.callbackRequested(true);
            to = ticket.status() == ACCEPTED ? MISSED : to;
        } else if (outcome instanceof CallOutcome.Voicemail v) {
            putIf(data, "voicemail", v.ref());
            putIf(data, "kept", v.keptBy());
            if (v.ref() != null) {
                b.voiceMessageRef(v.ref());
            }
            b.callbackRequested(true);
            to = ticket.status() == ACCEPTED ? MISSED : to;
        } else if (outcome instanceof CallOutcome.Missed m) {
            data.put("fallback", m.answeredBy() != null ? "answered" : m.voicemail() != null ? "voicemail" : "nobody");
            putIf(data, "by", m.answeredBy());
            putIf(data, "voicemail", m.voicemail());
            if (m.answeredBy() != null) {
                b.forwardedTo(m.answeredBy());
                if (ticket.owner() == null && m.agent() != null) {
                    b.owner(m.agent());
                }
            } else {
                b.callbackRequested(true);
                to = ticket.status() == ACCEPTED ? MISSED : to;
            }
        } else if (outcome instanceof CallOutcome.Interrupted i) {
            putIf(data, "reason", i.reason());
            b.callbackRequested(true);
        } else if (outcome instanceof CallOutcome.Abandoned a) {
            if (ticket.status() == ACCEPTED) {
                to = ABANDONED;
                b.callbackRequested(ticket.callbackRequested() || ticket.kind() != null);
            }
        }
        b.status(to);
        return new Applied(b.build(), "call-" + outcome.disposition().name().toLowerCase().replace('_', '-'),
                ticket.status(), to, null, data);
    }

    private static String effect(Ticket t, Actor actor, TicketAction action, Ticket.Builder b, Map<String, String> data) {
        if (action instanceof TicketAction.Dispatch d) {
            b.department(d.department()).dispatchCount(t.dispatchCount() + 1);
            data.put("department", d.department());
            data.put("dispatch", Integer.toString(t.dispatchCount() + 1));
            return d.note();
        } else if (action instanceof TicketAction.RecordPlan p) {
            Map<String, java.time.Instant> deadlines = new HashMap<>(t.deadlines());
            deadlines.put("resolve", p.deadline());
            b.plan(p.plan()).deadlines(deadlines);
            data.put("deadline", p.deadline().toString());
            return p.plan();
        } else if (action instanceof TicketAction.StartProgress s) {
            return s.note();
        } else if (action instanceof TicketAction.Resolve r) {
            b.resolution(r.summary()).resolvedBy(r.by());
            data.put("by", r.by());
            return r.summary();
        } else if (action instanceof TicketAction.RecordCallback c) {
            b.lastCallback(c.result());
            data.put("result", c.result().name());
            return c.note();
        } else if (action instanceof TicketAction.Close c) {
            if (t.kind() == RequestKind.COMPLAINT && t.classification() != null) {
                data.put("closedAs", t.classification().name());
            }
            return c.note();
        } else if (action instanceof TicketAction.RecordExplanation e) {
            b.explanation(e.explanation().strip()).explanationAccepted(e.accepted());
            data.put("accepted", Boolean.toString(e.accepted()));
            return e.explanation().strip();
        } else if (action instanceof TicketAction.SurveyComment c) {
            data.put("recording", c.recordingRef());
            putIf(data, "keptBy", c.keptBy());
            putIf(data, "attempt", c.attempt());
            return "the caller left a comment in the satisfaction call-back";
        } else if (action instanceof TicketAction.AssignAtOpening o) {
            b.owner(o.owner());
            data.put("owner", o.owner());
            data.put("opening", o.opening().toString());
            return "assigned at the opening to " + o.owner() + ", one of the first agents on shift";
        } else if (action instanceof TicketAction.DutyTold d) {
            b.dutyTold(d.personId());
            data.put("person", d.personId());
            putIf(data, "how", d.how());
            return "duty manager " + d.personId() + " was told" + (d.how() == null ? "" : " (" + d.how() + ")");
        } else if (action instanceof TicketAction.Redispatch r) {
            int count = t.dispatchCount() + 1;
            String dept = r.department() == null || r.department().isBlank() ? t.department() : r.department();
            // a new round: the next call-back and explanation are the new round's own
            b.dispatchCount(count).department(dept).lastCallback(null).resolution(null).resolvedBy(null)
                    .explanation(null).explanationAccepted(false);
            if (count >= Ticket.ESCALATION_DISPATCH) {
                b.escalated(true);
                data.put("escalated", "true");
            }
            putIf(data, "department", dept);
            data.put("dispatch", Integer.toString(count));
            return r.reason();
        } else if (action instanceof TicketAction.Reassign r) {
            b.owner(r.owner());
            putIf(data, "from", t.owner());
            data.put("to", r.owner());
            return r.note();
        } else if (action instanceof TicketAction.TakeOver o) {
            b.owner(actor.id());
            data.put("owner", actor.id());
            return o.note();
        } else if (action instanceof TicketAction.ReturnToQueue q) {
            b.owner(null);
            data.put("from", q.from());
            return q.reason();
        } else if (action instanceof TicketAction.Classify c) {
            b.classification(c.classification());
            data.put("classification", c.classification().name());
            return c.note();
        } else if (action instanceof TicketAction.AddNote n) {
            return n.note();
        } else if (action instanceof TicketAction.LinkEarlier l) {
            b.linkedTo(l.earlier().id()).linkReason(l.reason());
            data.put("earlier", l.earlier().number());
            data.put("earlierId", Long.toString(l.earlier().id()));
            data.put("reason", l.reason().wireName());
            if (t.linkedTo() != null) {
                data.put("earlierId.was", Long.toString(t.linkedTo()));
                data.put("reason.was", t.linkReason().wireName());
            }
            return l.note();
        } else if (action instanceof TicketAction.EditIntake e) {
            Ticket edited = e.update().applyTo(b.build());
            b.kind(edited.kind()).urgency(edited.urgency()).callbackNumber(edited.callbackNumber())
                    .location(edited.location()).description(edited.description())
                    .voiceMessageRef(edited.voiceMessageRef()).confidential(edited.confidential())
                    .deadlines(edited.deadlines());
            putIf(data, "kind", e.update().kind() == null ? null : e.update().kind().configName());
            putIf(data, "voiceMessageRef", e.update().voiceMessageRef());
            // a correction keeps what it replaced: "<field>.was" beside the new value
            corrected(data, "kind", wire(t.kind()), wire(edited.kind()));
            corrected(data, "urgency", wire(t.urgency()), wire(edited.urgency()));
            corrected(data, "callbackNumber", t.callbackNumber(), edited.callbackNumber());
            corrected(data, "location", t.location(), edited.location());
            corrected(data, "description", t.description(), edited.description());
            corrected(data, "voiceMessageRef", t.voiceMessageRef(), edited.voiceMessageRef());
            return null;
        } else if (action instanceof TicketAction.Abandon a) {
            b.callDisposition(CallDisposition.ABANDONED).callbackRequested(t.callbackRequested() || t.kind() != null);
            return a.note();
        } else if (action instanceof TicketAction.DeadlineAlert d) {
            data.put("step", d.step());
            data.put("due", d.due().toString());
            data.put("state", d.state());
            return "deadline '" + d.step() + "' " + (d.missed() ? "missed" : "at risk") + ": due " + d.due();
        } else if (action instanceof TicketAction.ProgressReply p) {
            Map<String, java.time.Instant> deadlines = new HashMap<>(t.deadlines());
            deadlines.put(RESOLVE_STEP, p.promised());
            b.deadlines(deadlines);
            data.put("promised", p.promised().toString());
            return p.toldCaller();
        } else if (action instanceof TicketAction.FollowUpReminder f) {
            data.put("since", f.since());
            return "no follow-up since " + f.since() + "; the owner was reminded";
        } else if (action instanceof TicketAction.FlagMajor m) {
            data.put("reason", m.reason());
            return m.reason();
        } else if (action instanceof TicketAction.SurveyAttempt s) {
            data.put("attempt", Integer.toString(s.attempt()));
            data.put("of", Integer.toString(s.of()));
            data.put("outcome", s.outcome());
            return s.note();
        } else if (action instanceof TicketAction.MarkMissed m) {
            b.callDisposition(CallDisposition.NO_ANSWER).callbackRequested(true);
            return m.note();
        }
        throw new IllegalStateException("unhandled action " + action);
    }

    /** The deadline step a plan or a progress reply sets. */
    static final String RESOLVE_STEP = "resolve";
    /** How the policy's latest extension of a step is stored (see {@code PolicyDeadlines.MAX_SUFFIX}). */
    static final String MAX_SUFFIX = ".max";

    /**
     * A plan or promise past the step's {@code max} (the policy's "extendable to N at most") is
     * refused to an agent: it needs a supervisor (or a higher role).
     */
    private static Optional<String> withinMax(Ticket t, Actor a, java.time.Instant date) {
        java.time.Instant max = t.deadlines().get(RESOLVE_STEP + MAX_SUFFIX);
        if (date == null || max == null || !date.isAfter(max) || a.role() != Role.AGENT) {
            return Optional.empty();
        }
        return Optional.of("the date " + date + " is past the latest extension allowed (" + max
                + "); a supervisor must agree to it");
    }

    private static Optional<String> linkRequirement(Ticket t, Actor a, TicketAction x) {
        return linkProblem(t, ((TicketAction.LinkEarlier) x).earlier());
    }

    /**
     * Why {@code later} cannot be linked to {@code earlier}, empty when it can: not to itself, only
     * to a ticket accepted before it, only to the same caller's ({@link RepeatRule#sameCaller}).
     */
    public static Optional<String> linkProblem(Ticket later, Ticket earlier) {
        RepeatRule.Contact after = RepeatRule.Contact.of(later);
        RepeatRule.Contact before = RepeatRule.Contact.of(earlier);
        if (earlier.id() == later.id()) {
            return Optional.of("a ticket cannot be linked to itself");
        }
        if (!before.before(after)) {
            return Optional.of("ticket " + earlier.number() + " was accepted after this one; link the later ticket "
                    + "to the earlier one");
        }
        if (!RepeatRule.sameCaller(after, before)) {
            return Optional.of("ticket " + earlier.number() + " is another caller's (no caller or call-back number "
                    + "in common); only the same caller's tickets are linked");
        }
        return Optional.empty();
    }

    /**
     * The entry the earlier ticket's history gets when {@code later} is linked to it
     * ({@link TicketAction.LinkEarlier}): action {@code escalated} for an escalation, otherwise
     * {@code linked-later}, naming the later ticket; nothing else about it changes.
     */
    public static Applied linkedFrom(Ticket earlier, Ticket later, LinkReason reason, String note, Instant now) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("later", later.number());
        data.put("laterId", Long.toString(later.id()));
        data.put("reason", reason.wireName());
        return new Applied(earlier.toBuilder().updatedAt(now).build(),
                reason == LinkReason.ESCALATION ? "escalated" : "linked-later", earlier.status(), earlier.status(),
                note, data);
    }

    private static Optional<String> resolveRequirement(Ticket t, Actor a, TicketAction x) {
        TicketAction.Resolve r = (TicketAction.Resolve) x;
        return blank(r.summary(), "record what was done").or(() -> blank(r.by(), "record who did it"));
    }

    private static Optional<String> explanationRequirement(Ticket t, Actor a, TicketAction x) {
        TicketAction.RecordExplanation e = (TicketAction.RecordExplanation) x;
        if (t.kind() != RequestKind.COMPLAINT || t.classification() == null) {
            return Optional.of("an explanation is recorded for a complaint classified to be improved or invalid; "
                    + "classify it first");
        }
        if (t.classification() == Classification.VALID) {
            return Optional.of("a valid complaint closes when the caller is satisfied, not on an explanation; "
                    + "record the call-back instead");
        }
        return blank(e.explanation(), "say what was explained to the caller");
    }

    /**
     * The domain's closing rules: the caller reached by a call-back; a complaint classified, and
     * then each classification by its own field: valid by a satisfied call-back, to be improved by
     * the caller's acceptance of the explanation, invalid by the explanation itself.
     */
    private static Optional<String> closeRequirement(Ticket t, Actor a, TicketAction x) {
        CallbackResult cb = t.lastCallback();
        if (cb == null || cb == CallbackResult.NO_ANSWER) {
            return Optional.of("the caller has not been reached by a call-back yet");
        }
        if (t.kind() != RequestKind.COMPLAINT) {
            return Optional.empty();
        }
        if (t.classification() == null) {
            return Optional.of("classify the complaint (valid, to be improved, invalid) before closing");
        }
        return switch (t.classification()) {
            case VALID -> cb == CallbackResult.SATISFIED ? Optional.empty()
                    : Optional.of("a valid complaint closes only when the caller is satisfied; re-dispatch it instead");
            case TO_BE_IMPROVED -> t.explanation() == null
                    ? Optional.of("a to be improved complaint closes when the caller accepts the explanation; "
                            + "record the explanation first")
                    : t.explanationAccepted() ? Optional.empty()
                    : Optional.of("a to be improved complaint closes only when the caller accepts the explanation; "
                            + "the caller has not accepted it (explain again or re-dispatch)");
            case INVALID -> t.explanation() == null
                    ? Optional.of("an invalid complaint closes once it has been explained to the caller; "
                            + "record the explanation first")
                    : Optional.empty();
        };
    }

    private static Optional<String> blank(String s, String reason) {
        return s == null || s.isBlank() ? Optional.of(reason) : Optional.empty();
    }

    private static void putIf(Map<String, String> data, String key, String value) {
        if (value != null) {
            data.put(key, value);
        }
    }
}
