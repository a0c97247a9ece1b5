package org.hotline.ivr.e2e;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.hotline.ivr.agi.FastAgiServer;
import org.hotline.ivr.ami.AmiClient;
import org.hotline.ivr.e2e.AsteriskHarness.PhoneMode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Asterisk ({@link AsteriskHarness}, started before the class and stopped after it) and the
 * parts of the service a call-handling test runs in its own JVM (storage, the FastAGI server, the
 * AMI client, a dialer), owned for the test class: in {@code @BeforeAll} hand it each part as it
 * is started. Before each test it points the dialplan at the FastAGI server and makes the named
 * phones answer; after the class it closes the parts, the last one started first, then stops
 * Asterisk. Not thread-safe: the JUnit thread only.
 */
final class InProcessService implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final AsteriskHarness asterisk;
    private final List<String> answeringPhones;
    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private FastAgiServer agi;

    /** @param answeringPhones the harness phones that answer at the start of every test */
    InProcessService(String... answeringPhones) {
        this.asterisk = new AsteriskHarness();
        this.answeringPhones = List.of(answeringPhones);
    }

    /** The Asterisk the service is tested against. */
    AsteriskHarness asterisk() {
        return asterisk;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        asterisk.beforeAll(context);
    }

    /** Takes ownership of {@code part}, closed after the class; returns it. */
    <T extends AutoCloseable> T own(T part) {
        parts.push(part);
        return part;
    }

    /** Starts {@code client}, owns it, and waits until it has logged in to Asterisk. */
    AmiClient ami(AmiClient client, Duration loginTimeout) throws InterruptedException {
        own(client);
        client.start();
        E2eWaits.connected(client, loginTimeout);
        return client;
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
        asterisk.afterAll(context);
        if (first != null) {
            throw first;
        }
    }
}
