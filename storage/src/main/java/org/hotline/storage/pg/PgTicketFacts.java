package org.hotline.storage.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hotline.domain.report.KpiQuery;
import org.hotline.domain.report.KpiRollup;
import org.hotline.domain.report.StepRule;
import org.hotline.domain.report.TicketFactStore;
import org.hotline.domain.report.TicketFacts;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.RepeatRule;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;

/**
 * The rollup {@code ticket_facts} (migration V11): one row of {@link TicketFacts} per ticket.
 * {@link PgTicketRepository} writes it in the transaction of every ticket change (the static
 * {@link #refresh}); the intake statement inserts the row of a new ticket. Reads stream rows with
 * a cursor, so a month of a million tickets is never held in memory at once.
 *
 * <p>Repeat detection ({@link RepeatRule}, see {@code routing/KPIS.md}): the store reads the
 * caller's earlier tickets of the quarter (by caller or call-back number) and the rule decides.
 * Thread-safe.
 */
public final class PgTicketFacts implements TicketFactStore {
    private static final int FETCH = 5_000;
    static final String COLUMNS = "ticket_id, line, kind, department, confidential, caller_number, "
            + "callback_number, location, linked_to, "
            + "offered_at, ring_at, queued, answered_at, answered_by, answered_as, duty_a, duty_b, abandoned, missed, "
            + "dispatched_at, in_progress_at, resolved_at, callback_at, closed_at, deadlines::text, dispatch_count, "
            + "callback_attempts, last_callback, is_repeat";
    private static final List<TicketStatus> REACHED = List.of(TicketStatus.DISPATCHED, TicketStatus.IN_PROGRESS,
            TicketStatus.RESOLVED, TicketStatus.CALLBACK, TicketStatus.CLOSED);

    private final PgTransaction tx;
    private final ZoneId zone;
    private final PgKpiRollup rollup;

    /** The facts, with their daily sums counted by {@code rollup}'s rule (what the repository writes with). */
    public PgTicketFacts(DataSource dataSource, PgKpiRollup rollup) {
        this.tx = new PgTransaction(dataSource);
        this.zone = rollup.zone();
        this.rollup = rollup;
    }

    /** The daily sums, when counted with {@code rule} (the same instance) and days in {@code zone}. */
    @Override
    public Optional<KpiRollup> rollup(StepRule rule, ZoneId zone) {
        return rule == rollup.rule() && zone.equals(rollup.zone()) ? Optional.of(rollup) : Optional.empty();
    }

    /**
     * Adds the facts not in the daily sums yet (new tickets', and those written before V16 or by
     * {@link #backfill}) to them; returns how many. Safe to run on several instances at once.
     */
    public int rollUp() {
        return rollup.rollUp();
    }

    /** {@link PgKpiRollup#countWithRule}: the sums counted again if they were with another step rule. */
    public boolean countWithRule() {
        return rollup.countWithRule();
    }

    @Override
    public void scan(Instant from, Instant to, KpiQuery query, Consumer<TicketFacts> each) {
        stream(List.of(new Part("offered_at >= ? AND offered_at < ?", List.of(from, to))), query,
                "read the ticket facts of " + query.from() + " to " + query.to(), each);
    }

    /**
     * Open tickets are those with no {@code closed_at} yet or one at or after {@code from}, accepted
     * before {@code to}: two reads, each through its own index (V17: the still-open ones by
     * {@code offered_at}, the closed ones by {@code closed_at}), so neither scans the table.
     */
    @Override
    public void scanOpen(Instant from, Instant to, KpiQuery query, Consumer<TicketFacts> each) {
        stream(List.of(new Part("closed_at IS NULL AND offered_at < ?", List.of(to)),
                new Part("closed_at >= ? AND offered_at < ?", List.of(from, to))), query,
                "read the tickets open during " + query.from() + " to " + query.to(), each);
    }

    /** One SELECT of a read: its condition and the instants its placeholders take, in order. */
    private record Part(String where, List<Instant> instants) {}

