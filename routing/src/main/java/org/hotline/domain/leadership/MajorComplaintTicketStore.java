package org.hotline.domain.leadership;

import java.util.Optional;
import java.util.function.BiConsumer;
import org.hotline.domain.store.ForwardingTicketStore;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.ticket.TransitionRefusedException;

/**
 * Major complaints: when the kind of a ticket becomes known (the IVR's intake, an agent's
 * edit), the {@link MajorComplaintRules} may flag it as the system; whoever flags it, the
 * senior managers are told at once ({@code onMajor}). A ticket is flagged once. Thread-safe if
 * the delegate is.
 */
public final class MajorComplaintTicketStore extends ForwardingTicketStore {
    /** The actor the rules flag as. */
    public static final Actor RULES = new Actor("major-complaint-rules", Role.SYSTEM);

    private final MajorComplaintRules rules;
    private final BiConsumer<Ticket, String> onMajor;

    public MajorComplaintTicketStore(TicketStore delegate, MajorComplaintRules rules, BiConsumer<Ticket, String> onMajor) {
        super(delegate);
        this.rules = rules;
        this.onMajor = onMajor;
    }

    @Override
    public Ticket updateIntake(long id, IntakeUpdate update) {
        Ticket after = delegate().updateIntake(id, update);
        return update.kind() == null || after.isProvisional() ? after : flagByRules(after);
    }

    @Override
    public Ticket apply(long id, long expectedVersion, Actor actor, TicketAction action) {
        if (action instanceof TicketAction.FlagMajor && flagged(id)) {
            throw new TransitionRefusedException("ticket is already flagged as a major complaint");
        }
        Ticket after = delegate().apply(id, expectedVersion, actor, action);
        if (action instanceof TicketAction.FlagMajor m) {
            onMajor.accept(after, m.reason());
        } else if (action instanceof TicketAction.EditIntake e && e.update().kind() != null) {
            return flagByRules(after);
        }
        return after;
    }

    private Ticket flagByRules(Ticket t) {
        Optional<String> why = rules.reason(t, delegate());
        if (why.isEmpty() || flagged(t.id())) {
            return t;
        }
        try {
            Ticket after = delegate().apply(t.id(), t.version(), RULES, new TicketAction.FlagMajor(why.get()));
            onMajor.accept(after, why.get());
            return after;
        } catch (VersionConflictException | TransitionRefusedException changed) {
            return delegate().find(t.id()).orElse(t); // changed meanwhile; the next change re-checks
        }
    }

    /** Whether the ticket's history has a major-complaint flag. */
    public boolean flagged(long id) {
        return delegate().history(id).stream().anyMatch(e -> "flag-major".equals(e.action()));
    }
}
