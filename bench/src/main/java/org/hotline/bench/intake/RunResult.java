package org.hotline.bench.intake;

/** One measured run: operations per second and latency percentiles in milliseconds. */
record RunResult(String system, int clients, long operations, double seconds, double p50, double p99) {

    double perSecond() {
        return operations / seconds;
    }
}
