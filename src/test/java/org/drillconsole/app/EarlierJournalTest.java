package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.drillconsole.model.Side;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.store.EventChain;
import org.drillconsole.store.EventCodec;
import org.drillconsole.store.JournalStore;
import org.drillconsole.support.PracticeClustersExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal written by the version before typed events (src/test/resources/journals/format1: a completed
 * practice run, and a practice pilot-light failover killed at the standby's scale-up confirmation, with the runbooks of that
 * version; both on that version's practice clusters): it opens, lists, reports, verifies, and its unfinished
 * run resumes.
 */
class EarlierJournalTest {

    static final Path EARLIER = Path.of("src/test/resources/journals/format1");

    @RegisterExtension
    final PracticeClustersExtension practice = new PracticeClustersExtension(Duration.ofMillis(300));

    @TempDir
    Path dataDir;

    @BeforeEach
    void copyTheJournal() throws Exception {
        Files.copy(EARLIER.resolve("journal.mv.db"), dataDir.resolve("journal.mv.db"));
    }

    @Test
    void opensListsAndReportsTheRunsOfAnEarlierVersion() throws Exception {
        CliRun history = CliRun.of("history", "--data-dir", dataDir.toString());
        assertEquals(0, history.code(), history.out() + history.err());
        assertTrue(history.out().contains("practice-scale-up") && history.out().contains("pilot-light-failover"),
                history.out());
        for (String format : List.of("html", "pdf", "md", "json", "junit")) {
            Path out = dataDir.resolve("run1." + format);
            CliRun report = CliRun.of("report", "1", "--format", format, "-o", out.toString(), "--data-dir",
                    dataDir.toString());
            assertEquals(0, report.code(), format + ": " + report.out() + report.err());
        }
        String markdown = Files.readString(dataDir.resolve("run1.md"));
        assertTrue(markdown.contains("standby-ready") && markdown.contains("waiting for"), markdown);
        CliRun verify = CliRun.of("report", "verify", dataDir.resolve("run1.json").toString());
        assertEquals(0, verify.code(), verify.out() + verify.err());
        assertTrue(verify.out().contains("90e74c2880ad4aa329a98dadca6472c348c604f4aba5f9a8d28c7c26aa927b3f"),
                "the same chain head as on the workstation that recorded it: " + verify.out());
        CliRun verifyOld = CliRun.of("report", "verify", EARLIER.resolve("old-run1.json").toString());
        assertEquals(0, verifyOld.code(), "a report the earlier version wrote still verifies: " + verifyOld.out()
                + verifyOld.err());
        try (JournalStore store = JournalStore.openIn(dataDir, Clock.systemUTC())) {
            List<RunEvent> events = store.events(1).stream().map(EventCodec::decode).toList();
            assertTrue(events.stream().noneMatch(RunEvent.Unknown.class::isInstance), events.toString());
            assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.StepFinished f && f.took() != null
                    && f.waitingFor() == RunEvent.WaitingFor.CLUSTER), "the old sentences are read as fields");
        }
    }

    @Test
    void resumesADrillAnEarlierVersionLeftUnfinished() throws Exception {
        Path runbook = Files.copy(EARLIER.resolve("pilot-light-failover.yaml"), dataDir.resolve("pilot-light-failover.yaml"));
        practice.clusters().controls().pointDns(Side.STANDBY);
        List<JournalEvent> before;
        try (JournalStore store = JournalStore.openIn(dataDir, Clock.systemUTC())) {
            before = store.events(2);
        }
        InputStream original = System.in;
        CliRun resumed;
        try {
            // scale-up, shift DNS (done), cleanup: DNS back (done), standby to zero, ws-manager back on the primary
            System.setIn(new ByteArrayInputStream("practice-standby\ndone\ndone\npractice-standby\npractice-primary\n"
                    .getBytes(StandardCharsets.UTF_8)));
            resumed = CliRun.of("run", runbook.toString(), "--primary",
                    practice.clusters().kubeconfig(Side.PRIMARY).toString(), "--standby",
                    practice.clusters().kubeconfig(Side.STANDBY).toString(), "--mode", "practice", "--resume",
                    "--operator", "sam", "--data-dir", dataDir.toString());
        } finally {
            System.setIn(original);
        }
        // Completed; within or over its 30m objective depends on how long ago the fixture was recorded.
        assertTrue(resumed.code() == 0 || resumed.code() == 1, resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("RESUMED"), resumed.out());
        try (JournalStore store = JournalStore.openIn(dataDir, Clock.systemUTC())) {
            RunRecord run = store.run(2).orElseThrow();
            assertEquals(RunStatus.COMPLETED, run.status());
            List<JournalEvent> after = store.events(2);
            assertEquals(before, after.subList(0, before.size()), "every earlier event is kept as it was");
            assertEquals(-1, EventChain.firstBroken(after), "one chain across both formats");
            assertTrue(run.summary().rpo() != null, "the RPO comes from the backup time the earlier version recorded");
            assertEquals(Boolean.TRUE, run.summary().cleanupDone());
        }
    }
}
