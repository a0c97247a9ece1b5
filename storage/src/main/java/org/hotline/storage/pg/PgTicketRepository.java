package org.hotline.storage.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hotline.domain.report.StepRule;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.CallerHistory;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RepeatRule;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TicketLifecycle;
import org.hotline.domain.store.TicketNotFoundException;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.store.RecentMap;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.TransitionRefusedException;
import org.hotline.domain.store.VersionConflictException;

/**
 * {@link TicketStore} on PostgreSQL: tickets, deadlines and the append-only history.
 *
 * <p>Intake is one SQL statement (tickets, opening events and first-seen caller rows in
 * data-modifying CTEs, {@code ON CONFLICT (linkedid) DO NOTHING}) returning the new rows; calls
 * arriving together share it and its commit ({@link PgIntakeBatcher}, group commit). Concurrent
 * calls share no locked row, and the same linkedid never yields two tickets. (A caller's later calls are counted from {@code tickets}, which is
 * indexed by caller number; updating a per-caller counter at intake would serialise a caller's
 * concurrent calls.) Every other change is a transaction that updates
 * the ticket {@code WHERE version = expected}, appends one event with the next {@code seq}, and
 * writes an {@code outbox} row (drained by {@link OutboxRelay} into the dispatch queue and the
 * line's board stream). Text is cleaned by {@link TextRule} before it is written; all SQL uses
 * bound parameters. Times are truncated to microseconds (PostgreSQL's precision) so returned
 * tickets equal what a later read returns.
 *
 * <p>This class does not spool: it throws {@code StoreUnavailableException} when PostgreSQL is
 * down; {@code org.hotline.storage.spool.SpoolingTicketStore} adds the spool. Thread-safe.
 */
public final class PgTicketRepository implements TicketStore {

    private static final int MAX_RETRIES = 20;

    private final PgTransaction tx;
    private final Clock clock;
    private final ZoneId zone;
    private final TicketLifecycle lifecycle = new TicketLifecycle();
    private final RepeatRule repeats;
    private final Runnable outboxNudge;
    private final PgKpiRollup rollup;
    private final PgIntakeBatcher intakes;
    /**
     * The tickets this repository wrote lately, as written: a system update's first attempt
     * decides on this copy instead of reading the row back. Safe because every write is
     * conditional on the version it decided on; a copy that is stale (another instance or a
     * concurrent change moved the ticket on) fails that check and the update reads the row.
     */
    private final RecentMap<Long, Ticket> recent = new RecentMap<>(20_000);

    /** Intake statements in flight at once (see {@link PgIntakeBatcher}). */
    private static final int INTAKE_WRITERS = 2;

    /**
     * @param dataSource  connections as the application role
     * @param clock       time of every change; its zone decides the year in ticket numbers
     * @param outboxNudge called after a commit that wrote an outbox row (may be a no-op)
     */
    /** A repository whose writes keep the daily sums counted with the step rule's defaults. */
    public PgTicketRepository(DataSource dataSource, Clock clock, Runnable outboxNudge) {
        this(dataSource, clock, outboxNudge, new PgKpiRollup(dataSource, StepRule.DEFAULTS, clock.getZone()));
    }

    /** A repository whose writes keep {@code rollup}'s daily sums (in the same zone as {@code clock}). */
    public PgTicketRepository(DataSource dataSource, Clock clock, Runnable outboxNudge, PgKpiRollup rollup) {
        this.tx = new PgTransaction(dataSource);
        this.clock = clock;
        this.zone = clock.getZone();
        this.repeats = new RepeatRule(zone);
        this.outboxNudge = outboxNudge;
        this.rollup = rollup;
        this.intakes = new PgIntakeBatcher(dataSource, zone, INTAKE_WRITERS, 64);
    }

    @Override
    public Ticket openForCall(CallIntake intake) {
        CallIntake clean = new CallIntake(TextRule.shortText(intake.line()), TextRule.shortText(intake.callerNumber()),
                TextRule.name(intake.callerName()), TextRule.shortText(intake.uniqueid()),
                TextRule.shortText(intake.linkedid()), intake.at().truncatedTo(ChronoUnit.MICROS), intake.number());
        Ticket opened = intakes.open(clean);
        return recent.put(opened.id(), opened);
    }

