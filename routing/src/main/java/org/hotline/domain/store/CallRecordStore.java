package org.hotline.domain.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asterisk's own record of the calls (PostgreSQL table {@code cdr}, written by Asterisk's
 * cdr_pgsql) and which of them were already reconciled into tickets. Implementations are
 * thread-safe.
 */
public interface CallRecordStore {

    /**
     * The records of calls that ran the hotline dialplan (a record with a dialled hotline number),
     * are not yet {@linkplain #markReconciled reconciled}, and whose latest record was written at
     * least {@code settled} ago (a call's records arrive together when it ends), oldest call
     * first, at most {@code limit} calls. Each list holds every record of one linkedid, in
     * Asterisk's sequence order.
     *
     * @throws StoreUnavailableException the database cannot be reached
     */
    List<List<CallDetailRecord>> unreconciled(Duration settled, int limit);

    /**
     * Notes that the call {@code linkedid} was reconciled, with the ticket it ended on (if any)
     * and a word for what was done; a call already noted keeps its first note.
     */
    void markReconciled(String linkedid, Long ticketId, String result);

    /**
     * Runs {@code pass} if no other instance of the service is running one (a lock held for the
     * duration of the pass, released if the instance dies); empty when another holds it.
     */
    <T> Optional<T> exclusively(Supplier<T> pass);
}
