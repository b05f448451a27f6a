package org.drillconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 a JVM in the middle of writing, many times: every event it reported committed is there. */
class JournalCrashTest {

    @TempDir
    Path dir;

    @Test
    void losesNoCommittedEventWhenTheProcessIsKilled() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 6; round++) {
            Process writer = JournalWriterProcess.start("write", dir);
            long run = -1;
            int lastCommitted = 0;
            int killAfter = 20 + random.nextInt(200);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream()))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("run ")) {
                        run = Long.parseLong(line.substring(4));
                    } else if (line.startsWith("committed ")) {
                        lastCommitted = Integer.parseInt(line.substring(10));
                        if (lastCommitted >= killAfter) {
                            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no close
                            break;
                        }
                    }
                }
            }
            writer.waitFor();
            try (JournalStore store = JournalStore.openIn(dir, Clock.systemUTC())) {
                List<JournalEvent> events = store.events(run);
                assertTrue(events.size() >= lastCommitted, "round " + round + ": reported " + lastCommitted
                        + " committed, found " + events.size());
                assertEquals(-1, EventChain.firstBroken(events), "round " + round + ": chain intact");
                RunRecord record = store.unfinishedRun().orElseThrow();
                assertEquals(run, record.id(), "the killed run is offered for resuming");
                assertEquals(round + 1, run, "run numbers have no gaps after a kill");
            }
        }
    }
}