    @Override
    public Ticket updateIntake(long id, IntakeUpdate update) {
        return change(id, current -> {
            TicketLifecycle.Decision d = lifecycle.decide(current, Actor.ivr(), new TicketAction.EditIntake(update), now());
            if (d instanceof TicketLifecycle.Refused r) {
                throw new TransitionRefusedException(r.reason());
            }
            TicketLifecycle.Applied a = (TicketLifecycle.Applied) d;
            return new TicketLifecycle.Applied(a.after(), "intake", a.from(), a.to(), a.note(), a.data());
        }, Actor.ivr());
    }

    @Override
    public Ticket recordCallOutcome(long id, CallOutcome outcome) {
        return change(id, current -> {
            TicketLifecycle.Applied a = lifecycle.onCallOutcome(current, outcome, now());
            return a.after().equals(current.toBuilder().updatedAt(a.after().updatedAt()).build()) ? null : a;
        }, Actor.ivr());
    }

    @Override
    public Ticket apply(long id, long expectedVersion, Actor actor, TicketAction action) {
        Ticket current = find(id).orElseThrow(() -> new TicketNotFoundException("with id " + id));
        if (current.version() != expectedVersion) {
            throw new VersionConflictException(id, current.number(), expectedVersion, current.version());
        }
        TicketLifecycle.Decision d = lifecycle.decide(current, actor, action, now());
        if (d instanceof TicketLifecycle.Refused r) {
            throw new TransitionRefusedException(r.reason());
        }
        TicketLifecycle.Applied a = (TicketLifecycle.Applied) d;
        Optional<Ticket> written = write(current, a, actor,
                action instanceof TicketAction.LinkEarlier link ? link : null);
        return written.orElseThrow(() -> {
            long actual = find(id).map(Ticket::version).orElse(-1L);
            return new VersionConflictException(id, current.number(), expectedVersion, actual);
        });
    }

