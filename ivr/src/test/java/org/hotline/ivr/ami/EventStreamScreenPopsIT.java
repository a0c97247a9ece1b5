package org.hotline.ivr.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.store.StreamEntry;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.Ticket;
import org.hotline.storage.Storage;
import org.hotline.storage.redis.RedisClients;
import org.hotline.storage.redis.RedisEventStream;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * Two instances following the same PBX see the same AMI events and both hand each pop to their
 * own {@link EventStreamScreenPops}, each on its own Redis client: the agent's stream gets one
 * pop per ring and state (real PostgreSQL and Redis).
 */
class EventStreamScreenPopsIT {

    @Test
    void twoInstancesPublishOnePopPerRingAndState() {
        Clock clock = Clock.systemUTC();
        try (Storage storage = StorageFixture.shared().freshStorage(clock);
             JedisPooled secondClient = RedisClients.open(StorageFixture.shared().redis().url(), 4)) {
            Ticket t = storage.tickets().openForCall(new CallIntake("complaints", "13900000001", "Ms Caller",
                    "once-" + System.nanoTime() + ".1", "once-" + System.nanoTime(), clock.instant()));
            EventStreamScreenPops instance1 = new EventStreamScreenPops(storage.events(), storage.tickets());
            EventStreamScreenPops instance2 = new EventStreamScreenPops(new RedisEventStream(secondClient, 1000),
                    storage.tickets());
            String agent = "popagent" + System.nanoTime();
            String key = EventStream.agentKey(agent);
            String call = t.linkedid();
            ScreenPop ring1 = pop(call, "leg-1", agent, ScreenPop.State.RINGING, t);
            instance1.publish(ring1);
            instance2.publish(ring1);
            ScreenPop missed1 = pop(call, "leg-1", agent, ScreenPop.State.MISSED, t);
            instance2.publish(missed1);
            instance1.publish(missed1);
            // the queue rings the same agent again: a new leg, a new pop
            ScreenPop ring2 = pop(call, "leg-2", agent, ScreenPop.State.RINGING, t);
            instance2.publish(ring2);
            instance1.publish(ring2);
            assertThat(storage.events().readAfter(key, EventStream.START, 100)).extracting(StreamEntry::fields)
                    .extracting(f -> f.get("state") + " " + f.get("ticketNumber"))
                    .containsExactly("RINGING " + t.number(), "MISSED " + t.number(), "RINGING " + t.number());
        }
    }

    private static ScreenPop pop(String call, String leg, String agent, ScreenPop.State state, Ticket t) {
        return new ScreenPop(call, leg, agent, "PJSIP/1001", state, Optional.of(t.number()), t.callerNumber(),
                t.callerName(), Optional.of(t.line()), Optional.of(t.line()), Instant.now());
    }
}
