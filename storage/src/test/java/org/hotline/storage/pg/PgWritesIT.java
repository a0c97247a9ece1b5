package org.hotline.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Held writes on a real PostgreSQL: sent together, in order, each with its own parameters; a failure fails the transaction. */
class PgWritesIT {
    private Connection c;

    @BeforeEach
    void connect() throws SQLException {
        PgEndpoint owner = StorageFixture.shared().owner(StorageFixture.shared().newDatabase());
        c = DriverManager.getConnection(owner.url(), owner.user(), owner.password());
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE w (k text PRIMARY KEY, n int NOT NULL CHECK (n >= 0), tags text[])");
        }
        c.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void theStatementsRunInTheOrderAddedEachWithItsOwnParameters() throws SQLException {
        PgWrites writes = new PgWrites();
        writes.add("INSERT INTO w (k, n, tags) VALUES (?, ?, ?)", (conn, ps, i) -> {
            ps.setString(i, "a");
            ps.setInt(i + 1, 1);
            ps.setArray(i + 2, conn.createArrayOf("text", new String[] {"x", "y"}));
            return i + 3;
        });
        writes.add("UPDATE w SET n = n + ? WHERE k = ?", (conn, ps, i) -> {
            ps.setInt(i, 41);
            ps.setString(i + 1, "a");
            return i + 2;
        });
        writes.add("INSERT INTO w (k, n) SELECT 'b', n FROM w WHERE k = ?", (conn, ps, i) -> {
            ps.setString(i, "a");
            return i + 1;
        });
        assertThat(writes.isEmpty()).isFalse();
        writes.flush(c);
        c.commit();
        assertThat(writes.isEmpty()).isTrue();
        assertThat(rows()).isEqualTo("a=42 {x,y}; b=42 null");
        writes.flush(c); // nothing held: nothing sent
        assertThat(rows()).isEqualTo("a=42 {x,y}; b=42 null");
    }

    @Test
    void aStatementThatFailsFailsTheFlushAndTheTransaction() throws SQLException {
        PgWrites writes = new PgWrites();
        writes.add("INSERT INTO w (k, n) VALUES ('a', 1)", (conn, ps, i) -> i);
        writes.add("INSERT INTO w (k, n) VALUES (?, ?)", (conn, ps, i) -> {
            ps.setString(i, "b");
            ps.setInt(i + 1, -1); // the check refuses it
            return i + 2;
        });
        assertThatThrownBy(() -> writes.flush(c)).isInstanceOf(SQLException.class).hasMessageContaining("w_n_check");
        assertThat(writes.isEmpty()).isTrue();
        c.rollback();
        assertThat(rows()).isEmpty();
    }

    private String rows() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT k, n, tags FROM w ORDER BY k")) {
            while (rs.next()) {
                out.append(out.length() > 0 ? "; " : "").append(rs.getString(1)).append('=').append(rs.getInt(2))
                        .append(' ').append(rs.getString(3));
            }
        }
        return out.toString();
    }
}