    /** Streams the rows of the parts (joined by UNION ALL), each narrowed to the query's line, kind and department. */
    private void stream(List<Part> parts, KpiQuery query, String what, Consumer<TicketFacts> each) {
        KpiFilter filter = new KpiFilter(query);
        String sql = String.join(" UNION ALL ", parts.stream()
                .map(p -> "SELECT " + COLUMNS + " FROM ticket_facts WHERE " + p.where() + filter.sql()).toList());
        tx.inTransaction(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(FETCH);
                int i = 1;
                for (Part part : parts) {
                    for (Instant at : part.instants()) {
                        ps.setTimestamp(i++, Timestamp.from(at));
                    }
                    i = filter.bind(ps, i);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(facts(rs));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public OptionalLong callsRecordedByAsterisk(Instant from, Instant to) {
        return tx.autoCommit("count Asterisk's call records", c -> {
            try (PreparedStatement any = c.prepareStatement("SELECT 1 FROM cdr WHERE hotline_dialled <> '' LIMIT 1");
                 ResultSet rs = any.executeQuery()) {
                if (!rs.next()) {
                    return OptionalLong.empty();
                }
            }
            // calldate is UTC wall-clock time (cdr_pgsql.conf timezone=UTC)
            try (PreparedStatement ps = c.prepareStatement("SELECT count(DISTINCT CASE WHEN linkedid <> '' THEN linkedid "
                    + "ELSE uniqueid END) FROM cdr WHERE hotline_dialled <> '' AND calldate >= ? AND calldate < ?")) {
                ps.setObject(1, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
                ps.setObject(2, LocalDateTime.ofInstant(to, ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return OptionalLong.of(rs.getLong(1));
                }
            }
        });
    }

    /** The facts of one ticket, if it has a row. */
    public Optional<TicketFacts> find(long ticketId) {
        return tx.autoCommit("read the facts of ticket " + ticketId, c -> read(c, ticketId));
    }

    /**
     * Writes the facts of every ticket that has none (tickets written before V11), folded from
     * its history; returns how many. Safe to run on several instances at once (insert if absent).
     */
    public int backfill(PgTicketRepository tickets) {
        int done = 0;
        while (true) {
            List<Long> ids = tx.autoCommit("find tickets without facts", c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT t.id FROM tickets t WHERE NOT EXISTS "
                        + "(SELECT 1 FROM ticket_facts f WHERE f.ticket_id = t.id) ORDER BY t.id LIMIT 500")) {
                    List<Long> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getLong(1));
                        }
                    }
                    return out;
                }
            });
            if (ids.isEmpty()) {
                return done;
            }
            for (long id : ids) {
                Optional<Ticket> t = tickets.find(id);
                if (t.isEmpty()) {
                    continue;
                }
                TicketFacts f = TicketFacts.replay(t.get(), tickets.history(id));
                done += tx.inTransaction("write the facts of ticket " + id, c -> {
                    TicketFacts withRepeat = f.withRepeat(isRepeat(c, f, zone));
                    return insertIfAbsent(c, withRepeat) ? 1 : 0;
                });
            }
        }
    }

    /**
     * In the transaction of a ticket change (the ticket row already updated and its event
     * appended; {@code prior} its facts row as {@link #LOCKED_ROW} read it, locked): folds the
     * change into the ticket's facts and writes them, and, if the row is in
     * the daily sums, moves the ticket's contribution from its old facts to its new ones. A
     * ticket without a row (written before V11) gets its facts folded from its whole history.
     */
    static void refresh(Connection c, PgWrites writes, Optional<Stored> prior, Ticket after, String action,
            Map<String, String> data, Instant at, PgKpiRollup rollup) throws SQLException {
        ZoneId zone = rollup.zone();
        TicketFacts next;
        if (prior.isPresent()) {
            next = prior.get().facts().next(after, action, data, at);
        } else {
            next = TicketFacts.replay(after, TicketRows.history(c, after.id()));
        }
        boolean issueChanged = prior.isEmpty() || prior.get().facts().kind() != next.kind()
                || !java.util.Objects.equals(prior.get().facts().location(), next.location())
                || !java.util.Objects.equals(prior.get().facts().callbackNumber(), next.callbackNumber())
                || !java.util.Objects.equals(prior.get().facts().linkedTo(), next.linkedTo());
        if (issueChanged) {
            next = next.withRepeat(isRepeat(c, next, zone));
        }
        // a row in the sums moves its contribution; one not rolled up yet (a ticket of the last
        // moments: intake leaves its row to the roll-up) stays out, and off the sums' busiest rows
        boolean rolled = prior.isPresent() && prior.get().rolled();
        PgKpiRollup.Delta delta = rollup.delta();
        if (rolled) {
            delta.remove(prior.get().facts()).add(next);
        }
        upsert(writes, next, rolled, rollup.undecidedUntil(next));
        if (issueChanged && prior.isPresent()) {
            java.util.Set<String> numbers = new java.util.HashSet<>(prior.get().facts().contact().numbers());
            numbers.addAll(next.contact().numbers());
            writes.flush(c); // the later tickets' checks read this ticket's facts as written
            refreshLater(c, next, numbers, zone, delta);
        }
        // last, all at once: the sums' rows are locked in their one global order
        delta.write(writes);
    }

    /**
     * After a ticket's issue or numbers changed: the caller's later tickets of the same quarter
     * (sharing one of its old or new numbers) may have become, or stopped being, repeats of it;
     * their flags are decided again. Rows another transaction holds are skipped (that change
     * decides its own ticket's flag), so two changes of one caller's tickets never wait on each other.
     * A flag that changes on a row in the daily sums moves that row's contribution ({@code delta}).
     */
    private static void refreshLater(Connection c, TicketFacts changed, java.util.Set<String> numbers, ZoneId zone,
            PgKpiRollup.Delta delta) throws SQLException {
        if (numbers.isEmpty()) {
            return;
        }
        java.time.LocalDate quarter = RepeatRule.quarterOf(java.time.LocalDate.ofInstant(changed.offeredAt(), zone));
        String[] n = numbers.toArray(String[]::new);
        List<Stored> later = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(laterSharingSql(n.length))) {
            int i = bindSharing(ps, n, Timestamp.from(changed.offeredAt()),
                    Timestamp.from(quarter.plusMonths(3).atStartOfDay(zone).toInstant()));
            ps.setLong(i, changed.ticketId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    later.add(new Stored(facts(rs), rs.getBoolean("rolled")));
                }
            }
        }
        for (Stored row : later) {
            TicketFacts f = row.facts();
            if (!changed.contact().before(f.contact())) {
                continue;
            }
            boolean repeat = isRepeat(c, f, zone);
            if (repeat != f.repeat()) {
                if (row.rolled()) {
                    delta.remove(f).add(f.withRepeat(repeat)); // the repeat-complaint count moves with the flag
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE ticket_facts SET is_repeat = ? WHERE ticket_id = ?")) {
                    ps.setBoolean(1, repeat);
                    ps.setLong(2, f.ticketId());
                    ps.executeUpdate();
                }
            }
        }
    }

    /**
     * Whether the ticket repeats an earlier one of the same caller this quarter ({@link RepeatRule}):
     * the candidates are the facts of the quarter accepted up to this ticket that share one of its
     * numbers; the rule decides.
     */
    static boolean isRepeat(Connection c, TicketFacts f, ZoneId zone) throws SQLException {
        RepeatRule rule = new RepeatRule(zone);
        RepeatRule.Contact me = f.contact();
        if (me.numbers().isEmpty()) {
            return false;
        }
        String[] numbers = me.numbers().toArray(String[]::new);
        List<RepeatRule.Contact> earlier = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(earlierSharingSql(numbers.length))) {
            int i = bindSharing(ps, numbers, Timestamp.from(rule.quarterStart(f.offeredAt())),
                    Timestamp.from(f.offeredAt()));
            ps.setLong(i, f.ticketId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    earlier.add(facts(rs).contact());
                }
            }
        }
        return rule.isRepeat(me, earlier);
    }

    /**
     * The condition "the ticket shares one of {@code count} numbers (as caller or call-back number)
     * and was offered {@code within}", written so that every plan of it, the cached generic one
     * included, finds the tickets by number, one index probe per number. The plain form
     * ({@code caller_number = ANY (?) OR ...} with the time range beside it) let the generic plan
     * walk the time index instead, reading every ticket of the window (a quarter's worth) for each
     * check. The numbers are a {@code VALUES} list, not an array, so the generic plan knows their
     * count and is kept rather than planned again for each check. Bound by {@link #bindSharing}.
     */
    private static String sharingNumbers(int count, String within) {
        return "ticket_id IN (SELECT m.ticket_id FROM (VALUES " + String.join(", ", java.util.Collections.nCopies(count, "(?::text)"))
                + ") AS n(number), LATERAL ("
                + "SELECT ticket_id FROM ticket_facts WHERE caller_number = n.number AND " + within
                + " UNION ALL SELECT ticket_id FROM ticket_facts WHERE callback_number = n.number AND " + within
                + ") m)";
    }

    /** {@link #isRepeat}'s candidates: earlier tickets of the quarter sharing a number, newest first. */
    static String earlierSharingSql(int numbers) {
        return "SELECT " + COLUMNS + " FROM ticket_facts WHERE " + sharingNumbers(numbers, "offered_at >= ? AND offered_at <= ?")
                + " AND ticket_id <> ? ORDER BY offered_at DESC LIMIT " + CANDIDATES;
    }

    /** {@link #refreshLater}'s candidates: later tickets of the quarter sharing a number, locked unless held. */
    static String laterSharingSql(int numbers) {
        return "SELECT " + COLUMNS + ", rolled FROM ticket_facts WHERE " + sharingNumbers(numbers, "offered_at >= ? AND offered_at < ?")
                + " AND ticket_id <> ? ORDER BY offered_at LIMIT " + CANDIDATES + " FOR UPDATE SKIP LOCKED";
    }

    /** Binds {@link #sharingNumbers}'s numbers and window from parameter 1; returns the next parameter. */
    private static int bindSharing(PreparedStatement ps, String[] numbers, Timestamp from, Timestamp to)
            throws SQLException {
        int i = 1;
        for (String number : numbers) {
            ps.setString(i++, number);
        }
        ps.setTimestamp(i++, from);
        ps.setTimestamp(i++, to);
        ps.setTimestamp(i++, from);
        ps.setTimestamp(i++, to);
        return i;
    }

    /** How many of a caller's earlier tickets of the quarter the repeat check reads at most (newest first). */
    private static final int CANDIDATES = 1000;

    /** A facts row and whether its contribution is in the daily sums. */
    record Stored(TicketFacts facts, boolean rolled) {
    }

    /**
     * The facts row of the ticket that statement's {@code u} updated, locked after the ticket row
     * (the one lock order): a CTE for the ticket's own update statement, so the change and the
     * read of its facts take one round trip. {@link #stored} reads it from the result.
     */
    static final String LOCKED_ROW = "SELECT " + COLUMNS + ", rolled FROM ticket_facts "
            + "WHERE ticket_id = (SELECT id FROM u) FOR UPDATE";

    /** The facts row read by {@link #LOCKED_ROW}, from a result row that holds its columns (null when none). */
    static Optional<Stored> stored(ResultSet rs) throws SQLException {
        rs.getLong("ticket_id");
        return rs.wasNull() ? Optional.empty() : Optional.of(new Stored(facts(rs), rs.getBoolean("rolled")));
    }

    private static Optional<TicketFacts> read(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ticket_facts WHERE ticket_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(facts(rs)) : Optional.empty();
            }
        }
    }

    private static final String UPSERT = "INSERT INTO ticket_facts (" + COLUMNS.replace("deadlines::text", "deadlines")
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)";

    /** Writes the facts of a ticket, and whether its contribution is in the daily sums. */
    private static void upsert(PgWrites writes, TicketFacts f, boolean rolled, Instant undecidedUntil) {
        StringBuilder sql = new StringBuilder(UPSERT.replace(") VALUES (", ", rolled, undecided_until) VALUES (")
                .replace("?)", "?, " + rolled + ", ?)")).append(" ON CONFLICT (ticket_id) DO UPDATE SET ");
        String[] cols = (COLUMNS.replace("deadlines::text", "deadlines") + ", rolled, undecided_until").split(", ");
        for (int i = 1; i < cols.length; i++) {
            sql.append(i > 1 ? ", " : "").append(cols[i]).append(" = EXCLUDED.").append(cols[i]);
        }
        writes.add(sql.toString(), (c, ps, first) -> {
            int next = bind(ps, first, f);
            ps.setTimestamp(next, TicketRows.timestamp(undecidedUntil));
            return next + 1;
        });
    }

    private static boolean insertIfAbsent(Connection c, TicketFacts f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT + " ON CONFLICT (ticket_id) DO NOTHING")) {
            bind(ps, 1, f);
            return ps.executeUpdate() == 1;
        }
    }

    /** Binds the facts' columns ({@link #UPSERT}'s) from parameter {@code first}; returns the next parameter. */
    private static int bind(PreparedStatement ps, int first, TicketFacts f) throws SQLException {
        int i = first;
        ps.setLong(i++, f.ticketId());
        ps.setString(i++, f.line());
        ps.setString(i++, TicketRows.name(f.kind()));
        ps.setString(i++, f.department());
        ps.setBoolean(i++, f.confidential());
        ps.setString(i++, f.callerNumber());
        ps.setString(i++, f.callbackNumber());
        ps.setString(i++, f.location());
        ps.setObject(i++, f.linkedTo(), java.sql.Types.BIGINT);
        ps.setTimestamp(i++, TicketRows.timestamp(f.offeredAt()));
        ps.setTimestamp(i++, TicketRows.timestamp(f.ringAt()));
        ps.setBoolean(i++, f.queued());
        ps.setTimestamp(i++, TicketRows.timestamp(f.answeredAt()));
        ps.setString(i++, f.answeredBy());
        ps.setString(i++, TicketRows.name(f.answeredAs()));
        ps.setString(i++, f.dutyA());
        ps.setString(i++, f.dutyB());
        ps.setString(i++, TicketRows.name(f.abandoned()));
        ps.setBoolean(i++, f.missed());
        for (TicketStatus s : REACHED) {
            ps.setTimestamp(i++, TicketRows.timestamp(f.reached().get(s)));
        }
        Map<String, Long> micros = new LinkedHashMap<>();
        f.deadlines().forEach((k, v) -> micros.put(k, Math.addExact(Math.multiplyExact(v.getEpochSecond(), 1_000_000L),
                v.getNano() / 1000L)));
        ps.setString(i++, TicketRows.jsonOf(micros));
        ps.setInt(i++, f.dispatchCount());
        ps.setInt(i++, f.callbackAttempts());
        ps.setString(i++, TicketRows.name(f.lastCallback()));
        ps.setBoolean(i++, f.repeat());
        return i;
    }

    static TicketFacts facts(ResultSet rs) throws SQLException {
        Map<TicketStatus, Instant> reached = new EnumMap<>(TicketStatus.class);
        String[] cols = {"dispatched_at", "in_progress_at", "resolved_at", "callback_at", "closed_at"};
        for (int i = 0; i < cols.length; i++) {
            Instant at = TicketRows.instant(rs.getTimestamp(cols[i]));
            if (at != null) {
                reached.put(REACHED.get(i), at);
            }
        }
        return new TicketFacts(rs.getLong("ticket_id"), rs.getString("line"),
                TicketRows.enumOf(RequestKind.class, rs.getString("kind")), rs.getString("department"),
                rs.getBoolean("confidential"), rs.getString("caller_number"), rs.getString("callback_number"),
                rs.getString("location"), rs.getObject("linked_to", Long.class),
                TicketRows.instant(rs.getTimestamp("offered_at")), TicketRows.instant(rs.getTimestamp("ring_at")),
                rs.getBoolean("queued"), TicketRows.instant(rs.getTimestamp("answered_at")), rs.getString("answered_by"),
                TicketRows.enumOf(TicketFacts.AnsweredAs.class, rs.getString("answered_as")), rs.getString("duty_a"),
                rs.getString("duty_b"), TicketRows.enumOf(TicketFacts.Abandoned.class, rs.getString("abandoned")),
                rs.getBoolean("missed"), reached, TicketRows.deadlines(rs.getString("deadlines")),
                rs.getInt("dispatch_count"), rs.getInt("callback_attempts"),
                TicketRows.enumOf(CallbackResult.class, rs.getString("last_callback")), rs.getBoolean("is_repeat"));
    }
}
