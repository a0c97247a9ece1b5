package org.hotline.panel.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.panel.auth.Access;
import org.hotline.panel.http.ApiException;
import org.hotline.panel.http.ApiRequest;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.Router;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.CallerHistory;
import org.hotline.domain.ticket.Classification;
import org.hotline.domain.ticket.Department;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.ticket.Urgency;
import org.hotline.domain.ticket.User;

/**
 * Working a ticket: read it (with history and the caller's history), act on it through the
 * store's state machine, reassign it (managers), list one's own tickets.
 * A ticket the viewer may not see answers 404 exactly like a missing one.
 */
public final class TicketRoutes {

    private final PanelContext ctx;
    private final org.hotline.domain.store.ClaimHolds holds;

    public TicketRoutes(PanelContext ctx, org.hotline.domain.store.ClaimHolds holds) {
        this.ctx = ctx;
        this.holds = holds;
    }

    public void register(Router router) {
        router.add("GET", "/api/tickets/mine", Access.anyUser(), this::mine)
              .add("GET", "/api/tickets/{id}", Access.anyUser(), this::detail)
              .add("POST", "/api/tickets/{id}/actions", Access.anyUser(), this::act)
              .add("POST", "/api/tickets/{id}/reassign", Access.managers(), this::reassign)
              .add("POST", "/api/tickets/{id}/hold", Access.anyUser(), this::renewHold)
              .add("DELETE", "/api/tickets/{id}/hold", Access.anyUser(), this::giveBack);
    }

    private ApiResponse mine(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        List<Ticket> mine = ctx.ports().tickets().search(
                TicketQuery.open(200).withOwner(me.id()), me);
        return ctx.json().ok(mine.stream()
                .sorted(Comparator.comparing((Ticket t) -> t.earliestDeadline().orElse(Instant.MAX)))
                .map(TicketView::of).toList());
    }

    private ApiResponse detail(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        Ticket t = visible(r, me);
        return ctx.json().ok(detailOf(t, me));
    }

