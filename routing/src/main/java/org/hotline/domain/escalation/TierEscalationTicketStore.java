package org.hotline.domain.escalation;

import java.util.Optional;
import org.hotline.domain.store.ForwardingTicketStore;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.LinkReason;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TransitionRefusedException;

/**
 * A caller's escalation to the next tier of complaint line, linked as the call opens its ticket:
 * when a call on an area or company line ({@link ComplaintTiers}) comes from a caller who had a
 * ticket this quarter on a lower tier, the new ticket is linked to it
 * ({@link TicketAction.LinkEarlier}, {@link LinkReason#ESCALATION}, by {@link ComplaintTiers#ACTOR});
 * the earlier ticket's history records the escalation. A failed lookup or link never fails the
 * intake: the ticket is returned as opened (an agent can still link it). Thread-safe if the
 * delegate is.
 */
public final class TierEscalationTicketStore extends ForwardingTicketStore {
    private static final System.Logger LOG = System.getLogger(TierEscalationTicketStore.class.getName());

    private final ComplaintTiers tiers;

    public TierEscalationTicketStore(TicketStore delegate, ComplaintTiers tiers) {
        super(delegate);
        this.tiers = tiers;
    }

    @Override
    public Ticket openForCall(CallIntake intake) {
        Ticket t = delegate().openForCall(intake);
        if (t.isProvisional() || t.linkedTo() != null || tiers.tierOf(t.line()).isEmpty()) {
            return t;
        }
        try {
            Optional<Ticket> earlier = tiers.escalated(t, delegate());
            if (earlier.isEmpty()) {
                return t;
            }
            String note = "the caller rang the " + tiers.tierOf(t.line()).orElseThrow().configName() + " line after ticket "
                    + earlier.get().number() + " on the " + tiers.tierOf(earlier.get().line()).orElseThrow().configName()
                    + " line";
            return delegate().apply(t.id(), t.version(), ComplaintTiers.ACTOR,
                    new TicketAction.LinkEarlier(earlier.get(), LinkReason.ESCALATION, note));
        } catch (VersionConflictException | TransitionRefusedException changed) {
            return delegate().find(t.id()).orElse(t);
        } catch (RuntimeException storeTrouble) {
            // the intake stands; an agent can still make the link
            LOG.log(System.Logger.Level.WARNING, "ticket " + t.number() + ": escalation not linked: " + storeTrouble);
            return t;
        }
    }
}
