package org.hotline.domain.store;

import org.hotline.domain.ticket.Handover;
import java.util.List;
import java.util.Optional;

/** Shift handover records, append-only. Thread-safe. */
public interface HandoverStore {

    /** Stores a handover ({@code id} ignored) and returns it with its id. */
    Handover record(Handover handover);

    /** The latest handover. */
    Optional<Handover> latest();

    /** The latest {@code max} handovers, newest first. */
    List<Handover> recent(int max);
}
