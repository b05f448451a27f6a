package org.drillconsole.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A file a person named is read only when it is a file of a sensible size, and otherwise said why in words. */
class NamedFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsAFileUpToItsLimit() throws Exception {
        Path file = Files.write(dir.resolve("values.yaml"), new byte[100]);
        assertArrayEquals(new byte[100], NamedFiles.read(file, "values file", 100));
    }

    @Test
    void aFileOverItsLimitIsTooLargeWithTheLimitInWords() throws Exception {
        Path file = Files.write(dir.resolve("big.yaml"), new byte[2 * 1024 * 1024 + 1]);
        var e = assertThrows(NamedFiles.TooLarge.class, () -> NamedFiles.read(file, "runbook file", 2 * 1024 * 1024));
        assertEquals("is more than the 2 MiB a runbook file may have", e.getMessage());
    }

    @Test
    void aMissingFileAndAFolderAreSaidSo() {
        assertEquals("not found", assertThrows(NamedFiles.Unreadable.class,
                () -> NamedFiles.read(dir.resolve("none.yaml"), "values file", 10)).getMessage());
        assertEquals("is a folder, not a values file", assertThrows(NamedFiles.Unreadable.class,
                () -> NamedFiles.read(dir, "values file", 10)).getMessage());
    }

    /** /dev/zero never ends: read whole, it filled the memory and ended the console with an OutOfMemoryError. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aDeviceIsRefusedWithoutReadingIt() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
        var e = assertThrows(NamedFiles.Unreadable.class, () -> NamedFiles.read(Path.of("/dev/zero"), "kubeconfig",
                Integer.MAX_VALUE - 16));
        assertEquals("is not a regular file (a device, a pipe or a socket), not a kubeconfig", e.getMessage());
    }

    /** A named pipe would block the reader until something writes to it: the window's thread, or a run. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aNamedPipeIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException noMkfifo) {
            assumeTrue(false, "mkfifo is not installed");
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        var e = assertThrows(NamedFiles.Unreadable.class, () -> NamedFiles.read(fifo, "runbook file", 1024));
        assertInstanceOf(NamedFiles.Unreadable.class, e);
        assertEquals("is not a regular file (a device, a pipe or a socket), not a runbook file", e.getMessage());
    }
}
