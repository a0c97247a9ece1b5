package org.hotline.domain.store;

import java.util.List;
import org.hotline.domain.ticket.AuditEntry;

/** The append-only trail of administrative acts. Thread-safe. */
public interface AuditTrail {

    /** Appends an entry; returns it with its id. */
    AuditEntry record(AuditEntry entry);

    /** The newest entries first, at most {@code limit} (1..500), older than entry {@code beforeId} when positive. */
    List<AuditEntry> recent(int limit, long beforeId);
}
