package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.Side;
import org.drillconsole.model.Verdict;
import org.drillconsole.support.LoopbackWeb;
import org.drillconsole.support.PracticeClustersExtension;
import org.drillconsole.support.SnapshotRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cluster layer against the practice clusters: real HTTP API servers that can be stopped and hung. */
class ClusterMonitorTest {

    /** Fresh clusters per test: fabric8's mock server can stall for a while after watches are cut. */
    @RegisterExtension
    final PracticeClustersExtension practice = new PracticeClustersExtension(Duration.ofMillis(300));
    final SnapshotRecorder primary = new SnapshotRecorder();
    final SnapshotRecorder standby = new SnapshotRecorder();
    ClusterPair pair;

    @AfterEach
    void closePair() {
        if (pair != null) {
            pair.close();
        }
    }

    void open(String namespace) {
        open(practice.clusters().kubeconfig(Side.PRIMARY), namespace);
    }

    void openWithPrimary(Path primaryKubeconfig) {
        open(primaryKubeconfig, "gitpod");
    }

    private void open(Path primaryKubeconfig, String namespace) {
        pair = ClusterPair.open(new ClusterPair.Source(primaryKubeconfig, null),
                new ClusterPair.Source(practice.clusters().kubeconfig(Side.STANDBY), null), namespace,
                s -> (s.side() == Side.PRIMARY ? primary : standby).accept(s), Clock.systemUTC());
    }

    /**
     * A primary whose exec plugin waits (for a login, say) does not keep the standby's pane empty: each side's
     * monitor starts as soon as its own kubeconfig is loaded (the standby waited for the primary's plugin).
     */
    @Test
    void aPrimaryWhoseExecPluginWaitsDoesNotHoldTheStandbyUp() throws Exception {
        Path go = practice.dir().resolve("login-done");
        Path plugin = practice.dir().resolve("slow-login");
        Files.writeString(plugin, """
                #!/bin/sh
                while [ ! -e %s ]; do sleep 0.05; done
                echo '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"practice-cluster-token"}}'
                """.formatted(go));
        plugin.toFile().setExecutable(true);
        Path kubeconfig = Files.writeString(practice.dir().resolve("exec-primary.kubeconfig"),
                Files.readString(practice.clusters().kubeconfig(Side.PRIMARY)).replaceAll("token: .*", """
                exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: %s""".formatted(plugin)));
        Thread opening = new Thread(() -> openWithPrimary(kubeconfig), "open-pair");
        opening.start();
        try {
            standby.await(s -> s.objectsKnown() && s.verdict() == Verdict.IDLE, Duration.ofSeconds(8));
            assertEquals(null, primary.latest(), "the primary's plugin has not answered yet");
        } finally {
            Files.writeString(go, "");
            opening.join(20_000);
        }
        primary.await(s -> s.verdict() == Verdict.HEALTHY, Duration.ofSeconds(15));
    }

    /**
     * A window that connects to other clusters closes its monitors: nothing of them may stay reachable. On
     * Java 17 each closed monitor used to stay for good, with its clients and informers: the watches'
     * WebSockets never learnt their end (their client's pool was stopped before the server's close came back)
     * and fabric8's ping kept them (StoppingJdkHttpClientFactory).
     */
    @Test
    void aClosedPairLeavesNoMonitorClientOrInformerReachable() throws Exception {
        open("gitpod");
        primary.await(s -> s.verdict() == Verdict.HEALTHY, Duration.ofSeconds(15));
        standby.await(s -> s.verdict() == Verdict.IDLE, Duration.ofSeconds(15));
        java.lang.ref.WeakReference<ClusterMonitor> primaryMonitor = new java.lang.ref.WeakReference<>(
                pair.monitor(Side.PRIMARY));
        java.lang.ref.WeakReference<ClusterMonitor> standbyMonitor = new java.lang.ref.WeakReference<>(
                pair.monitor(Side.STANDBY));
        pair.close();
        pair = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((primaryMonitor.get() != null || standbyMonitor.get() != null) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(100);
        }
        assertEquals(null, primaryMonitor.get(), "the primary's monitor is still reachable 20 s after its close");
        assertEquals(null, standbyMonitor.get(), "the standby's monitor is still reachable 20 s after its close");
    }

