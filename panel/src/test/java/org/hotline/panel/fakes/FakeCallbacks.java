package org.hotline.panel.fakes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.survey.FailedCallbacks;
import org.hotline.domain.survey.SurveyCall;
import org.hotline.domain.survey.SurveyResults;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.Ticket;

/** A call-back-failed list the test fills; a result by hand is recorded with the real {@link SurveyResults}. */
public final class FakeCallbacks implements FailedCallbacks {
    public final List<SurveyCall> failed = new CopyOnWriteArrayList<>();
    private volatile TicketStore tickets;

    /** The store results are recorded in (the harness's). */
    public void recordIn(TicketStore store) {
        this.tickets = store;
    }

    @Override
    public List<SurveyCall> failed(int limit) {
        return failed.stream().limit(limit).toList();
    }

    @Override
    public Ticket recordByHand(long ticketId, Actor by, int score, String comment) {
        SurveyCall call = failed.stream().filter(c -> c.ticketId() == ticketId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("ticket " + ticketId + " is not on the call-back-failed list"));
        Ticket after = new SurveyResults(tickets).record(tickets.find(ticketId).orElseThrow(), by, score, comment);
        failed.remove(call);
        return after;
    }
}