    /**
     * Read-decide-write with retries on concurrent change, for system updates that carry no
     * expected version. {@code decide} returns {@code null} for "nothing to change".
     */
    private Ticket change(long id, Function<Ticket, TicketLifecycle.Applied> decide, Actor actor) {
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            Ticket remembered = attempt == 0 ? recent.get(id) : null;
            Ticket current = remembered != null ? remembered
                    : find(id).orElseThrow(() -> new TicketNotFoundException("with id " + id));
            TicketLifecycle.Applied a;
            try {
                a = decide.apply(current);
            } catch (RuntimeException refused) {
                if (remembered != null) {
                    continue; // decided on the copy: decide again on the row
                }
                throw refused;
            }
            if (a == null) {
                if (remembered != null) {
                    continue;
                }
                return current;
            }
            Optional<Ticket> written = write(current, a, actor);
            if (written.isPresent()) {
                return written.get();
            }
            recent.remove(id);
        }
        throw new IllegalStateException("ticket " + id + " kept changing under " + MAX_RETRIES + " attempts to update it");
    }

    /**
     * The change, its history event and its outbox row in one statement (one round trip), which
     * also returns the ticket's facts row, locked: the event and the outbox row are written, and
     * the facts row read, only if the ticket was still at the expected version.
     */
    private static final String UPDATE_SQL = """
            WITH u AS (
              UPDATE tickets SET kind = ?, urgency = ?, status = ?, callback_number = ?, location = ?, description = ?,
                     voice_message_ref = ?, owner = ?, department = ?, classification = ?, confidential = ?,
                     dispatch_count = ?, escalated = ?, call_disposition = ?, forwarded_to = ?, callback_requested = ?,
                     last_callback = ?, plan = ?, resolution = ?, resolved_by = ?, explanation = ?, explanation_accepted = ?,
                     duty_told = ?, linked_to = ?, link_reason = ?, version = version + 1, updated_at = ?
               WHERE id = ? AND version = ?
              RETURNING id
            ), e AS (
              INSERT INTO ticket_events (ticket_id, seq, at, actor, actor_role, action, from_state, to_state, note, data)
              SELECT u.id, coalesce((SELECT max(seq) FROM ticket_events WHERE ticket_id = u.id), 0) + 1,
                     ?, ?, ?, ?, ?, ?, ?, ?::jsonb FROM u
            ), o AS (
              INSERT INTO outbox (ticket_id, created_at) SELECT u.id, ? FROM u
            ), f AS (
              %s
            )
            SELECT (SELECT count(*) FROM u) AS changed, f.* FROM (VALUES (1)) AS one LEFT JOIN f ON true
            """.formatted(PgTicketFacts.LOCKED_ROW);

    private static final String EVENT_SQL = """
            INSERT INTO ticket_events (ticket_id, seq, at, actor, actor_role, action, from_state, to_state, note, data)
            SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?::jsonb FROM ticket_events WHERE ticket_id = ?
            """;

    /** Writes the change if the ticket is still at {@code before.version()}; empty on conflict. */
    private Optional<Ticket> write(Ticket before, TicketLifecycle.Applied change, Actor actor) {
        return write(before, change, actor, null);
    }

    /**
     * Like {@link #write(Ticket, TicketLifecycle.Applied, Actor)}; with {@code link}, the earlier
     * ticket's history records the link in the same transaction ({@link TicketLifecycle#linkedFrom}).
     */
    private Optional<Ticket> write(Ticket before, TicketLifecycle.Applied change, Actor actor,
            TicketAction.LinkEarlier link) {
        Ticket after = clean(change.after()).toBuilder().version(before.version() + 1).build();
        Map<String, String> data = new HashMap<>();
        change.data().forEach((k, v) -> data.put(TextRule.shortText(k), TextRule.name(v)));
        Optional<Ticket> result = tx.inTransaction("update ticket " + before.number(), c -> {
            Optional<PgTicketFacts.Stored> prior;
            try (PreparedStatement ps = c.prepareStatement(UPDATE_SQL)) {
                int i = 1;
                ps.setString(i++, TicketRows.name(after.kind()));
                ps.setString(i++, after.urgency().name());
                ps.setString(i++, after.status().name());
                ps.setString(i++, after.callbackNumber());
                ps.setString(i++, after.location());
                ps.setString(i++, after.description());
                ps.setString(i++, after.voiceMessageRef());
                ps.setString(i++, after.owner());
                ps.setString(i++, after.department());
                ps.setString(i++, TicketRows.name(after.classification()));
                ps.setBoolean(i++, after.confidential());
                ps.setInt(i++, after.dispatchCount());
                ps.setBoolean(i++, after.escalated());
                ps.setString(i++, TicketRows.name(after.callDisposition()));
                ps.setString(i++, after.forwardedTo());
                ps.setBoolean(i++, after.callbackRequested());
                ps.setString(i++, TicketRows.name(after.lastCallback()));
                ps.setString(i++, after.plan());
                ps.setString(i++, after.resolution());
                ps.setString(i++, after.resolvedBy());
                ps.setString(i++, after.explanation());
                ps.setBoolean(i++, after.explanationAccepted());
                ps.setString(i++, after.dutyTold());
                ps.setObject(i++, after.linkedTo(), Types.BIGINT);
                ps.setString(i++, TicketRows.name(after.linkReason()));
                ps.setTimestamp(i++, TicketRows.timestamp(after.updatedAt()));
                ps.setLong(i++, before.id());
                ps.setLong(i++, before.version());
                i = bindEvent(ps, i, after.updatedAt(), actor, change, data);
                ps.setTimestamp(i, TicketRows.timestamp(after.updatedAt()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt("changed") != 1) {
                        return Optional.<Ticket>empty();
                    }
                    prior = PgTicketFacts.stored(rs);
                }
            }
            // the deadlines, the facts and the daily sums: one round trip
            PgWrites writes = new PgWrites();
            if (!after.deadlines().equals(before.deadlines())) {
                writeDeadlines(writes, after);
            }
            // the reports' facts change with the ticket, in the same transaction
            PgTicketFacts.refresh(c, writes, prior, after, change.action(), data, after.updatedAt(), rollup);
            writes.flush(c);
            if (link != null) {
                linkedFrom(c, after, link, actor);
            }
            return Optional.of(after);
        });
        if (link != null) {
            recent.remove(link.earlier().id()); // its version moved on
        }
        if (result.isPresent()) {
            recent.put(before.id(), result.get());
            outboxNudge.run();
        } else {
            recent.remove(before.id());
        }
        return result;
    }

    private static void appendEvent(Connection c, long ticketId, Instant at, Actor actor, TicketLifecycle.Applied change,
            Map<String, String> data) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EVENT_SQL)) {
            ps.setLong(1, ticketId);
            ps.setLong(bindEvent(ps, 2, at, actor, change, data), ticketId);
            ps.executeUpdate();
        }
    }

    /** Binds an event's columns from {@code at} to {@code data}, from parameter {@code i}; returns the next. */
    private static int bindEvent(PreparedStatement ps, int i, Instant at, Actor actor, TicketLifecycle.Applied change,
            Map<String, String> data) throws SQLException {
        ps.setTimestamp(i++, TicketRows.timestamp(at));
        ps.setString(i++, TextRule.shortText(actor.id()));
        ps.setString(i++, actor.role().name());
        ps.setString(i++, change.action());
        ps.setString(i++, TicketRows.name(change.from()));
        ps.setString(i++, change.to().name());
        ps.setString(i++, TextRule.longText(change.note()));
        ps.setString(i++, TicketRows.json(data));
        return i;
    }

    /** Every change moves queue membership and the line's board stream: one outbox row. */
    private static void outbox(Connection c, long ticketId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (ticket_id, created_at) VALUES (?, ?)")) {
            ps.setLong(1, ticketId);
            ps.setTimestamp(2, TicketRows.timestamp(at));
            ps.executeUpdate();
        }
    }

    /**
     * The earlier ticket's side of a link: its history names the later ticket and its version
     * moves on (so a panel holding it reloads), in the later ticket's transaction. The earlier
     * ticket row is locked first; it must still exist.
     */
    private static void linkedFrom(Connection c, Ticket later, TicketAction.LinkEarlier link, Actor actor)
            throws SQLException {
        Ticket earlier;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TicketRows.COLUMNS + " FROM tickets t WHERE t.id = ? "
                + "FOR UPDATE")) {
            ps.setLong(1, link.earlier().id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new TicketNotFoundException("with id " + link.earlier().id());
                }
                earlier = TicketRows.ticket(rs);
            }
        }
        TicketLifecycle.Applied side = TicketLifecycle.linkedFrom(earlier, later, link.reason(), link.note(),
                later.updatedAt());
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE tickets SET version = version + 1, updated_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, TicketRows.timestamp(later.updatedAt()));
            ps.setLong(2, earlier.id());
            ps.executeUpdate();
        }
        Map<String, String> data = new HashMap<>();
        side.data().forEach((k, v) -> data.put(TextRule.shortText(k), TextRule.name(v)));
        appendEvent(c, earlier.id(), later.updatedAt(), actor, side, data);
        outbox(c, earlier.id(), later.updatedAt());
    }

    /**
     * The ticket's deadlines as they now stand, in one statement: steps gone are deleted, the
     * others inserted or moved (the deleted and the upserted rows are never the same row).
     */
    private static final String DEADLINES_SQL = """
            WITH n AS (
              SELECT * FROM unnest(?::text[], ?::timestamptz[]) AS n(step, due_at)
            ), gone AS (
              DELETE FROM ticket_deadlines d WHERE d.ticket_id = ? AND d.step <> ALL (SELECT step FROM n)
            )
            INSERT INTO ticket_deadlines (ticket_id, step, due_at) SELECT ?, step, due_at FROM n
            ON CONFLICT (ticket_id, step) DO UPDATE SET due_at = EXCLUDED.due_at
            """;

    private static void writeDeadlines(PgWrites writes, Ticket t) {
        String[] steps = new String[t.deadlines().size()];
        Timestamp[] dues = new Timestamp[steps.length];
        int i = 0;
        for (Map.Entry<String, Instant> e : t.deadlines().entrySet()) {
            steps[i] = e.getKey();
            dues[i++] = TicketRows.timestamp(e.getValue());
        }
        writes.add(DEADLINES_SQL, (c, ps, first) -> {
            ps.setArray(first, c.createArrayOf("text", steps));
            ps.setArray(first + 1, c.createArrayOf("timestamptz", dues));
            ps.setLong(first + 2, t.id());
            ps.setLong(first + 3, t.id());
            return first + 4;
        });
    }

    /** The ticket as it will be stored: caller-controlled text through {@link TextRule}, times in micros. */
    private static Ticket clean(Ticket t) {
        Map<String, Instant> deadlines = new HashMap<>();
        t.deadlines().forEach((k, v) -> deadlines.put(TextRule.shortText(k), v.truncatedTo(ChronoUnit.MICROS)));
        return t.toBuilder()
                .callbackNumber(TextRule.shortText(t.callbackNumber()))
                .location(TextRule.name(t.location()))
                .description(TextRule.longText(t.description()))
                .voiceMessageRef(TextRule.name(t.voiceMessageRef()))
                .owner(TextRule.shortText(t.owner()))
                .department(TextRule.shortText(t.department()))
                .forwardedTo(TextRule.shortText(t.forwardedTo()))
                .plan(TextRule.longText(t.plan()))
                .resolution(TextRule.longText(t.resolution()))
                .resolvedBy(TextRule.name(t.resolvedBy()))
                .explanation(TextRule.longText(t.explanation()))
                .dutyTold(TextRule.shortText(t.dutyTold()))
                .deadlines(deadlines)
                .updatedAt(t.updatedAt().truncatedTo(ChronoUnit.MICROS))
                .build();
    }

    @Override
    public Optional<Ticket> find(long id) {
        return one("find ticket " + id, "t.id = ?", ps -> ps.setLong(1, id));
    }

    /** One read for all of {@code ids}. */
    @Override
    public List<Ticket> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Ticket> byId = new HashMap<>();
        for (Ticket t : many("find " + ids.size() + " tickets", "t.id = ANY (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("int8", ids.toArray())))) {
            byId.put(t.id(), t);
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public Optional<Ticket> findByNumber(String number) {
        return one("find ticket " + number, "t.number = ?", ps -> ps.setString(1, number));
    }

    @Override
    public Optional<Ticket> findByLinkedid(String linkedid) {
        return one("find the ticket of call " + linkedid, "t.linkedid = ?",
                ps -> ps.setString(1, TextRule.shortText(linkedid)));
    }

    @Override
    public List<HistoryEvent> history(long id) {
        return tx.autoCommit("read the history of ticket " + id, c -> TicketRows.history(c, id));
    }

    @Override
    public CallerHistory callerHistory(String number, long currentTicketId, Actor viewer) {
        String n = TextRule.shortText(number);
        if (n == null || n.isBlank()) {
            return new CallerHistory(number, List.of(), false);
        }
        Optional<Ticket> current = currentTicketId == 0 ? Optional.empty()
                : find(currentTicketId).filter(t -> viewer == null || t.visibleTo(viewer));
        Instant quarter = repeats.quarterStart(current.map(Ticket::createdAt).orElseGet(this::now));
        // the newest tickets for the list, and the whole quarter for the flag; both only what the viewer may see
        String caller = "(t.caller_number = ? OR t.callback_number = ?) AND t.id <> ?";
        List<Ticket> newest = callerTickets(n, currentTicketId, viewer, caller
                + " ORDER BY t.created_at DESC, t.id DESC LIMIT " + CallerHistory.MAX_PREVIOUS, null);
        List<Ticket> ofQuarter = callerTickets(n, currentTicketId, viewer, caller
                + " AND t.created_at >= ? ORDER BY t.created_at DESC, t.id DESC LIMIT " + QUARTER_LIMIT, quarter);
        Map<Long, Ticket> all = new java.util.LinkedHashMap<>();
        newest.forEach(t -> all.put(t.id(), t));
        ofQuarter.forEach(t -> all.put(t.id(), t));
        return CallerHistory.of(number, current, List.copyOf(all.values()), repeats, now());
    }

    /** How many of a caller's tickets of one quarter the repeat flag looks at (newest first). */
    private static final int QUARTER_LIMIT = 1000;

    private List<Ticket> callerTickets(String number, long currentTicketId, Actor viewer, String where, Instant since) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        if (viewer != null) {
            sql.append(VISIBLE).append(" AND ");
            args.addAll(visibleArgs(viewer));
        }
        sql.append(where);
        args.addAll(List.of(number, number, currentTicketId));
        if (since != null) {
            args.add(TicketRows.timestamp(since));
        }
        return many("read the tickets of caller " + number, sql.toString(), ps -> bind(ps, args));
    }

    @Override
    public List<Ticket> search(TicketQuery q, Actor viewer) {
        StringBuilder where = new StringBuilder(VISIBLE);
        List<Object> args = new ArrayList<>(visibleArgs(viewer));
        if (q.line() != null) {
            where.append(" AND t.line = ?");
            args.add(q.line());
        }
        if (q.statuses().isEmpty()) {
            where.append(" AND t.status <> 'CLOSED'");
        } else {
            where.append(" AND t.status = ANY (?)");
            args.add(q.statuses().stream().map(TicketStatus::name).toArray(String[]::new));
        }
        if (q.owner() != null) {
            where.append(" AND t.owner = ?");
            args.add(q.owner());
        }
        if (q.unownedOnly()) {
            where.append(" AND t.owner IS NULL");
        }
        if (q.number() != null) {
            where.append(" AND t.number = ?");
            args.add(q.number());
        }
        if (q.caller() != null) {
            where.append(" AND (t.caller_number = ? OR t.callback_number = ?)");
            args.add(q.caller());
            args.add(q.caller());
        }
        if (q.kind() != null) {
            where.append(" AND t.kind = ?");
            args.add(q.kind().name());
        }
        if (q.department() != null) {
            where.append(" AND t.department = ?");
            args.add(q.department());
        }
        if (q.createdFrom() != null) {
            where.append(" AND t.created_at >= ?");
            args.add(TicketRows.timestamp(q.createdFrom()));
        }
        if (q.createdTo() != null) {
            where.append(" AND t.created_at < ?");
            args.add(TicketRows.timestamp(q.createdTo()));
        }
        if (q.text() != null) {
            where.append(" AND (strpos(lower(t.description), lower(?)) > 0 OR strpos(lower(t.location), lower(?)) > 0)");
            args.add(q.text());
            args.add(q.text());
        }
        if (q.before() != null) {
            where.append(" AND (t.created_at, t.id) < (?, ?)");
            args.add(TicketRows.timestamp(q.before().createdAt()));
            args.add(q.before().id());
        }
        where.append(" ORDER BY t.created_at DESC, t.id DESC LIMIT ?");
        args.add(q.limit());
        return many("search tickets", where.toString(), ps -> bind(ps, args));
    }

    @Override
    public List<Ticket> dueBefore(Instant before, int limit, Actor viewer) {
        return many("find tickets due before " + before, VISIBLE + """
                 AND t.status <> 'CLOSED'
                AND EXISTS (SELECT 1 FROM ticket_deadlines d WHERE d.ticket_id = t.id AND d.due_at < ?)
                ORDER BY (SELECT min(d.due_at) FROM ticket_deadlines d WHERE d.ticket_id = t.id), t.id LIMIT ?
                """, ps -> bind(ps, visibleArgs(viewer, TicketRows.timestamp(before), limit)));
    }

    @Override
    public List<Ticket> forwardedTo(String personId, Instant since, Actor viewer) {
        return many("find tickets forwarded to " + personId, VISIBLE + """
                 AND t.created_at >= ?
                AND (t.forwarded_to = ? OR (t.owner IS NULL AND t.callback_requested AND t.status <> 'CLOSED'))
                ORDER BY t.created_at DESC, t.id DESC LIMIT 500
                """, ps -> bind(ps, visibleArgs(viewer, TicketRows.timestamp(since), personId)));
    }

    /**
     * {@link Ticket#visibleTo} in SQL, for queries that must filter before their LIMIT: a
     * confidential ticket only for its owner and the roles that {@link
     * org.hotline.domain.ticket.Role#seesConfidential() see confidential tickets}, and for a
     * limited agent only their reach ({@link Actor#reaches}: their lines, their department's
     * tickets, their own). Its six parameters come first: {@link #visibleArgs}.
     */
    private static final String VISIBLE = "((NOT t.confidential OR ? OR t.owner = ?)"
            + " AND (? OR t.owner = ? OR t.line = ANY (?) OR t.department = ?))";

    /** The parameters of {@link #VISIBLE} for {@code viewer}, then {@code more}. */
    private static List<Object> visibleArgs(Actor viewer, Object... more) {
        List<Object> args = new ArrayList<>(List.of(viewer.role().seesConfidential(), viewer.id(), !viewer.limited(),
                viewer.id(), viewer.lines().toArray(String[]::new)));
        args.add(viewer.department()); // may be null
        args.addAll(List.of(more));
        return args;
    }

    /** Open tickets without an owner that want a call-back: the content of the dispatch queues. */
    public List<Ticket> awaitingAgent() {
        return many("list tickets awaiting an agent",
                "t.owner IS NULL AND t.callback_requested AND t.status <> 'CLOSED' ORDER BY t.id", ps -> {});
    }

    /** Claims being worked: owned call-back tickets not yet dispatched or answered (their holds' truth). */
    public List<Ticket> claimedBeforeDispatch() {
        return many("list claimed tickets before dispatch", "t.owner IS NOT NULL AND t.callback_requested"
                + " AND t.status IN ('ACCEPTED', 'MISSED', 'ABANDONED') ORDER BY t.id", ps -> {});
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof String[] arr) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("text", arr));
            } else if (a == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    private Optional<Ticket> one(String what, String where, Binder binder) {
        List<Ticket> list = many(what, where, binder);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    private List<Ticket> many(String what, String where, Binder binder) {
        return tx.autoCommit(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TicketRows.COLUMNS + " FROM tickets t WHERE " + where)) {
                binder.bind(ps);
                List<Ticket> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(TicketRows.ticket(rs));
                    }
                }
                return out;
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