    @Test
    void showsAStoppedApiServerAsUnreachableWithinSixSecondsWhileTheOtherStaysOnline() throws Exception {
        open("gitpod");
        primary.await(s -> s.verdict() == Verdict.HEALTHY, Duration.ofSeconds(15));
        standby.await(s -> s.verdict() == Verdict.IDLE, Duration.ofSeconds(15));
        practice.clusters().controls().stop(Side.PRIMARY);
        long started = System.nanoTime();
        ClusterSnapshot down = primary.await(s -> s.state() == ConnectionState.UNREACHABLE, Duration.ofSeconds(6));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Verdict.DOWN, down.verdict());
        assertTrue(down.stateMessage().contains("refused"), down.stateMessage());
        assertTrue(down.objectsKnown(), "the last known objects stay on screen");
        assertTrue(tookMs < 6000);
        assertEquals(ConnectionState.ONLINE, pair.monitor(Side.STANDBY).snapshot().state());

        practice.clusters().controls().start(Side.PRIMARY);
        primary.await(s -> s.state() == ConnectionState.ONLINE && s.verdict() == Verdict.HEALTHY, Duration.ofSeconds(15));
    }

    @Test
    void showsAHungApiServerAsUnreachableWithinSixSeconds() throws Exception {
        open("gitpod");
        standby.await(s -> s.verdict() == Verdict.IDLE, Duration.ofSeconds(15));
        practice.clusters().controls().hang(Side.STANDBY);
        ClusterSnapshot hung = standby.await(s -> s.state() == ConnectionState.UNREACHABLE, Duration.ofSeconds(6));
        assertTrue(hung.stateMessage().contains("no answer"), hung.stateMessage());
        assertNotEquals(ConnectionState.UNREACHABLE, pair.monitor(Side.PRIMARY).snapshot().state());

        practice.clusters().controls().start(Side.STANDBY);
        standby.await(s -> s.state() == ConnectionState.ONLINE, Duration.ofSeconds(10));
    }

    @Test
    void seesACrashLoopAndItsRecovery() throws Exception {
        open("gitpod");
        primary.await(s -> s.verdict() == Verdict.HEALTHY, Duration.ofSeconds(15));
        practice.clusters().controls().crash(Side.PRIMARY, "ws-manager", true);
        ClusterSnapshot crashing = primary.await(s -> s.troubledPods().stream()
                .anyMatch(p -> p.reason().equals("CrashLoopBackOff")), Duration.ofSeconds(10));
        ClusterSnapshot down = primary.await(s -> s.verdict() == Verdict.DOWN, Duration.ofSeconds(10));
        assertTrue(down.reasons().get(0).startsWith("Gitpod cannot serve: no available replica of ws-manager"),
                down.reasons().toString());
        assertTrue(crashing.troubledPods().stream().allMatch(p -> p.component().equals("ws-manager")));
        practice.clusters().controls().crash(Side.PRIMARY, "ws-manager", false);
        primary.await(s -> s.verdict() == Verdict.HEALTHY, Duration.ofSeconds(10));
    }

    @Test
    void aProxyThatLosesItsExternalAddressMakesTheClusterDown() throws Exception {
        open("gitpod");
        primary.await(s -> s.verdict() == Verdict.HEALTHY, Duration.ofSeconds(15));
        assertTrue(practice.clusters().controls().execute("proxy-address primary off").contains("lost"));
        ClusterSnapshot down = primary.await(s -> s.verdict() == Verdict.DOWN, Duration.ofSeconds(10));
        assertEquals("", down.proxyAddress());
        assertTrue(down.reasons().get(0).startsWith("no external address"), down.reasons().toString());
        practice.clusters().controls().execute("proxy-address primary on");
        ClusterSnapshot back = primary.await(s -> s.verdict() == Verdict.HEALTHY, Duration.ofSeconds(10));
        assertEquals("203.0.113.10", back.proxyAddress());
    }

    @Test
    void credentialsThatMayNotListNodesOrJobsGetAVerdictWithoutThem() throws Exception {
        openWithPrimary(practice.primaryKubeconfigRefusing("namespace-only", "nodes", "jobs", "cronjobs"));
        ClusterSnapshot judged = primary.await(ClusterSnapshot::objectsKnown, Duration.ofSeconds(15));
        assertEquals(Verdict.HEALTHY, judged.verdict(), judged.reasons().toString());
        assertTrue(judged.nodes().isEmpty() && judged.batch().isEmpty(), "not visible, not waited for");
        assertEquals(2, standby.await(ClusterSnapshot::objectsKnown, Duration.ofSeconds(15)).nodes().size(),
                "the other side's credentials see its nodes");
    }

    @Test
    void judgesOnlyOnceEveryListHasArrived() throws Exception {
        open("gitpod");
        ClusterSnapshot first = primary.await(ClusterSnapshot::objectsKnown, Duration.ofSeconds(15));
        assertTrue(first.batch().stream().anyMatch(b -> b.name().equals("migrations")), first.batch().toString());
        assertEquals(5, first.nodes().size());
    }

    @Test
    void aFailedMigrationJobIsShownAndDegradesTheVerdict() throws Exception {
        open("gitpod");
        ClusterSnapshot healthy = primary.await(s -> s.verdict() == Verdict.HEALTHY, Duration.ofSeconds(15));
        assertTrue(healthy.batch().stream().anyMatch(b -> b.name().equals("migrations")
                && b.status() == org.drillconsole.model.BatchWork.Status.SUCCEEDED), healthy.batch().toString());
        assertTrue(healthy.batch().stream().anyMatch(b -> b.name().equals("gitpod-telemetry")));
        practice.clusters().controls().execute("migrations primary fail");
        ClusterSnapshot failed = primary.await(s -> s.verdict() == Verdict.DEGRADED, Duration.ofSeconds(10));
        assertTrue(failed.reasons().get(0).startsWith("migrations Job failed"), failed.reasons().toString());
        practice.clusters().controls().execute("migrations primary rerun");
        primary.await(s -> s.verdict() == Verdict.HEALTHY, Duration.ofSeconds(10));
    }

    @Test
    void seesTheNewestBackupAndHowOldItIs() throws Exception {
        open("gitpod");
        ClusterSnapshot seen = primary.await(s -> s.newestBackup() != null, Duration.ofSeconds(15));
        assertEquals("Velero Backup velero/gitpod-nightly", seen.newestBackup().source());
        practice.clusters().controls().execute("backup-age primary 120");
        ClusterSnapshot old = primary.await(s -> s.newestBackup() != null
                && s.newestBackup().ageAt(s.observedAt()).toMinutes() >= 119, Duration.ofSeconds(20));
        assertTrue(old.newestBackup().ageAt(old.observedAt()).toMinutes() < 125);
        practice.clusters().controls().execute("backup-age primary 10");
    }

    @Test
    void seesACordonedNode() throws Exception {
        open("gitpod");
        primary.await(s -> s.verdict() == Verdict.HEALTHY, Duration.ofSeconds(15));
        practice.clusters().controls().cordon(Side.PRIMARY, "primary-node-1", true);
        primary.await(s -> s.nodeSummary().cordoned() == 1, Duration.ofSeconds(5));
        practice.clusters().controls().cordon(Side.PRIMARY, "primary-node-1", false);
        primary.await(s -> s.nodeSummary().cordoned() == 0, Duration.ofSeconds(5));
    }

    @Test
    void reportsANamespaceThatDoesNotExist() throws Exception {
        open("gitpod-typo");
        ClusterSnapshot snapshot = primary.await(s -> s.objectsKnown(), Duration.ofSeconds(15));
        assertEquals(Verdict.DOWN, snapshot.verdict());
        assertTrue(snapshot.reasons().get(0).contains("namespace does not exist"), snapshot.reasons().toString());
    }

    @Test
    void credentialsThatMayNotReadTheNamespaceItselfGetAVerdictFromWhatIsInIt() throws Exception {
        openWithPrimary(practice.primaryKubeconfigRefusing("no-namespaces", "namespaces"));
        ClusterSnapshot first = primary.await(ClusterSnapshot::objectsKnown, Duration.ofSeconds(15));
        assertEquals(Verdict.HEALTHY, first.verdict(), "the first verdict: " + first.reasons());
    }

    /** A settings file edited by hand: both sides say what is wrong with the namespace; nothing is sent. */
    @Test
    void aNamespaceThatIsNotANamespaceNameMakesBothSidesMisconfiguredInWords() throws Exception {
        open(practice.clusters().kubeconfig(Side.PRIMARY), "Gitpod Prod");
        for (SnapshotRecorder side : List.of(primary, standby)) {
            ClusterSnapshot snapshot = side.await(s -> s.state() != ConnectionState.CONNECTING, Duration.ofSeconds(10));
            assertEquals(ConnectionState.MISCONFIGURED, snapshot.state(), snapshot.stateMessage());
            assertTrue(snapshot.stateMessage().startsWith("the Gitpod namespace \"Gitpod Prod\" is not a namespace name"),
                    snapshot.stateMessage());
        }
    }

    @Test
    void reportsAFailingExecPluginWithoutTakingTheOtherSideDown() throws Exception {
        String text = Files.readString(practice.clusters().kubeconfig(Side.PRIMARY)).replace("    token: practice-cluster-token",
                "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: /bin/false");
        Path broken = Files.writeString(practice.dir().resolve("exec-fails.kubeconfig"), text);
        pair = ClusterPair.open(new ClusterPair.Source(broken, null),
                new ClusterPair.Source(practice.clusters().kubeconfig(Side.STANDBY), null), "gitpod",
                s -> (s.side() == Side.PRIMARY ? primary : standby).accept(s), Clock.systemUTC());
        ClusterSnapshot snapshot = primary.await(s -> s.state() != ConnectionState.CONNECTING, Duration.ofSeconds(10));
        assertEquals(ConnectionState.MISCONFIGURED, snapshot.state(), snapshot.stateMessage());
        assertTrue(snapshot.stateMessage().contains("/bin/false"), snapshot.stateMessage());
        standby.await(s -> s.verdict() == Verdict.IDLE, Duration.ofSeconds(15));
    }

    @Test
    void aWebPageWhereTheApiServerShouldBeIsSaidInsteadOfWaitingForListsForEver() throws Exception {
        try (LoopbackWeb web = LoopbackWeb.page("<html><body><h1>Sign in</h1></body></html>")) {
            openWithPrimary(practice.primaryKubeconfigPointingAt(web.url(""), "web-page.kubeconfig"));
            ClusterSnapshot snapshot = primary.await(s -> s.reasons().stream().anyMatch(r -> r.contains("listed")),
                    Duration.ofSeconds(10));
            assertEquals(Verdict.UNKNOWN, snapshot.verdict());
            assertEquals(List.of("API server answers, but the objects could not be listed: the server answered, but "
                    + "not with a Kubernetes list (a web page or a proxy's? is this a Kubernetes API server?); trying "
                    + "again"), snapshot.reasons());
            standby.await(s -> s.verdict() == Verdict.IDLE, Duration.ofSeconds(15));
        }
    }

    @Test
    void aWebServerThatKnowsNoneOfTheApisPathsIsSaidInTheUsersWords() throws Exception {
        try (LoopbackWeb web = LoopbackWeb.answering(java.util.Map.of("/readyz", 200))) {
            openWithPrimary(practice.primaryKubeconfigPointingAt(web.url(""), "not-kubernetes.kubeconfig"));
            ClusterSnapshot snapshot = primary.await(s -> s.reasons().stream().anyMatch(r -> r.contains("listed")),
                    Duration.ofSeconds(10));
            assertEquals(List.of("API server answers, but the objects could not be listed: HTTP 404 Not Found (is "
                    + "this a Kubernetes API server?); trying again"), snapshot.reasons());
        }
    }
}
