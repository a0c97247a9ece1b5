package org.hotline.ivr.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.config.RingSeconds;
import org.hotline.domain.config.UrgentPath;
import org.hotline.domain.routing.RoutingDecision;

/** A router that answers a scripted decision per urgency and remembers what it was asked. */
final class FakeRouting implements HotlineRouting {

    static final LineConfig COMPLAINTS = new LineConfig("complaints", "Complaint line", List.of("4008001234", "88001234"),
            "main", "hotline-complaints", new RingSeconds(20, 20), true, UrgentPath.DUTY_MANAGER, "complaints@hotline",
            Map.of(), Map.of("greeting-office", "hotline/complaints-welcome", "menu", "hotline/menu",
                    "callback-choice", "hotline/callback-choice", "callback-enter", "hotline/callback-enter",
                    "location", "hotline/location", "message-offer", "hotline/message-offer"));

    private final List<LineConfig> lines;
    volatile RoutingDecision normal;
    volatile RoutingDecision urgent;
    volatile Duration decideDelay = Duration.ZERO;
    final List<Boolean> asked = new CopyOnWriteArrayList<>();

    FakeRouting(RoutingDecision normal, RoutingDecision urgent, LineConfig... lines) {
        this.normal = normal;
        this.urgent = urgent;
        this.lines = List.of(lines);
    }

    @Override
    public Optional<LineConfig> lineForNumber(String dialled) {
        return lines.stream().filter(line -> line.numbers().contains(dialled)).findFirst();
    }

    @Override
    public RoutingDecision decide(String lineId, Instant at, boolean isUrgent) {
        asked.add(isUrgent);
        if (!decideDelay.isZero()) {
            try {
                Thread.sleep(decideDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return isUrgent ? urgent : normal;
    }
}