    /** The ticket, its history and the caller's other tickets visible to {@code me}. */
    Map<String, Object> detailOf(Ticket t, Actor me) {
        List<HistoryEvent> history = ctx.ports().tickets().history(t.id());
        String number = t.callbackNumber() != null && !t.callbackNumber().isBlank() ? t.callbackNumber() : t.callerNumber();
        Map<String, Object> caller = new LinkedHashMap<>();
        if (number != null && !number.isBlank()) {
            // history and repeat flag count only what this viewer may see
            CallerHistory h = ctx.ports().tickets().callerHistory(number, t.id(), me);
            caller.put("number", number);
            caller.put("repeat", h.repeat());
            caller.put("previous", h.previous().stream().filter(p -> p.id() != t.id()).map(TicketView::of).toList());
        } else {
            caller.put("number", null);
            caller.put("repeat", false);
            caller.put("previous", List.of());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ticket", TicketView.of(t));
        out.put("history", history.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", e.seq());
            m.put("at", e.at());
            m.put("actor", e.actor());
            m.put("action", e.action());
            m.put("from", TicketView.wire(e.fromState()));
            m.put("to", TicketView.wire(e.toState()));
            m.put("note", e.note());
            m.put("data", e.data());
            return m;
        }).toList());
        out.put("caller", caller);
        // the earlier ticket this one follows up, named only when the viewer may see it
        out.put("linked", t.linkedTo() == null ? null : ctx.ports().tickets().find(t.linkedTo(), me).map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("number", e.number());
            m.put("line", e.line());
            m.put("reason", t.linkReason().wireName());
            return m;
        }).orElse(null));
        out.put("proposedDepartment", proposedDepartment(t));
        return out;
    }

    /** The active department whose default kinds and lines fit the ticket best, or null when none names it. */
    private String proposedDepartment(Ticket t) {
        return ctx.ports().departments().list().stream().filter(Department::active)
                .filter(d -> d.fit(t.kind(), t.line()) > 0)
                .max(Comparator.comparingInt((Department d) -> d.fit(t.kind(), t.line()))
                        .thenComparing(Department::id, Comparator.reverseOrder()))
                .map(Department::id).orElse(null);
    }

    private Ticket visible(ApiRequest r, Actor me) {
        long id = parseId(r.pathParam("id"));
        return ctx.ports().tickets().find(id, me)
                .orElseThrow(() -> ApiException.notFound("No ticket " + id + " (or you may not see it)."));
    }

    static long parseId(String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.notFound("No ticket " + raw + ".");
        }
    }

    private ApiResponse act(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        Ticket t = visible(r, me);
        Fields f = new Fields(r.body());
        long version = f.requiredLong("version");
        TicketAction action = "link-earlier".equals(f.text("type", 40)) ? link(f, t, me) : parse(f);
        if (action instanceof TicketAction.Reassign) {
            throw ApiException.badRequest("Use POST /api/tickets/{id}/reassign to reassign a ticket.");
        }
        if (action instanceof TicketAction.Dispatch d) {
            requireDepartment(d.department());
        } else if (action instanceof TicketAction.Redispatch d && d.department() != null) {
            requireDepartment(d.department());
        }
        if (action instanceof TicketAction.TakeOver) {
            Ticket after = ctx.ports().tickets().apply(t.id(), version, me, action);
            holds.start(after.id(), me.id()); // taking over from the list is a claim like any other
            return ctx.json().ok(detailOf(after, me));
        }
        Ticket after = ctx.ports().tickets().apply(t.id(), version, me, action);
        holds.renew(after, me.id()); // working the ticket renews the claim; a dispatch or answer ends it
        return ctx.json().ok(detailOf(after, me));
    }

    /**
     * The panel's heartbeat while the agent has a claimed ticket open: renews their hold. 409 when
     * they hold none on it (it expired and went back to the queue, or it has moved on).
     */
    private ApiResponse renewHold(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        Ticket t = visible(r, me);
        org.hotline.domain.store.ClaimHold h = holds.renew(t, me.id()).orElseThrow(() -> new ApiException(409, "no_hold",
                "You hold no claim on ticket " + t.number() + (me.id().equals(t.owner())
                        ? " any more: it has moved on past the queue." : ": it went back to the queue or someone else has it.")));
        return ctx.json().ok(holdView(h));
    }

    /** The agent gives a claimed, undispatched ticket back to its queue. */
    private ApiResponse giveBack(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        Ticket t = visible(r, me);
        Ticket after = ctx.ports().tickets().apply(t.id(), t.version(), me, new TicketAction.ReturnToQueue(me.id(),
                "given back by " + me.id()));
        holds.end(after.id());
        return ctx.json().ok(detailOf(after, me));
    }

    static Map<String, Object> holdView(org.hotline.domain.store.ClaimHold h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ticketId", h.ticketId());
        m.put("agent", h.agentId());
        m.put("until", h.until());
        return m;
    }

    private ApiResponse reassign(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        Ticket t = visible(r, me);
        Fields f = new Fields(r.body());
        long version = f.requiredLong("version");
        String owner = f.requiredText("owner", 80).trim();
        String note = f.text("note", 2000);
        User target = ctx.ports().users().find(owner).filter(User::active)
                .orElseThrow(() -> ApiException.unprocessable("unknown_user", "There is no active user '" + owner + "'."));
        if (t.confidential() && !target.role().seesConfidential()) {
            throw ApiException.unprocessable("refused", "Ticket " + t.number() + " is confidential; "
                    + owner + " (" + target.role().wireName() + ") may not see it.");
        }
        Ticket after = ctx.ports().tickets().apply(t.id(), version, me,
                new TicketAction.Reassign(owner, note));
        return ctx.json().ok(detailOf(after, me));
    }

    /**
     * A link to the caller's earlier ticket, checked here so that every mistake is a 400 naming its
     * field: {@code earlier} (a ticket number or id the viewer may see, not this one, accepted
     * before it, the same caller's) and {@code reason} ({@code same-issue}, the default, or
     * {@code escalation}, from a lower tier of complaint line to a higher one).
     */
    private TicketAction.LinkEarlier link(Fields f, Ticket t, Actor me) {
        String ref = f.requiredText("earlier", 40).trim();
        java.util.Optional<Ticket> found = ref.matches("[0-9]{1,18}")
                ? ctx.ports().tickets().find(Long.parseLong(ref), me)
                : ctx.ports().tickets().findByNumber(ref).filter(e -> e.visibleTo(me));
        Ticket earlier = found.orElseThrow(() -> ApiException.badRequest("Field 'earlier': there is no ticket '" + ref
                + "' (or you may not see it); give the number (HL-2026-000123) or id of the caller's earlier ticket."));
        String reasonText = f.text("reason", 40);
        org.hotline.domain.ticket.LinkReason reason;
        try {
            reason = reasonText == null || reasonText.isBlank() ? org.hotline.domain.ticket.LinkReason.SAME_ISSUE
                    : org.hotline.domain.ticket.LinkReason.parse(reasonText);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Field 'reason': " + e.getMessage() + ".");
        }
        org.hotline.domain.ticket.TicketLifecycle.linkProblem(t, earlier).ifPresent(why -> {
            throw ApiException.badRequest("Field 'earlier': " + why + ".");
        });
        if (reason == org.hotline.domain.ticket.LinkReason.ESCALATION) {
            ctx.policy().tiers().whyNotEscalation(t, earlier).ifPresent(why -> {
                throw ApiException.badRequest("Field 'reason': an escalation goes from a lower tier of complaint line "
                        + "to a higher one; " + why + ".");
            });
        }
        return new TicketAction.LinkEarlier(earlier, reason, f.text("note", 2000));
    }

    private void requireDepartment(String id) {
        if (id != null && !id.isBlank() && ctx.ports().departments().find(id).filter(d -> d.active()).isEmpty()) {
            throw ApiException.unprocessable("unknown_department", "There is no active department '" + id + "'.");
        }
    }

    private TicketAction parse(Fields f) {
        String type = f.requiredText("type", 40);
        return switch (type) {
            case "note" -> new TicketAction.AddNote(f.text("note", 4000));
            case "edit-intake" -> new TicketAction.EditIntake(new IntakeUpdate(
                    f.choice("kind", RequestKind.class), f.choice("urgency", Urgency.class),
                    f.text("callbackNumber", 40), f.text("location", 200), f.text("description", 8000), null, null));
            case "dispatch" -> new TicketAction.Dispatch(f.text("department", 80), f.text("note", 2000));
            case "record-plan" -> new TicketAction.RecordPlan(f.text("plan", 4000), f.instant("deadline", ctx.policy().zone()));
            case "start-progress" -> new TicketAction.StartProgress(f.text("note", 2000));
            case "resolve" -> new TicketAction.Resolve(f.text("summary", 4000), f.text("by", 200));
            case "record-callback" -> new TicketAction.RecordCallback(f.choice("result", CallbackResult.class), f.text("note", 2000));
            case "classify" -> {
                Classification c = f.choice("classification", Classification.class);
                if (c == null) {
                    throw ApiException.badRequest("Field 'classification' is required: valid, to_be_improved or invalid.");
                }
                yield new TicketAction.Classify(c, f.text("note", 2000));
            }
            case "record-explanation" -> {
                Boolean accepted = f.bool("accepted");
                if (accepted == null) {
                    throw ApiException.badRequest("Field 'accepted' is required: true when the caller accepted the "
                            + "explanation, false otherwise.");
                }
                yield new TicketAction.RecordExplanation(f.text("explanation", 4000), accepted);
            }
            case "close" -> new TicketAction.Close(f.text("note", 2000));
            case "redispatch" -> new TicketAction.Redispatch(f.text("reason", 2000), blankToNull(f.text("department", 80)));
            case "take-over" -> new TicketAction.TakeOver(f.text("note", 2000));
            case "reassign" -> new TicketAction.Reassign(f.text("owner", 80), f.text("note", 2000));
            case "flag-major" -> new TicketAction.FlagMajor(f.text("reason", 2000));
            case "progress-reply" -> new TicketAction.ProgressReply(f.text("told", 4000), f.instant("promised", ctx.policy().zone()));
            default -> throw ApiException.badRequest("Unknown action type '" + type + "'; expected one of note, edit-intake, "
                    + "dispatch, record-plan, start-progress, resolve, record-callback, classify, record-explanation, close, redispatch, take-over, "
                    + "flag-major, progress-reply, link-earlier.");
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
