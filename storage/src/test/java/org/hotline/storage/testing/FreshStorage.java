package org.hotline.storage.testing;

import java.time.Clock;
import java.util.Objects;
import org.hotline.storage.Storage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Each test its own empty, migrated database on the shared embedded servers
 * ({@link StorageFixture#freshStorage}), opened before the test (and before its own
 * {@code @BeforeEach} methods) and closed after it:
 *
 * <pre>
 * final MutableClock clock = ...;
 * &#64;RegisterExtension final FreshStorage fresh = new FreshStorage(clock);
 * ... fresh.storage().tickets() ...
 * </pre>
 */
public final class FreshStorage implements BeforeEachCallback, AfterEachCallback {
    private final Clock clock;
    private Storage storage;

    public FreshStorage(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The current test's storage. */
    public Storage storage() {
        if (storage == null) {
            throw new IllegalStateException("no test is running: register FreshStorage with @RegisterExtension");
        }
        return storage;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        storage = StorageFixture.shared().freshStorage(clock);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (storage != null) {
            storage.close();
            storage = null;
        }
    }
}
