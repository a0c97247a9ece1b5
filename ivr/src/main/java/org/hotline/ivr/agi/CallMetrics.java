package org.hotline.ivr.agi;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The IVR's meters, registered once in the injected {@link MeterRegistry}:
 * {@code hotline.calls} counters tagged {@code outcome} (offered, answered, forwarded, queued,
 * voicemail, abandoned, overload, unknown_flow, fallback, rejected_peer), the
 * {@code hotline.calls.active} gauge (registered by the server) and the {@code hotline.agi.command} round-trip timer.
 * Thread-safe.
 */
public final class CallMetrics {

    private final Counter offered;
    private final Counter answered;
    private final Counter forwarded;
    private final Counter queued;
    private final Counter voicemail;
    private final Counter abandoned;
    private final Counter overload;
    private final Counter unknownFlow;
    private final Counter fallback;
    private final Counter rejectedPeer;
    private final Timer commandRoundTrip;

    public CallMetrics(MeterRegistry registry) {
        offered = counter(registry, "offered");
        answered = counter(registry, "answered");
        forwarded = counter(registry, "forwarded");
        queued = counter(registry, "queued");
        voicemail = counter(registry, "voicemail");
        abandoned = counter(registry, "abandoned");
        overload = counter(registry, "overload");
        unknownFlow = counter(registry, "unknown_flow");
        fallback = counter(registry, "fallback");
        rejectedPeer = counter(registry, "rejected_peer");
        commandRoundTrip = Timer.builder("hotline.agi.command")
                .description("time from writing an AGI command to reading its reply")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("hotline.calls").tag("outcome", outcome).register(registry);
    }

    public void offered() { offered.increment(); }
    public void answered() { answered.increment(); }
    public void forwarded() { forwarded.increment(); }
    public void queued() { queued.increment(); }
    public void voicemail() { voicemail.increment(); }
    public void abandoned() { abandoned.increment(); }
    void overload() { overload.increment(); }
    void unknownFlow() { unknownFlow.increment(); }
    public void fallback() { fallback.increment(); }
    void rejectedPeer() { rejectedPeer.increment(); }
    void commandRoundTrip(long nanos) { commandRoundTrip.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS); }
}
