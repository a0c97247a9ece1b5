package org.hotline.storage.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hotline.domain.report.HotTopicKey;
import org.hotline.domain.report.KpiCounts;
import org.hotline.domain.report.KpiQuery;
import org.hotline.domain.report.KpiRollup;
import org.hotline.domain.report.KpiSlice;
import org.hotline.domain.report.StepRule;
import org.hotline.domain.report.TicketFacts;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.RequestKind;

/**
 * The daily sums of {@code ticket_facts} (migration V16): {@code kpi_day_counts} holds the
 * {@link KpiCounts} of each day and {@link KpiSlice}, {@code topic_day_counts} the tickets of each
 * day, kind and location. A facts row is either in the sums ({@code rolled}) or not: whoever
 * writes a row that is in them moves its contribution in the same transaction ({@link Delta}:
 * takes back the old one, adds the new), and {@link #rollUp} adds the rows that are not, so the
 * sums never drift from the facts, survive restarts and are the same on every instance.
 *
 * <p>How the sums stay exact:
 * <ul>
 * <li>A ticket's contribution is its counts as of the end of time ({@link Instant#MAX}: every
 *     deadline step unmet is taken as decided and late). A step due after the moment of reading is
 *     not decided yet, so a report reads again the few facts whose {@code undecided_until} (the
 *     latest due instant of an unmet step) is after its {@code asOf} and replaces their
 *     contribution by their counts at {@code asOf}.</li>
 * <li>A facts row with {@code rolled = false} is not in the sums: a new ticket's (intake leaves
 *     it out, so the busiest moments of a call, all in the same slice of today, write no sums),
 *     and rows written before V16 or by the history backfill. A report counts them from the rows
 *     themselves; {@link #rollUp} (every storage maintenance round, and at start) adds them and
 *     marks them rolled, under the rows' locks.</li>
 * <li>The writers of a ticket's facts are serialised by the facts row's lock ({@code FOR UPDATE}),
 *     so the contribution taken back is the one that was added. Sums are updated with
 *     {@code col = col + delta}, one row per day, slice and stripe: the stripe is the writer's
 *     backend process id modulo {@link #STRIPES}, so concurrent writers of the same slice (every
 *     call of today starts in the same one) seldom wait for each other; a reader sums the stripes.
 *     A transaction updates its rows in one global order (day, then slice), so two writers never
 *     deadlock on them.</li>
 * <li>A report reads the sums and the facts it counts directly in one repeatable-read snapshot.</li>
 * </ul>
 * The counts depend on the {@link StepRule} (which status meets a step): this rollup is the one
 * counted with the rule it was made with, and {@link PgTicketFacts#rollup} offers it only to a
 * report with that same rule. Thread-safe.
 */
public final class PgKpiRollup implements KpiRollup {
    /** How many rows a day's slice is spread over, to keep concurrent writers apart. */
    static final int STRIPES = 8;
    /** The columns of {@link KpiCounts#values()}, in its order. */
    static final List<String> COUNTS = List.of("tickets", "offered", "rang", "answered", "answered_within_threshold",
            "wait_millis", "waits_measured", "abandoned_in_ivr", "abandoned_in_queue", "forwarded", "answered_by_a",
            "answered_by_b", "forwarded_unanswered", "missed", "steps_decided", "steps_on_time", "tickets_decided",
            "tickets_late", "dispatched", "redispatched", "complaints", "repeat_complaints", "callbacks_required",
            "callbacks_attempted", "callbacks_reached", "satisfied");
    private static final int ROLL_BATCH = 5_000;
    private static final int ROWS_PER_STATEMENT = 1_000;
    private static final String KPI_ROW = "(?, ?, pg_backend_pid() % " + STRIPES + ", ?, ?, ?, ?"
            + ", ?".repeat(COUNTS.size()) + ")";
    private static final String KPI_UPSERT = "INSERT INTO kpi_day_counts (day, slice, stripe, line, kind, department, "
            + "agent, " + String.join(", ", COUNTS) + ") VALUES " + KPI_ROW + " ON CONFLICT (day, slice, stripe) DO "
            + "UPDATE SET " + String.join(", ", COUNTS.stream().map(c -> c + " = kpi_day_counts." + c + " + EXCLUDED." + c)
                    .toList());
    private static final String TOPIC_ROW = "(?, ?, pg_backend_pid() % " + STRIPES + ", ?, ?, ?)";
    private static final String TOPIC_UPSERT = "INSERT INTO topic_day_counts (day, topic, stripe, kind, location, tickets) "
            + "VALUES " + TOPIC_ROW + " ON CONFLICT (day, topic, stripe) DO UPDATE "
            + "SET tickets = topic_day_counts.tickets + EXCLUDED.tickets";
    private static final String SUMS = "SELECT day, line, kind, department, agent, "
            + String.join(", ", COUNTS.stream().map(c -> "sum(" + c + ")::bigint").toList())
            + " FROM kpi_day_counts WHERE day >= ? AND day <= ?";

