package org.hotline.domain.store;

import org.hotline.domain.ticket.Department;
import java.util.List;
import java.util.Optional;

/** Departments. Thread-safe. */
public interface DepartmentStore {

    /** Creates or replaces the department with this id. */
    Department save(Department department);

    Optional<Department> find(String id);

    /** All departments, by id. */
    List<Department> list();
}
