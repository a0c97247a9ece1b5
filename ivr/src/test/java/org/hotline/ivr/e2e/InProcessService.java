package org.hotline.ivr.e2e;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.hotline.ivr.agi.FastAgiServer;
import org.hotline.ivr.e2e.AsteriskHarness.PhoneMode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The parts of the service a call-handling test runs in its own JVM (storage, the FastAGI server,
 * the AMI client, a dialer), owned for the test class. Register it after the
 * {@link AsteriskHarness}; in {@code @BeforeAll} hand it each part as it is started. Before each
 * test it points the dialplan at the FastAGI server and makes the named phones answer; after the
 * class it closes the parts, the last one started first. Not thread-safe: the JUnit thread only.
 */
final class InProcessService implements BeforeEachCallback, AfterAllCallback {
    private final AsteriskHarness asterisk;
    private final List<String> answeringPhones;
    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private FastAgiServer agi;

    /** @param answeringPhones the harness phones that answer at the start of every test */
    InProcessService(AsteriskHarness asterisk, String... answeringPhones) {
        this.asterisk = asterisk;
        this.answeringPhones = List.of(answeringPhones);
    }

    /** Takes ownership of {@code part}, closed after the class; returns it. */
    <T extends AutoCloseable> T own(T part) {
        parts.push(part);
        return part;
    }

    /** Starts {@code server}, owns it, and routes the dialplan's AGI to it before each test. */
    FastAgiServer agi(FastAgiServer server) throws Exception {
        server.start();
        agi = own(server);
        return server;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (agi != null) {
            asterisk.useAgiPort(agi.localAddress().getPort());
        }
        for (String phone : answeringPhones) {
            asterisk.phone(phone, PhoneMode.ANSWER);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Exception first = null;
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        agi = null;
        if (first != null) {
            throw first;
        }
    }
}
