package org.drillconsole.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drillconsole.model.BackupPoint;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.Side;
import org.drillconsole.model.Verdict;
import org.drillconsole.ui.cluster.ClusterPaneViewModel.BackupStanding;
import org.junit.jupiter.api.Test;

/** The pane's backup line, without a running toolkit. */
class ClusterPaneViewModelTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    static ClusterSnapshot online(BackupPoint newest) {
        return new ClusterSnapshot(Side.PRIMARY, "ctx", "https://k", "gitpod", ConnectionState.ONLINE, "ready",
                Verdict.HEALTHY, List.of("all healthy"), 5, "v1.32.4", NOW, true, true, List.of(), List.of(),
                List.of(), List.of(), "203.0.113.10", 0, List.of(), NOW, List.of(), newest);
    }

    @Test
    void theNewestBackupIsJudgedAgainstTheChosenRunbooksRpo() {
        ClusterPaneViewModel pane = new ClusterPaneViewModel(Side.PRIMARY);
        pane.apply(online(new BackupPoint("Velero Backup velero/nightly", NOW.minusSeconds(13 * 60))));
        assertEquals(BackupStanding.NO_OBJECTIVE, pane.backupStandingProperty().get());
        assertTrue(pane.backupProperty().get().startsWith("newest 13m 00s ago (Velero Backup velero/nightly)"),
                pane.backupProperty().get());
        pane.setRpoObjective(Duration.ofMinutes(15));
        assertEquals(BackupStanding.NEAR, pane.backupStandingProperty().get());
        assertTrue(pane.backupProperty().get().endsWith("nearing the RPO of 15m 00s"), pane.backupProperty().get());
        pane.setRpoObjective(Duration.ofMinutes(10));
        assertEquals(BackupStanding.PAST, pane.backupStandingProperty().get());
        pane.setRpoObjective(Duration.ofHours(1));
        assertEquals(BackupStanding.WITHIN, pane.backupStandingProperty().get());
    }

    @Test
    void aPaneKnowsWhetherItsObjectsWereReadSoThatNoProblemsIsNotSaidOfAClusterNeverRead() {
        ClusterPaneViewModel pane = new ClusterPaneViewModel(Side.PRIMARY);
        assertEquals(false, pane.objectsKnownProperty().get());
        ClusterSnapshot misconfigured = new ClusterSnapshot(Side.PRIMARY, "", "", "gitpod",
                ConnectionState.MISCONFIGURED, "exec plugin failed", Verdict.UNKNOWN, List.of("exec plugin failed"), -1,
                "", null, false, false, List.of(), List.of(), List.of(), List.of(), "", 0, List.of(), NOW, List.of(),
                null);
        pane.apply(misconfigured);
        assertEquals(false, pane.objectsKnownProperty().get());
        pane.apply(online(null));
        assertEquals(true, pane.objectsKnownProperty().get());
    }

    @Test
    void noBackupInSightIsSaidPlainly() {
        ClusterPaneViewModel pane = new ClusterPaneViewModel(Side.STANDBY);
        pane.apply(online(null));
        assertEquals(BackupStanding.NONE, pane.backupStandingProperty().get());
        assertTrue(pane.backupProperty().get().startsWith("none in sight"), pane.backupProperty().get());
    }

    @Test
    void jobsInTroubleComeFirstAndTimesReadAsAges() {
        var migrations = new org.drillconsole.model.BatchWork(org.drillconsole.model.BatchWork.Kind.JOB, "migrations",
                org.drillconsole.model.BatchWork.Status.FAILED, "failed (BackoffLimitExceeded)", NOW, null);
        var telemetry = new org.drillconsole.model.BatchWork(org.drillconsole.model.BatchWork.Kind.CRONJOB,
                "gitpod-telemetry", org.drillconsole.model.BatchWork.Status.SCHEDULED, "schedule @daily",
                NOW.minusSeconds(7200), NOW.minusSeconds(7190));
        assertEquals("migrations ⚠ failed (BackoffLimitExceeded) · gitpod-telemetry schedule @daily, last success"
                + " 1h 59m 50s ago", ClusterPaneViewModel.jobsText(List.of(telemetry, migrations), NOW));
    }

    @Test
    void thousandsOfPodsInTroubleShowTheFirstFiftyAndACountOfTheRest() {
        List<org.drillconsole.model.PodTrouble> pods = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            pods.add(new org.drillconsole.model.PodTrouble("ws-" + i, "workspace", "CrashLoopBackOff", 3,
                    "CrashLoopBackOff, 3 restarts"));
        }
        ClusterSnapshot s = online(null);
        ClusterSnapshot troubled = new ClusterSnapshot(s.side(), s.context(), s.server(), s.namespace(), s.state(),
                s.stateMessage(), Verdict.DEGRADED, s.reasons(), s.apiLatencyMs(), s.serverVersion(), s.lastContact(),
                true, true, List.of(), List.of(), pods, List.of(), s.proxyAddress(), 0, List.of(), NOW, List.of(), null);
        List<String> lines = ClusterPaneViewModel.problemLines(troubled);
        assertEquals(ClusterPaneViewModel.MAX_LINES_PER_KIND + 1, lines.size());
        assertEquals("pod ws-0: CrashLoopBackOff, 3 restarts", lines.get(0));
        assertEquals("… and 19950 more pods in trouble (health --json lists them all)", lines.get(lines.size() - 1));
    }

    @Test
    void theGitpodUrlLineSaysServingWithStatusAndLatencyOrWhyNot() {
        ClusterPaneViewModel pane = new ClusterPaneViewModel(Side.PRIMARY);
        assertEquals("", pane.gitpodProperty().get(), "no line without a URL");
        String url = "https://gitpod.example.com/api/version";
        pane.setGitpodAnswer(new org.drillconsole.model.GitpodAnswer(url, 200, 45, null, NOW));
        assertEquals(url + " · serving, HTTP 200 in 45 ms", pane.gitpodProperty().get());
        assertEquals(ClusterPaneViewModel.GitpodStanding.SERVING, pane.gitpodStandingProperty().get());
        pane.setGitpodAnswer(new org.drillconsole.model.GitpodAnswer(url, 503, 12, null, NOW));
        assertEquals(url + " · not serving, HTTP 503 in 12 ms", pane.gitpodProperty().get());
        assertEquals(ClusterPaneViewModel.GitpodStanding.NOT_SERVING, pane.gitpodStandingProperty().get());
        pane.setGitpodAnswer(new org.drillconsole.model.GitpodAnswer(url, -1, -1, "connection refused", NOW));
        assertEquals(url + " · no answer: connection refused", pane.gitpodProperty().get());
        assertEquals(ClusterPaneViewModel.GitpodStanding.NO_ANSWER, pane.gitpodStandingProperty().get());
        pane.setGitpodUrlRefused("https://oncall:hunter2@gitpod.example.com", "must not carry a user name or password");
        assertEquals("https://***@gitpod.example.com · not probed: the Gitpod URL in the settings must not carry a "
                + "user name or password (File > Connect to clusters…)", pane.gitpodProperty().get());
        assertEquals(ClusterPaneViewModel.GitpodStanding.NOT_A_URL, pane.gitpodStandingProperty().get());
    }
}
