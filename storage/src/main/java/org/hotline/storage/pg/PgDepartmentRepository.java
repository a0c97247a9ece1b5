package org.hotline.storage.pg;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hotline.domain.ticket.Department;
import org.hotline.domain.store.DepartmentStore;

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
                    INSERT INTO departments (id, name, active) VALUES (?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, active = EXCLUDED.active""")) {
                ps.setString(1, TextRule.shortText(d.id()));
                ps.setString(2, TextRule.name(d.name()));
                ps.setBoolean(3, d.active());
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
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, active FROM departments ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                List<Department> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Department(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
                return out;
            }
        });
    }
}
