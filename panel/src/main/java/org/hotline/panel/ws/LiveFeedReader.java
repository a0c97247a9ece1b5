package org.hotline.panel.ws;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.store.StreamEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's one blocking Redis read: follows {@link EventStream#FEED} (every publish is
 * announced there with the name of its stream) and tells the hub which streams have something
 * new; the hub pokes the sockets that follow them. However many sockets are open, the panel holds
 * one Redis connection for waiting.
 *
 * <p>It starts at the feed's tail. After a failed read (Redis down, restarted, failed over) it
 * starts again at the tail and first calls {@code catchUp}, so every socket reads its own stream
 * after its last id and nothing announced during the gap is missed. Runs on the thread that calls
 * {@link #run} until {@code stopped} is true (checked at least every {@link #WAIT}).
 */
final class LiveFeedReader implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(LiveFeedReader.class);
    static final Duration WAIT = Duration.ofSeconds(5);
    static final int BATCH = 1000;

    private final EventStream events;
    private final Consumer<String> changed;
    private final Runnable catchUp;
    private final BooleanSupplier stopped;
    private final Duration retryAfter;

    /**
     * @param changed    told the name of each stream with new entries (once per batch read)
     * @param catchUp    told after every (re)start, before any {@code changed}
     * @param retryAfter the pause after a failed read
     */
    LiveFeedReader(EventStream events, Consumer<String> changed, Runnable catchUp, BooleanSupplier stopped,
                   Duration retryAfter) {
        this.events = events;
        this.changed = changed;
        this.catchUp = catchUp;
        this.stopped = stopped;
        this.retryAfter = retryAfter;
    }

    @Override
    public void run() {
        String last = null;
        while (!stopped.getAsBoolean()) {
            try {
                if (last == null) {
                    last = events.lastId(EventStream.FEED);
                    catchUp.run();
                }
                List<StreamEntry> entries = events.readBlocking(EventStream.FEED, last, BATCH, WAIT);
                Set<String> streams = new LinkedHashSet<>();
                for (StreamEntry e : entries) {
                    last = e.id();
                    String stream = e.fields().get("stream");
                    if (stream != null) {
                        streams.add(stream);
                    }
                }
                streams.forEach(changed);
            } catch (RuntimeException e) {
                if (stopped.getAsBoolean()) {
                    return;
                }
                log.warn("reading the live feed failed, starting again in {} ms: {}", retryAfter.toMillis(), e.toString());
                last = null;
                try {
                    Thread.sleep(retryAfter.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
