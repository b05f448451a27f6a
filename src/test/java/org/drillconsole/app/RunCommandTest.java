package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The terminal drill runner end to end on the practice clusters, answered by the test. */
class RunCommandTest {

    @RegisterExtension
    final PracticeClustersExtension practice = new PracticeClustersExtension(Duration.ofMillis(300));

    @TempDir
    Path dataDir;

    CliRun run(String drill, String answers, String... extra) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)));
        try {
            List<String> args = new java.util.ArrayList<>(List.of("run", drill,
                    "--primary", practice.clusters().kubeconfig(Side.PRIMARY).toString(),
                    "--standby", practice.clusters().kubeconfig(Side.STANDBY).toString(),
                    "--mode", "practice", "--operator", "alex", "--data-dir", dataDir.toString(),
                    "--values", "drills/values/practice.yaml"));
            args.addAll(List.of(extra));
            return CliRun.of(args.toArray(String[]::new));
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void runsAPilotLightScaleUpAndJournalsItsRto() throws Exception {
        CliRun run = run("src/test/resources/drills/practice-scale-up.yaml",
                "done\npractice-standby\npractice-standby\n");
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("CLOCK_STOP WITHIN_OBJECTIVE"), run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d COMPLETED WITHIN_OBJECTIVE: completed in .*")),
                "the end is said once: " + run.out());
        try (JournalStore store = JournalStore.openIn(dataDir, Clock.systemUTC())) {
            RunRecord record = store.runs().get(0);
            assertEquals(RunStatus.COMPLETED, record.status());
            assertEquals("alex", record.run().operator());
            assertEquals("practice-standby", record.run().standbyContext());
            List<JournalEvent> events = store.events(record.id());
            assertEquals(-1, EventChain.firstBroken(events));
            assertTrue(events.stream().map(EventCodec::decode).anyMatch(e -> e instanceof RunEvent.ClockStopped stop
                    && stop.rto() != null));
            assertTrue(events.stream().noneMatch(e -> String.valueOf(e.detail()).contains("practice-cluster-token")),
                    "no credential in the journal");
        }
        assertTrue(practice.clusters().controls().components(Side.STANDBY).contains("server"));
    }

    @Test
    void failsOverToThePilotLightStandbyWithTheShippedRunbook() throws Exception {
        // What the operator does outside the console in this drill, done up front on the practice clusters.
        practice.clusters().controls().stopWorkspaces(Side.PRIMARY);
        practice.clusters().controls().pointDns(Side.STANDBY);
        CliRun run = run("drills/pilot-light-failover.yaml", String.join("\n",
                "5m ago",            // preflight: newest database backup, entered by the operator
                "done",              // declare the outage
                "practice-primary",  // confirm: ws-manager to 0 on the primary
                "practice-standby",  // confirm: scale the standby up
                "done",              // DNS shifted
                "done",              // cleanup: DNS back
                "practice-standby",  // cleanup: standby to zero
                "practice-primary",  // cleanup: ws-manager back
                ""));
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("gitpod.example.com/api/version answered HTTP 200"), run.out());
        assertTrue(run.out().contains("RPO WITHIN_OBJECTIVE: RPO 5m"), run.out());
        try (JournalStore store = JournalStore.openIn(dataDir, Clock.systemUTC())) {
            List<JournalEvent> events = store.events(store.runs().get(0).id());
            List<String> snapshots = events.stream().filter(e -> e.kind().equals("HEALTH_SNAPSHOT"))
                    .map(JournalEvent::outcome).toList();
            assertEquals(List.of("CLOCK_START", "CLOCK_STOP"), snapshots);
            RunEvent.HealthSnapshot atStop = events.stream().map(EventCodec::decode)
                    .filter(RunEvent.HealthSnapshot.class::isInstance).map(RunEvent.HealthSnapshot.class::cast)
                    .filter(h -> h.when() == RunEvent.ClockMark.CLOCK_STOP).findFirst().orElseThrow();
            assertEquals("HEALTHY", atStop.sides().stream().filter(h -> h.side().equals("standby")).findFirst()
                    .orElseThrow().verdict(), atStop.toString());
            assertTrue(events.stream().map(EventCodec::decode).anyMatch(e -> e instanceof RunEvent.WarningEvents w
                    && w.warnings().stream().anyMatch(x -> x.reason().equals("BackOff"))), "warning events copied in");
        }
        assertTrue(run.out().contains("CLOCK_STOP gitpod-serves WITHIN_OBJECTIVE") || run.out().contains("CLOCK_STOP WITHIN_OBJECTIVE"),
                run.out());
    }

    @Test
    void failsBackToThePrimaryWithTheShippedRunbook() {
        CliRun run = run("drills/failback.yaml", String.join("\n",
                "done",              // announce the window
                "practice-primary",  // confirm: primary to its recorded replicas
                "done",              // DNS back on the primary
                "practice-standby",  // cleanup: standby to zero
                ""));
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("resolves to 203.0.113.10 (203.0.113.10 wanted)"), run.out());
        assertTrue(run.out().contains("CLOCK_STOP"), run.out());
    }

    @Test
    void restoresIntoTheNewClusterWithTheShippedBackupAndRestoreRunbook() throws Exception {
        // The operator's work outside the console: the KOTS restore and the DNS change, on the practice clusters.
        practice.clusters().controls().restoreSnapshot(Side.STANDBY);
        practice.clusters().controls().pointDns(Side.STANDBY);
        CliRun run = run("drills/backup-restore.yaml", String.join("\n",
                "done",              // declare the outage
                "done",              // create the new cluster
                "done",              // cert-manager and node labels
                "done",              // restore the KOTS snapshot
                "done casey",        // approval: the incident commander
                "done",              // DNS shifted
                "done",              // cleanup: tear the drill cluster down
                ""));
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("check passed: newest backup"), run.out());
        assertTrue(run.out().contains("17/17 workloads rolled out"), run.out());
        assertTrue(run.out().contains("Job migrations succeeded"), run.out());
        assertTrue(run.out().contains("approved by casey"), run.out());
        assertTrue(run.out().contains("gitpod.example.com/api/version answered HTTP 200"), run.out());
        assertTrue(run.out().contains("CLOCK_STOP WITHIN_OBJECTIVE: RTO"), run.out());
    }

    @Test
    void refusesTheActionWhenTheWrongContextIsTypedAndAbortsOnRequest() throws Exception {
        CliRun run = run("src/test/resources/drills/practice-scale-up.yaml",
                "done\npractice-primary\n\nabort typed the wrong cluster\n");
        assertEquals(2, run.code(), run.out());
        // The other cluster's name is not taken: asked again; the empty line declines; then the run is stopped.
        assertTrue(run.out().contains("\"practice-primary\" is not the context name \"practice-standby\""), run.out());
        assertTrue(run.out().contains("not confirmed: declined by alex; nothing was changed"), run.out());
        try (JournalStore store = JournalStore.openIn(dataDir, Clock.systemUTC())) {
            assertEquals(RunStatus.ABORTED, store.runs().get(0).status());
        }
    }

    @Test
    void runsTheShippedStandbyReadinessCheck() {
        CliRun run = run("drills/standby-readiness.yaml", "");
        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals(5, run.out().lines().filter(l -> l.contains("check passed")).count(), run.out());
    }

    @Test
    void abortsWhenStandardInputCloses() {
        CliRun run = run("src/test/resources/drills/practice-scale-up.yaml", "");
        assertEquals(2, run.code(), run.out());
        assertTrue(run.out().contains("standard input closed"), run.out());
    }

    @Test
    void refusesAnInvalidRunbookAsAUsageErrorAndJournalsNothing() throws Exception {
        Path bad = java.nio.file.Files.writeString(dataDir.resolve("bad.yaml"), "apiVersion: v0\n");
        CliRun run = run(bad.toString(), "");
        assertEquals(Cli.USAGE, run.code());
        assertTrue(run.err().contains("bad.yaml:1:13 apiVersion: must be drills.gitpod-dr/v1"), run.err());
        assertFalse(java.nio.file.Files.exists(dataDir.resolve("journal.mv.db")), "nothing journaled");
    }

    @Test
    void refusesAParameterWithoutAValidValueBeforeAnythingRuns() throws Exception {
        CliRun run = run("drills/pilot-light-failover.yaml", "", "--set", "domain=https://gitpod.acme.test");
        assertEquals(Cli.USAGE, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("the value of domain given in --set \"https://gitpod.acme.test\" is not a host name"), run.err());
        assertFalse(java.nio.file.Files.exists(dataDir.resolve("journal.mv.db")), "nothing journaled");
    }
}
