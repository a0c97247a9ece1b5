package org.hotline.ivr.ami;

/**
 * Where screen pops go: the agent's event stream (implemented over the storage module's
 * {@code EventStream} by the composition root). Called from the AMI client's single event
 * thread; implementations must not block for long and must not throw for a publishing failure
 * (log it: a lost pop must not stop the following of calls).
 */
@FunctionalInterface
public interface ScreenPopSink {
    void publish(ScreenPop pop);
}
