package org.hotline.storage.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {

    @TempDir
    Path tmp;

    @Test
    void aHeldDirectoryIsRefusedNamingTheOwnerAndReleasedOnClose() throws Exception {
        Path file = tmp.resolve("data/hotline.lock");
        try (DataDirectoryLock held = DataDirectoryLock.acquire(file, "hotline")) {
            assertThat(Files.readString(file).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThatThrownBy(() -> DataDirectoryLock.acquire(file, "hotline"))
                    .isInstanceOf(DataDirectoryLock.InUseException.class)
                    .hasMessage("the data directory " + file.getParent() + " is in use by another running hotline (pid "
                            + ProcessHandle.current().pid() + "); stop that one first, or give this one its own storage.data-dir");
        }
        DataDirectoryLock.acquire(file, "hotline").close();
    }
}
