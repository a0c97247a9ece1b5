package org.hotline.bench.intake;

import java.util.Arrays;

/** Collects latencies (nanoseconds) of one benchmark run; one per thread, merged at the end. Not thread-safe. */
final class LatencyRecorder {

    private long[] values = new long[1 << 16];
    private int size;

    void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = nanos;
    }

    void addAll(LatencyRecorder other) {
        for (int i = 0; i < other.size; i++) {
            record(other.values[i]);
        }
    }

    int count() {
        return size;
    }

    /** The {@code q}-quantile (0..1) in milliseconds, nearest-rank. */
    double percentileMillis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
    }
}
