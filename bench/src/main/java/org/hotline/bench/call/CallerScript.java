package org.hotline.bench.call;

import java.util.SplittableRandom;

/**
 * What one benchmark caller dials and keys, drawn from a seeded sequence so every server gets
 * the same callers in the same order: a line's number, a caller ID, and the keys for the
 * production {@code hotline} menu (AGI-CONTRACT.md): the kind (1-5), the callback number
 * confirmed (1) or another keyed (2, 11 digits, #), a location code (3-4 digits, #), and a
 * voice message declined (2) or left (1, ended by # after the hold).
 */
record CallerScript(String dialled, String callerId, String keys) {

    static final String[] NUMBERS = {"4008001234", "4008005678"};

    static CallerScript next(SplittableRandom random) {
        String dialled = NUMBERS[random.nextInt(NUMBERS.length)];
        String callerId = "139" + String.format("%08d", random.nextInt(100_000_000));
        StringBuilder keys = new StringBuilder();
        keys.append((char) ('1' + random.nextInt(5)));
        if (random.nextInt(5) == 0) {
            keys.append('2').append("138").append(String.format("%08d", random.nextInt(100_000_000))).append('#');
        } else {
            keys.append('1');
        }
        keys.append(random.nextInt(100, 10_000)).append('#');
        keys.append(random.nextInt(10) < 3 ? "1#" : "2");
        return new CallerScript(dialled, callerId, keys.toString());
    }
}
