package org.drillconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.RunEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal on a real small filesystem (a 4 MB tmpfs) that fills up, and on one remounted read-only. Needs
 * mount rights (root, as on the build machines); skipped elsewhere, where the permission-based read-only
 * test in {@link JournalStoreTest} runs instead.
 */
class JournalDiskTest {

    @TempDir
    Path dir;
    Path disk;

    static boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor() == 0;
    }

    @BeforeEach
    void mountASmallDisk() throws Exception {
        disk = dir.resolve("disk");
        Files.createDirectories(disk);
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()),
                "cannot mount a tmpfs here");
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", disk.toString());
    }

    long recordRuns(JournalStore store, int count) throws JournalException {
        long id = 0;
        for (int i = 0; i < count; i++) {
            id = store.startRun(JournalStoreTest.RUN, "mode practice").id();
            store.append(id, new RunEvent.StepStarted("declare-outage", "Declare the outage"));
        }
        return id;
    }

    @Test
    void saysTheDiskIsFullAndKeepsWhatWasRecorded() throws Exception {
        Path data = disk.resolve("data");
        List<JournalEvent> before;
        long id;
        try (JournalStore store = JournalStore.openIn(data, Clock.systemUTC())) {
            id = recordRuns(store, 3);
            before = store.events(id);
            fill(disk.resolve("filler"));
            JournalException e = assertThrows(JournalException.class, () -> {
                for (int i = 0; i < 1000; i++) {
                    store.append(id, new RunEvent.Note(null, "x".repeat(20_000)));
                }
            });
            assertTrue(e.getMessage().contains("journal.mv.db"), e.getMessage());
            assertTrue(e.getMessage().contains("the disk holding the journal") && e.getMessage().contains("is full"),
                    e.getMessage());
        }
        Files.delete(disk.resolve("filler"));
        try (JournalStore store = JournalStore.openIn(data, Clock.systemUTC())) {
            assertEquals(3, store.runs().size(), "every run recorded before the disk filled is there");
            assertEquals(before, store.events(id).subList(0, before.size()));
            assertEquals(-1, EventChain.firstBroken(store.events(id)));
        }
    }

    @Test
    void saysTheDiskIsReadOnlyAndLeavesTheJournalIntact() throws Exception {
        Path data = disk.resolve("data");
        try (JournalStore store = JournalStore.openIn(data, Clock.systemUTC())) {
            recordRuns(store, 2);
        }
        byte[] file = Files.readAllBytes(data.resolve("journal.mv.db"));
        assertTrue(run("mount", "-o", "remount,ro", disk.toString()));
        JournalException e = assertThrows(JournalException.class, () -> JournalStore.openIn(data, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("read-only") && e.getMessage().contains(data.toString()), e.getMessage());
        assertTrue(java.util.Arrays.equals(file, Files.readAllBytes(data.resolve("journal.mv.db"))), "untouched");
    }

    /** Fills the filesystem to the last byte. */
    static void fill(Path filler) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // No space left on device: the disk is full, as intended
        }
    }
}
