package org.hotline.domain.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Durable, replayable event streams (Redis Streams): screen pops and live updates per agent
 * ({@link #agentKey}) and per supervisor board ({@link #boardKey}). Each stream keeps roughly its
 * last {@code maxLength} entries. A client remembers the id of the last entry it saw and, after a
 * reconnect, reads everything after it, so nothing is missed within the retention.
 *
 * <p>Event fields are flat string maps; by convention field {@code "type"} names the event
 * ({@code "screen-pop"}, {@code "ticket"}, {@code "presence"} ...).
 *
 * <p><b>The feed.</b> Every {@link #publish} also appends, atomically with the entry itself, one
 * entry {@code {stream: <streamKey>, id: <entry id>}} to the stream {@link #FEED}. A process that
 * serves many readers (the panel, one socket per agent) follows that one stream with one
 * blocking read and reads an agent's own stream only when the feed names it, instead of holding
 * one blocking read per reader. The feed is a wake-up signal, not the record: readers replay from
 * the named stream after their own last id, so a feed entry trimmed or missed costs latency, never
 * an event. Thread-safe.
 */
public interface EventStream {

    /** The id meaning "before the first entry". */
    String START = "0-0";

    /** The feed stream every publish is announced on (see the class comment); never published to directly. */
    String FEED = "feed";

    /** The stream of one agent's screen pops and updates. */
    static String agentKey(String agentId) {
        return "agent:" + agentId;
    }

    /** The stream of a supervisor board (one per line, or {@code "all"}). */
    static String boardKey(String board) {
        return "board:" + board;
    }

    /** Appends an event; returns its id (monotonic within the stream). */
    String publish(String streamKey, Map<String, String> event);

    /**
     * Like {@link #publish}, unless an event with the same {@code onceKey} was published within
     * {@code window} by any process sharing these streams: then nothing is written and the result
     * is empty. Several instances that follow the same source (the AMI events of one PBX) publish
     * each event once this way, the first one to reach the streams winning.
     */
    java.util.Optional<String> publishOnce(String streamKey, String onceKey, Duration window, Map<String, String> event);

    /** Up to {@code max} entries after {@code lastId} (exclusive), oldest first; never blocks. */
    List<StreamEntry> readAfter(String streamKey, String lastId, int max);

    /**
     * Like {@link #readAfter} but waits up to {@code timeout} for a new entry when there is none;
     * returns an empty list on timeout.
     */
    List<StreamEntry> readBlocking(String streamKey, String lastId, int max, Duration timeout);

    /** The id of the newest entry of a stream, or {@link #START} when it has none: where a new follower starts. */
    String lastId(String streamKey);
}