    private final PgTransaction tx;
    private final StepRule rule;
    private final ZoneId zone;

    public PgKpiRollup(DataSource dataSource, StepRule rule, ZoneId zone) {
        this.tx = new PgTransaction(dataSource);
        this.rule = rule;
        this.zone = zone;
    }

    /** The rule the sums are counted with. */
    StepRule rule() {
        return rule;
    }

    /** The zone whose local dates are the sums' days. */
    ZoneId zone() {
        return zone;
    }

    /** A new set of changes to the sums, to be written in one transaction. */
    Delta delta() {
        return new Delta();
    }

    /** The latest due instant of a step of {@code f} not met yet: the {@code undecided_until} of its row. */
    Instant undecidedUntil(TicketFacts f) {
        return KpiCounts.undecidedUntil(f, rule);
    }

    @Override
    public Summary summary(KpiQuery query, Instant asOf, int listLimit) {
        return tx.inTransaction("read the KPI sums of " + query.from() + " to " + query.to(), c -> {
            snapshot(c);
            Map<KpiSlice.Key, KpiCounts> slices = new HashMap<>();
            KpiFilter f = new KpiFilter(query);
            try (PreparedStatement ps = c.prepareStatement(SUMS + f.sql() + " GROUP BY day, slice, line, kind, "
                    + "department, agent")) {
                ps.setObject(1, query.from());
                ps.setObject(2, query.to());
                f.bind(ps, 3);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] v = new long[COUNTS.size()];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = rs.getLong(6 + i);
                        }
                        KpiSlice.Key key = new KpiSlice.Key(rs.getObject(1, LocalDate.class), rs.getString(2),
                                TicketRows.enumOf(RequestKind.class, rs.getString(3)), rs.getString(4), rs.getString(5));
                        slices.merge(key, KpiCounts.of(v), KpiCounts::add);
                    }
                }
            }
            Instant from = query.start(zone);
            Instant to = query.end(zone);
            // facts not in the sums yet: counted from their rows
            facts(c, "NOT rolled", from, to, null, f, t -> slices.computeIfAbsent(KpiSlice.Key.of(t, zone),
                    k -> new KpiCounts()).add(t, rule, asOf));
            // steps due after asOf are not decided yet: the rows' counts at asOf instead of at the end of time
            facts(c, "rolled AND undecided_until > ?", from, to, asOf, f, t -> slices.computeIfAbsent(
                    KpiSlice.Key.of(t, zone), k -> new KpiCounts()).add(t, rule, asOf).subtract(contribution(t)));
            List<KpiSlice> out = new ArrayList<>();
            slices.forEach((k, v) -> {
                if (v.tickets() != 0) {
                    out.add(new KpiSlice(k, v));
                }
            });
            return new Summary(out, ids(c, CallbackResult.UNSATISFIED, from, to, f, listLimit),
                    ids(c, CallbackResult.NO_ANSWER, from, to, f, listLimit));
        });
    }

    @Override
    public Map<Topic, Long> topics(LocalDate from, LocalDate to) {
        return tx.inTransaction("read the hot topics of " + from + " to " + to, c -> {
            snapshot(c);
            Map<Topic, Long> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, location, sum(tickets)::bigint "
                    + "FROM topic_day_counts WHERE day >= ? AND day <= ? GROUP BY topic, kind, location")) {
                ps.setObject(1, from);
                ps.setObject(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.merge(new Topic(RequestKind.valueOf(rs.getString(1)), rs.getString(2)), rs.getLong(3), Long::sum);
                    }
                }
            }
            KpiQuery all = KpiQuery.of(from, to);
            facts(c, "NOT rolled", all.start(zone), all.end(zone), null, new KpiFilter(all), t -> HotTopicKey.of(t, zone)
                    .ifPresent(k -> out.merge(new Topic(k.kind(), k.location()), 1L, Long::sum)));
            out.values().removeIf(n -> n == 0);
            return out;
        });
    }

    /**
     * Makes the sums those of this rollup's rule: when they were counted with another one
     * ({@link StepRule#fingerprint}, kept in {@code kpi_sums_rule}), clears them and marks every
     * facts row not rolled up, in one transaction (facts rows locked first, like every writer);
     * {@link #rollUp} then counts them again. Returns whether it did. Until the roll-up is
     * through, reports count the rows not rolled from the facts, so they stay exact meanwhile.
     */
    public boolean countWithRule() {
        return tx.inTransaction("count the KPI sums with the configured deadline steps", c -> {
            String stored;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT fingerprint FROM kpi_sums_rule FOR UPDATE")) {
                stored = rs.next() ? rs.getString(1) : null;
            }
            if (rule.fingerprint().equals(stored)) {
                return false;
            }
            try (Statement s = c.createStatement()) {
                if (stored != null) {
                    s.executeUpdate("UPDATE ticket_facts SET rolled = false, undecided_until = NULL WHERE rolled");
                    s.executeUpdate("DELETE FROM kpi_day_counts");
                    s.executeUpdate("DELETE FROM topic_day_counts");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE kpi_sums_rule SET fingerprint = ?")) {
                ps.setString(1, rule.fingerprint());
                ps.executeUpdate();
            }
            return stored != null;
        });
    }

    /**
     * Adds the facts rows not in the sums yet ({@code rolled = false}) to them, a batch per
     * transaction; returns how many. Rows being written meanwhile are skipped until the next
     * time. Safe to run on several instances at once.
     */
    public int rollUp() {
        int done = 0;
        while (true) {
            int n = tx.inTransaction("add ticket facts to the KPI sums", c -> {
                List<TicketFacts> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT " + PgTicketFacts.COLUMNS + " FROM ticket_facts "
                        + "WHERE NOT rolled ORDER BY ticket_id LIMIT " + ROLL_BATCH + " FOR UPDATE SKIP LOCKED");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(PgTicketFacts.facts(rs));
                    }
                }
                Delta d = delta();
                Long[] ids = new Long[rows.size()];
                Timestamp[] undecided = new Timestamp[rows.size()];
                for (int i = 0; i < ids.length; i++) {
                    TicketFacts t = rows.get(i);
                    d.add(t);
                    ids[i] = t.ticketId();
                    undecided[i] = TicketRows.timestamp(undecidedUntil(t));
                }
                d.write(c);
                try (PreparedStatement ps = c.prepareStatement("UPDATE ticket_facts f SET rolled = true, "
                        + "undecided_until = u.until FROM unnest(?::bigint[], ?::timestamptz[]) AS u(id, until) "
                        + "WHERE f.ticket_id = u.id")) {
                    ps.setArray(1, c.createArrayOf("int8", ids));
                    ps.setArray(2, c.createArrayOf("timestamptz", undecided));
                    ps.executeUpdate();
                }
                return rows.size();
            });
            done += n;
            if (n < ROLL_BATCH) {
                return done;
            }
        }
    }

    /** What a ticket adds to the sums: its counts as of the end of time. */
    private KpiCounts contribution(TicketFacts f) {
        return new KpiCounts().add(f, rule, Instant.MAX);
    }

    private static void snapshot(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
    }

    /** Streams the facts rows accepted in {@code [from, to)} matching {@code where} (with {@code asOf} as its one parameter, if given). */
    private static void facts(Connection c, String where, Instant from, Instant to, Instant asOf, KpiFilter f,
            Consumer<TicketFacts> each) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PgTicketFacts.COLUMNS + " FROM ticket_facts WHERE "
                + where + " AND offered_at >= ? AND offered_at < ?" + f.sql())) {
            int i = 1;
            if (asOf != null) {
                ps.setTimestamp(i++, Timestamp.from(asOf));
            }
            ps.setTimestamp(i++, Timestamp.from(from));
            ps.setTimestamp(i++, Timestamp.from(to));
            f.bind(ps, i);
            ps.setFetchSize(1_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(PgTicketFacts.facts(rs));
                }
            }
        }
    }

    /** The lowest {@code limit} ids of the tickets in {@code [from, to)} whose latest call-back had {@code result}. */
    private static List<Long> ids(Connection c, CallbackResult result, Instant from, Instant to, KpiFilter f, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket_id FROM ticket_facts WHERE last_callback = ? "
                + "AND offered_at >= ? AND offered_at < ?" + f.sql() + " ORDER BY ticket_id LIMIT ?")) {
            ps.setString(1, result.name());
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            int i = f.bind(ps, 4);
            ps.setInt(i, limit);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    /**
     * Changes to the sums: contributions added and taken back, summed per row, written in one go
     * ({@link #write}) in the global row order. Not thread-safe: one per transaction.
     */
    final class Delta {
        private final TreeMap<String, Row> kpi = new TreeMap<>();
        private final TreeMap<String, TopicRow> topics = new TreeMap<>();

        /** Adds the contribution of {@code f}. */
        Delta add(TicketFacts f) {
            return change(f, 1);
        }

        /** Takes back the contribution of {@code f} (its facts as they were when added). */
        Delta remove(TicketFacts f) {
            return change(f, -1);
        }

        private Delta change(TicketFacts f, int sign) {
            KpiSlice.Key k = KpiSlice.Key.of(f, zone);
            String slice = encode(k.line(), TicketRows.name(k.kind()), k.department(), k.agent());
            Row row = kpi.computeIfAbsent(k.day() + "|" + slice, x -> new Row(k, slice, new KpiCounts()));
            KpiCounts c = contribution(f);
            if (sign > 0) {
                row.counts().add(c);
            } else {
                row.counts().subtract(c);
            }
            HotTopicKey.of(f, zone).ifPresent(t -> {
                String topic = encode(t.kind().name(), t.location());
                topics.computeIfAbsent(t.day() + "|" + topic, x -> new TopicRow(t, topic, new long[1]))
                        .tickets()[0] += sign;
            });
            return this;
        }

        /**
         * Writes the changes that are not zero: one statement per table, its rows in the global
         * order (a multi-row insert, not a JDBC batch, so a lost connection fails it like any
         * other statement).
         */
        void write(Connection c) throws SQLException {
            PgWrites writes = new PgWrites();
            write(writes);
            writes.flush(c);
        }

        /** Like {@link #write(Connection)}, held in {@code writes} to go with the transaction's other writes. */
        void write(PgWrites writes) {
            List<Row> all = kpi.values().stream().filter(r -> !r.counts().isZero()).toList();
            for (List<Row> rows : chunks(all)) {
                writes.add(rowsOf(KPI_UPSERT, KPI_ROW, rows.size()), (c, ps, first) -> {
                    int i = first;
                    for (Row r : rows) {
                        ps.setObject(i++, r.key().day());
                        ps.setString(i++, r.slice());
                        ps.setString(i++, r.key().line());
                        ps.setString(i++, TicketRows.name(r.key().kind()));
                        ps.setString(i++, r.key().department());
                        ps.setString(i++, r.key().agent());
                        for (long v : r.counts().values()) {
                            ps.setLong(i++, v);
                        }
                    }
                    return i;
                });
            }
            List<TopicRow> allTopics = topics.values().stream().filter(t -> t.tickets()[0] != 0).toList();
            for (List<TopicRow> changed : chunks(allTopics)) {
                writes.add(rowsOf(TOPIC_UPSERT, TOPIC_ROW, changed.size()), (c, ps, first) -> {
                    int i = first;
                    for (TopicRow t : changed) {
                        ps.setObject(i++, t.key().day());
                        ps.setString(i++, t.topic());
                        ps.setString(i++, t.key().kind().name());
                        ps.setString(i++, t.key().location());
                        ps.setLong(i++, t.tickets()[0]);
                    }
                    return i;
                });
            }
        }
    }

    /** {@code rows} in order, a statement's worth at a time (PostgreSQL takes at most 65,535 parameters). */
    private static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += ROWS_PER_STATEMENT) {
            out.add(rows.subList(i, Math.min(rows.size(), i + ROWS_PER_STATEMENT)));
        }
        return out;
    }

    /** {@code upsert} with its one row of values, {@code row}, repeated {@code n} times. */
    private static String rowsOf(String upsert, String row, int n) {
        return upsert.replace(row, String.join(", ", java.util.Collections.nCopies(n, row)));
    }

    private record Row(KpiSlice.Key key, String slice, KpiCounts counts) {
    }

    private record TopicRow(HotTopicKey key, String topic, long[] tickets) {
    }

    /** One text key for nullable parts, unambiguous whatever they hold: {@code -} for none, else length:text. */
    static String encode(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            b.append(p == null ? "-" : p.length() + ":" + p).append('|');
        }
        return b.toString();
    }
}
