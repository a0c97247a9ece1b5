package org.hotline.domain.ticket;

import org.hotline.domain.store.TicketStore;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request from one caller, from the first ring to closing: the record the hotline keeps.
 *
 * <p>An immutable value. Free-text fields are {@code null} when nothing was captured; strings
 * that came from the caller or Asterisk ({@code callerNumber}, {@code callerName},
 * {@code callbackNumber}, {@code location}, {@code description}) are kept as received, subject
 * only to the storage's documented cutting rule (see {@code org.hotline.storage.pg.TextRule}).
 * Change a ticket only through {@link TicketLifecycle} (for people's actions) or a
 * {@link TicketStore} method; {@link #toBuilder()} exists for those and for tests.
 *
 * @param id               database id; negative for a provisional ticket (see {@link #isProvisional()})
 * @param number           the human number, e.g. {@code HL-2026-000123} (unique, gap-tolerant)
 * @param line             id of the line that was called (configuration {@code lines[].id})
 * @param kind             kind of request, {@code null} until the caller or an agent chose one
 * @param urgency          queue priority
 * @param status           lifecycle state
 * @param callerNumber     caller ID number as received
 * @param callerName       caller ID name as received
 * @param callbackNumber   the confirmed number to call back
 * @param location         building / unit / room or branch code
 * @param description      the caller's words or the agent's notes
 * @param voiceMessageRef  reference (file name) of the recorded voice message
 * @param uniqueid         Asterisk uniqueid of the channel that opened the ticket
 * @param linkedid         Asterisk linkedid of the call: the idempotency key of intake
 * @param owner            user who accepted it (first-responder accountability)
 * @param department       responsible department id once dispatched
 * @param classification   complaint classification, {@code null} until judged
 * @param confidential     a tip-off: only owner and roles that {@link Role#seesConfidential()} see it
 * @param dispatchCount    how many times it was dispatched (3 = escalated)
 * @param escalated        the third dispatch escalated it to senior management
 * @param callDisposition  what last happened to the call, {@code null} before any outcome
 * @param forwardedTo      person id the call was forwarded to (duty manager), if any
 * @param callbackRequested the caller must be called back (nobody answered, voicemail, abandoned)
 * @param lastCallback     result of the latest call-back after resolution
 * @param plan             the department's handling plan
 * @param resolution       what the department did
 * @param resolvedBy       who did it
 * @param explanation      what the caller was told about a complaint judged "to be improved" or
 *                         "invalid" (the explanation the domain's closing rules ask for)
 * @param explanationAccepted the caller accepted that explanation (closes a "to be improved" complaint)
 * @param dutyTold         the duty manager told of this after-hours call-back ticket, {@code null} if none
 * @param linkedTo         id of the earlier ticket of the same caller this one follows up ("the same
 *                         issue" as an agent linked it, or the caller's escalation to the next
 *                         complaint tier), {@code null} if none; see {@link RepeatRule}
 * @param linkReason       why it is linked, {@code null} exactly when {@code linkedTo} is
 * @param deadlines        due instant per policy step (e.g. {@code "resolve"}), sorted by step name
 * @param version          optimistic-lock version, incremented by every change
 * @param createdAt        acceptance time
 * @param updatedAt        time of the latest change
 */
public record Ticket(
        long id,
        String number,
        String line,
        RequestKind kind,
        Urgency urgency,
        TicketStatus status,
        String callerNumber,
        String callerName,
        String callbackNumber,
        String location,
        String description,
        String voiceMessageRef,
        String uniqueid,
        String linkedid,
        String owner,
        String department,
        Classification classification,
        boolean confidential,
        int dispatchCount,
        boolean escalated,
        CallDisposition callDisposition,
        String forwardedTo,
        boolean callbackRequested,
        CallbackResult lastCallback,
        String plan,
        String resolution,
        String resolvedBy,
        String explanation,
        boolean explanationAccepted,
        String dutyTold,
        Long linkedTo,
        LinkReason linkReason,
        Map<String, Instant> deadlines,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** The dispatch count at which a ticket is escalated to senior management. */
    public static final int ESCALATION_DISPATCH = 3;

    public Ticket {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        deadlines = deadlines == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(deadlines));
        if (dispatchCount < 0) {
            throw new IllegalArgumentException("dispatchCount must not be negative");
        }
        if ((linkedTo == null) != (linkReason == null)) {
            throw new IllegalArgumentException("a linked ticket names both the earlier ticket and why");
        }
    }

    /**
     * A provisional ticket was spooled while PostgreSQL was unreachable; it gets its real id and
     * number when the spool is replayed. Its {@code linkedid} identifies it until then.
     */
    public boolean isProvisional() {
        return id < 0;
    }

    /** Whether this ticket waits in a dispatch queue for an agent to claim it. */
    public boolean awaitsAgent() {
        return owner == null && callbackRequested && status.isOpen();
    }

    /** Whether {@code viewer} may see this ticket: confidential tickets are restricted, agents see their reach ({@link Actor#reaches}). */
    public boolean visibleTo(Actor viewer) {
        return (!confidential || viewer.role().seesConfidential() || viewer.id().equals(owner))
                && viewer.reaches(line, department, owner);
    }

    /** The earliest deadline, if any: the second key of dispatch-queue order. */
    public Optional<Instant> earliestDeadline() {
        return deadlines.values().stream().min(Instant::compareTo);
    }

    /** A builder pre-filled with this ticket's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a new ticket or a changed copy; used by the lifecycle, the stores and tests. */
    public static final class Builder {
        private long id;
        private String number;
        private String line;
        private RequestKind kind;
        private Urgency urgency = Urgency.NORMAL;
        private TicketStatus status = TicketStatus.ACCEPTED;
        private String callerNumber;
        private String callerName;
        private String callbackNumber;
        private String location;
        private String description;
        private String voiceMessageRef;
        private String uniqueid;
        private String linkedid;
        private String owner;
        private String department;
        private Classification classification;
        private boolean confidential;
        private int dispatchCount;
        private boolean escalated;
        private CallDisposition callDisposition;
        private String forwardedTo;
        private boolean callbackRequested;
        private CallbackResult lastCallback;
        private String plan;
        private String resolution;
        private String resolvedBy;
        private String explanation;
        private boolean explanationAccepted;
        private String dutyTold;
        private Long linkedTo;
        private LinkReason linkReason;
        private Map<String, Instant> deadlines = Map.of();
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        public Builder() {}

        private Builder(Ticket t) {
            id = t.id; number = t.number; line = t.line; kind = t.kind; urgency = t.urgency;
            status = t.status; callerNumber = t.callerNumber; callerName = t.callerName;
            callbackNumber = t.callbackNumber; location = t.location; description = t.description;
            voiceMessageRef = t.voiceMessageRef; uniqueid = t.uniqueid; linkedid = t.linkedid;
            owner = t.owner; department = t.department; classification = t.classification;
            confidential = t.confidential; dispatchCount = t.dispatchCount; escalated = t.escalated;
            callDisposition = t.callDisposition; forwardedTo = t.forwardedTo;
            callbackRequested = t.callbackRequested; lastCallback = t.lastCallback; plan = t.plan;
            resolution = t.resolution; resolvedBy = t.resolvedBy; explanation = t.explanation;
            explanationAccepted = t.explanationAccepted; dutyTold = t.dutyTold; deadlines = t.deadlines;
            linkedTo = t.linkedTo; linkReason = t.linkReason;
            version = t.version; createdAt = t.createdAt; updatedAt = t.updatedAt;
        }

        public Builder id(long v) { id = v; return this; }
        public Builder number(String v) { number = v; return this; }
        public Builder line(String v) { line = v; return this; }
        public Builder kind(RequestKind v) { kind = v; return this; }
        public Builder urgency(Urgency v) { urgency = v; return this; }
        public Builder status(TicketStatus v) { status = v; return this; }
        public Builder callerNumber(String v) { callerNumber = v; return this; }
        public Builder callerName(String v) { callerName = v; return this; }
        public Builder callbackNumber(String v) { callbackNumber = v; return this; }
        public Builder location(String v) { location = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder voiceMessageRef(String v) { voiceMessageRef = v; return this; }
        public Builder uniqueid(String v) { uniqueid = v; return this; }
        public Builder linkedid(String v) { linkedid = v; return this; }
        public Builder owner(String v) { owner = v; return this; }
        public Builder department(String v) { department = v; return this; }
        public Builder classification(Classification v) { classification = v; return this; }
        public Builder confidential(boolean v) { confidential = v; return this; }
        public Builder dispatchCount(int v) { dispatchCount = v; return this; }
        public Builder escalated(boolean v) { escalated = v; return this; }
        public Builder callDisposition(CallDisposition v) { callDisposition = v; return this; }
        public Builder forwardedTo(String v) { forwardedTo = v; return this; }
        public Builder callbackRequested(boolean v) { callbackRequested = v; return this; }
        public Builder lastCallback(CallbackResult v) { lastCallback = v; return this; }
        public Builder plan(String v) { plan = v; return this; }
        public Builder resolution(String v) { resolution = v; return this; }
        public Builder resolvedBy(String v) { resolvedBy = v; return this; }
        public Builder explanation(String v) { explanation = v; return this; }
        public Builder explanationAccepted(boolean v) { explanationAccepted = v; return this; }
        public Builder dutyTold(String v) { dutyTold = v; return this; }
        public Builder linkedTo(Long v) { linkedTo = v; return this; }
        public Builder linkReason(LinkReason v) { linkReason = v; return this; }
        public Builder deadlines(Map<String, Instant> v) { deadlines = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }

        public Ticket build() {
            return new Ticket(id, number, line, kind, urgency, status, callerNumber, callerName,
                    callbackNumber, location, description, voiceMessageRef, uniqueid, linkedid, owner,
                    department, classification, confidential, dispatchCount, escalated,
                    callDisposition, forwardedTo, callbackRequested, lastCallback, plan, resolution,
                    resolvedBy, explanation, explanationAccepted, dutyTold, linkedTo, linkReason,
                    deadlines, version, createdAt, updatedAt);
        }
    }
}
