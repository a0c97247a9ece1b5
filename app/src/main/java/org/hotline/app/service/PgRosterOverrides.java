package org.hotline.app.service;

import java.time.LocalDate;
import java.util.List;
import org.hotline.panel.roster.RosterOverride;
import org.hotline.panel.roster.RosterOverrides;
import org.hotline.storage.pg.PgDutyOverrideRepository;
import org.hotline.storage.pg.PgDutyOverrideRepository.DutyOverride;

/** The panel's roster overrides kept in PostgreSQL, so a saved swap or leave survives a restart. */
final class PgRosterOverrides implements RosterOverrides {
    private final PgDutyOverrideRepository repository;

    PgRosterOverrides(PgDutyOverrideRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<RosterOverride> list() {
        return repository.list().stream()
                .map(o -> new RosterOverride(o.roster(), o.date(), o.dutyA(), o.dutyB(), o.note())).toList();
    }

    @Override
    public RosterOverride save(RosterOverride o) {
        DutyOverride saved = repository.save(new DutyOverride(o.roster(), o.date(), o.dutyA(), o.dutyB(), o.note()));
        return new RosterOverride(saved.roster(), saved.date(), saved.dutyA(), saved.dutyB(), saved.note());
    }

    @Override
    public boolean remove(String roster, LocalDate date) {
        return repository.remove(roster, date);
    }
}
