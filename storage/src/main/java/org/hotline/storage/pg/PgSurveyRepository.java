package org.hotline.storage.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hotline.domain.survey.SurveyCall;
import org.hotline.domain.survey.SurveyStore;

/**
 * {@link SurveyStore} on tables {@code survey_calls} and {@code survey_attempts} (migration V7).
 * A claim is one transaction that moves the call-back from {@code SCHEDULED} with N attempts to
 * {@code CALLING} with N+1 and inserts attempt N+1: the row lock makes concurrent claimers wait,
 * and the loser finds the state changed and claims nothing; the attempt's primary key guards it
 * once more. Thread-safe.
 */
public final class PgSurveyRepository implements SurveyStore {
    private static final String COLUMNS = "ticket_id, round, ticket_number, callback_number, state, attempts, "
            + "max_attempts, next_at, note, updated_at";

    private final PgTransaction tx;

    public PgSurveyRepository(DataSource dataSource) {
        this.tx = new PgTransaction(dataSource);
    }

    @Override
    public SurveyCall schedule(SurveyCall call) {
        return tx.inTransaction("schedule a satisfaction call-back", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO survey_calls (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ticket_id, round) DO NOTHING")) {
                ps.setLong(1, call.ticketId());
                ps.setInt(2, call.round());
                ps.setString(3, call.ticketNumber());
                ps.setString(4, call.callbackNumber());
                ps.setString(5, call.state().name());
                ps.setInt(6, call.attempts());
                ps.setInt(7, call.maxAttempts());
                ps.setTimestamp(8, TicketRows.timestamp(call.nextAt()));
                ps.setString(9, TextRule.longText(call.note()));
                ps.setTimestamp(10, TicketRows.timestamp(call.updatedAt()));
                ps.executeUpdate();
            }
            return find(c, call.ticketId(), call.round()).orElseThrow();
        });
    }

    @Override
    public Optional<SurveyCall> find(long ticketId, int round) {
        return tx.autoCommit("read a satisfaction call-back", c -> find(c, ticketId, round));
    }

    @Override
    public List<SurveyCall> due(Instant now, int limit) {
        return list("SELECT " + COLUMNS + " FROM survey_calls WHERE state = 'SCHEDULED' AND next_at <= ? "
                + "ORDER BY next_at, ticket_id LIMIT ?", now, limit);
    }

    @Override
    public List<SurveyCall> callingSince(Instant before, int limit) {
        return list("SELECT " + COLUMNS + " FROM survey_calls WHERE state = 'CALLING' AND next_at < ? "
                + "ORDER BY next_at, ticket_id LIMIT ?", before, limit);
    }

    @Override
    public Optional<SurveyCall> claim(SurveyCall call, String instance, Instant now) {
        return tx.inTransaction("claim a satisfaction call-back attempt", c -> {
            int attempt = call.attempts() + 1;
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE survey_calls SET state = 'CALLING', attempts = ?, next_at = ?, updated_at = ?
                     WHERE ticket_id = ? AND round = ? AND state = 'SCHEDULED' AND attempts = ?
                       AND attempts < max_attempts""")) {
                ps.setInt(1, attempt);
                ps.setTimestamp(2, TicketRows.timestamp(now));
                ps.setTimestamp(3, TicketRows.timestamp(now));
                ps.setLong(4, call.ticketId());
                ps.setInt(5, call.round());
                ps.setInt(6, call.attempts());
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO survey_attempts (ticket_id, round, attempt, instance, claimed_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                ps.setLong(1, call.ticketId());
                ps.setInt(2, call.round());
                ps.setInt(3, attempt);
                ps.setString(4, TextRule.shortText(instance));
                ps.setTimestamp(5, TicketRows.timestamp(now));
                if (ps.executeUpdate() != 1) {
                    c.rollback();
                    return Optional.empty();
                }
            }
            return find(c, call.ticketId(), call.round());
        });
    }

    @Override
    public Optional<SurveyCall> finish(long ticketId, int round, int attempt, String outcome, SurveyCall.State next,
            Instant nextAt, String note, Instant now) {
        return tx.inTransaction("record a satisfaction call-back attempt", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE survey_attempts SET outcome = ?, finished_at = ?
                     WHERE ticket_id = ? AND round = ? AND attempt = ? AND outcome IS NULL""")) {
                ps.setString(1, TextRule.shortText(outcome));
                ps.setTimestamp(2, TicketRows.timestamp(now));
                ps.setLong(3, ticketId);
                ps.setInt(4, round);
                ps.setInt(5, attempt);
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE survey_calls SET state = ?, next_at = ?, note = ?, updated_at = ?
                     WHERE ticket_id = ? AND round = ? AND attempts = ? AND state = 'CALLING'""")) {
                ps.setString(1, next.name());
                ps.setTimestamp(2, TicketRows.timestamp(nextAt));
                ps.setString(3, TextRule.longText(note));
                ps.setTimestamp(4, TicketRows.timestamp(now));
                ps.setLong(5, ticketId);
                ps.setInt(6, round);
                ps.setInt(7, attempt);
                if (ps.executeUpdate() != 1) {
                    c.rollback();
                    return Optional.empty();
                }
            }
            return find(c, ticketId, round);
        });
    }

    @Override
    public void postpone(long ticketId, int round, Instant nextAt, Instant now) {
        tx.autoCommit("postpone a satisfaction call-back", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE survey_calls SET next_at = ?, updated_at = ?
                     WHERE ticket_id = ? AND round = ? AND state = 'SCHEDULED'""")) {
                ps.setTimestamp(1, TicketRows.timestamp(nextAt));
                ps.setTimestamp(2, TicketRows.timestamp(now));
                ps.setLong(3, ticketId);
                ps.setInt(4, round);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<SurveyCall> close(long ticketId, int round, SurveyCall.State next, String note, Instant now) {
        return tx.inTransaction("close a satisfaction call-back", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE survey_calls SET state = ?, note = ?, updated_at = ?
                     WHERE ticket_id = ? AND round = ? AND state IN ('SCHEDULED', 'CALLING', 'FAILED')""")) {
                ps.setString(1, next.name());
                ps.setString(2, TextRule.longText(note));
                ps.setTimestamp(3, TicketRows.timestamp(now));
                ps.setLong(4, ticketId);
                ps.setInt(5, round);
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            return find(c, ticketId, round);
        });
    }

    @Override
    public List<SurveyCall> failed(int limit) {
        return tx.autoCommit("read the call-back-failed list", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM survey_calls WHERE state = 'FAILED' ORDER BY updated_at, ticket_id LIMIT ?")) {
                ps.setInt(1, Math.max(1, limit));
                return rows(ps);
            }
        });
    }

    @Override
    public Optional<Instant> lastAnswered(String callbackNumber) {
        return tx.autoCommit("read a caller's last satisfaction survey", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT max(a.finished_at) FROM survey_calls s
                      JOIN survey_attempts a ON a.ticket_id = s.ticket_id AND a.round = s.round
                     WHERE s.callback_number = ? AND s.state = 'ANSWERED' AND a.outcome = 'answered'""")) {
                ps.setString(1, callbackNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.ofNullable(rs.getTimestamp(1)).map(TicketRows::instant);
                }
            }
        });
    }

    @Override
    public List<Attempt> attempts(long ticketId, int round) {
        return tx.autoCommit("read satisfaction call-back attempts", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT attempt, instance, claimed_at, outcome, finished_at FROM survey_attempts
                     WHERE ticket_id = ? AND round = ? ORDER BY attempt""")) {
                ps.setLong(1, ticketId);
                ps.setInt(2, round);
                List<Attempt> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Attempt(rs.getInt(1), rs.getString(2), TicketRows.instant(rs.getTimestamp(3)),
                                rs.getString(4), rs.getTimestamp(5) == null ? null : TicketRows.instant(rs.getTimestamp(5))));
                    }
                }
                return out;
            }
        });
    }

    private List<SurveyCall> list(String sql, Instant at, int limit) {
        return tx.autoCommit("read satisfaction call-backs", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTimestamp(1, TicketRows.timestamp(at));
                ps.setInt(2, Math.max(1, limit));
                return rows(ps);
            }
        });
    }

    private static Optional<SurveyCall> find(Connection c, long ticketId, int round) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM survey_calls WHERE ticket_id = ? AND round = ?")) {
            ps.setLong(1, ticketId);
            ps.setInt(2, round);
            List<SurveyCall> l = rows(ps);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }
    }

    private static List<SurveyCall> rows(PreparedStatement ps) throws SQLException {
        List<SurveyCall> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SurveyCall(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        SurveyCall.State.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7),
                        TicketRows.instant(rs.getTimestamp(8)), rs.getString(9), TicketRows.instant(rs.getTimestamp(10))));
            }
        }
        return out;
    }
}
