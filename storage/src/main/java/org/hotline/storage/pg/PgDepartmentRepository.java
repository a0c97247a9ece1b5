package org.hotline.storage.pg;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hotline.domain.ticket.Department;
import org.hotline.domain.store.DepartmentStore;
import org.hotline.domain.ticket.RequestKind;

/** {@link DepartmentStore} on PostgreSQL table {@code departments}. Thread-safe. */
public final class PgDepartmentRepository implements DepartmentStore {

    private final PgTransaction tx;

    public PgDepartmentRepository(DataSource dataSource) {
        this.tx = new PgTransaction(dataSource);
    }

    @Override
    public Department save(Department d) {
        return tx.autoCommit("save department " + d.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO departments (id, name, active, manager, kinds, lines) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, active = EXCLUDED.active,
                        manager = EXCLUDED.manager, kinds = EXCLUDED.kinds, lines = EXCLUDED.lines""")) {
                ps.setString(1, TextRule.shortText(d.id()));
                ps.setString(2, TextRule.name(d.name()));
                ps.setBoolean(3, d.active());
                ps.setString(4, TextRule.shortText(d.manager()));
                ps.setArray(5, c.createArrayOf("text", d.kinds().stream().map(Enum::name).sorted().toArray()));
                ps.setArray(6, c.createArrayOf("text", d.lines().stream().map(TextRule::shortText).sorted().toArray()));
                ps.executeUpdate();
            }
            return d;
        });
    }

    @Override
    public Optional<Department> find(String id) {
        return list().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    @Override
    public List<Department> list() {
        return tx.autoCommit("list departments", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, active, manager, kinds, lines FROM departments ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                List<Department> out = new ArrayList<>();
                while (rs.next()) {
                    Set<RequestKind> kinds = strings(rs.getArray(5)).stream().map(RequestKind::valueOf)
                            .collect(Collectors.toSet());
                    out.add(new Department(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), kinds,
                            Set.copyOf(strings(rs.getArray(6)))));
                }
                return out;
            }
        });
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
