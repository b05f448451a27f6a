package org.drillconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.drillconsole.cluster.ClusterMonitor;
import org.drillconsole.cluster.KubeconfigLoader;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ComponentStatus;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.Side;
import org.drillconsole.model.Verdict;
import org.drillconsole.support.Await;
import org.drillconsole.support.PracticeClustersExtension;
import org.drillconsole.support.SnapshotRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PracticeClustersTest {

    @RegisterExtension
    static final PracticeClustersExtension practice = new PracticeClustersExtension(Duration.ofMillis(700));

    private ClusterMonitor monitor(Side side, SnapshotRecorder recorder) throws Exception {
        ClusterMonitor monitor = new ClusterMonitor(KubeconfigLoader.load(side, practice.clusters().kubeconfig(side), null),
                "gitpod", recorder, Clock.systemUTC());
        monitor.start();
        return monitor;
    }

    @Test
    void primaryIsHealthyWithEveryReferenceComponentOnLabelledNodes() throws Exception {
        SnapshotRecorder recorder = new SnapshotRecorder();
        try (ClusterMonitor ignored = monitor(Side.PRIMARY, recorder)) {
            ClusterSnapshot snapshot = recorder.await(s -> s.verdict() == Verdict.HEALTHY, Duration.ofSeconds(15));
            assertEquals(ConnectionState.ONLINE, snapshot.state());
            assertEquals(5, snapshot.nodeSummary().ready());
            assertEquals(0, snapshot.nodeSummary().missingGitpodLabels());
            assertTrue(snapshot.components().stream().filter(c -> c.name().equals("server")).allMatch(
                    c -> c.status() == ComponentStatus.HEALTHY && c.ready() == 2 && c.desired() == 2));
            assertEquals("203.0.113.10", snapshot.proxyAddress());
            assertTrue(snapshot.apiLatencyMs() >= 0);
        }
    }

    @Test
    void aPodWithNoSchedulableNodeWaitsAndRunsOnceANodeIsUncordoned() throws Exception {
        PracticeControls controls = practice.clusters().controls();
        List<String> nodes = controls.nodes(Side.STANDBY);
        nodes.forEach(node -> controls.cordon(Side.STANDBY, node, true));
        SnapshotRecorder recorder = new SnapshotRecorder();
        try (ClusterMonitor ignored = monitor(Side.STANDBY, recorder)) {
            controls.scale(Side.STANDBY, "ide-metrics", 1);
            var store = practice.clusters().cluster(Side.STANDBY).store();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (pendingWithoutNode(store) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, pendingWithoutNode(store), "no node takes it while every node is cordoned");
            controls.cordon(Side.STANDBY, nodes.get(0), false);
            recorder.await(s -> s.components().stream().anyMatch(c -> c.name().equals("ide-metrics")
                    && c.status() == ComponentStatus.HEALTHY && c.ready() == 1), Duration.ofSeconds(10));
            assertEquals(0, pendingWithoutNode(store));
        } finally {
            nodes.forEach(node -> controls.cordon(Side.STANDBY, node, false));
            controls.scale(Side.STANDBY, "ide-metrics", 0);
        }
    }

    @Test
    void daemonSetsFollowTheNodesLabelsAndKeepTheirPodsThroughStatusChanges() throws Exception {
        var admin = practice.clusters().cluster(Side.PRIMARY).adminClient();
        var store = practice.clusters().cluster(Side.PRIMARY).store();
        String label = org.drillconsole.cluster.GitpodReference.NODE_LABELS.get(0);
        java.util.Set<String> before = daemonPods(store, "ws-daemon");
        assertEquals(5, before.size(), before.toString());
        try {
            admin.nodes().withName("primary-node-2").editStatus(n -> {
                n.getStatus().getConditions().stream().filter(c -> c.getType().equals("Ready"))
                        .forEach(c -> c.setStatus("False"));
                return n;
            });
            admin.nodes().withName("primary-node-1").edit(n -> new io.fabric8.kubernetes.api.model.NodeBuilder(n)
                    .editMetadata().removeFromLabels(label).endMetadata().build());
            Await.until(() -> daemonPods(store, "ws-daemon").size() == 4, "the unlabelled node's pod is removed");
            assertTrue(before.containsAll(daemonPods(store, "ws-daemon")), "the other nodes keep their pods");
            // the controller writes the DaemonSet's status after it has removed the pod, as Kubernetes' does
            Await.until(() -> store.get(org.drillconsole.sandbox.api.ApiResources.DAEMON_SETS, "gitpod", "ws-daemon")
                    .path("status").path("desiredNumberScheduled").asInt() == 4, "the status counts four nodes");
            admin.nodes().withName("primary-node-1").edit(n -> new io.fabric8.kubernetes.api.model.NodeBuilder(n)
                    .editMetadata().addToLabels(label, "true").endMetadata().build());
            Await.until(() -> daemonPods(store, "ws-daemon").size() == 5, "the labelled node gets a pod again");
        } finally {
            admin.nodes().withName("primary-node-2").editStatus(n -> {
                n.getStatus().getConditions().stream().filter(c -> c.getType().equals("Ready"))
                        .forEach(c -> c.setStatus("True"));
                return n;
            });
            admin.nodes().withName("primary-node-1").edit(n -> new io.fabric8.kubernetes.api.model.NodeBuilder(n)
                    .editMetadata().addToLabels(label, "true").endMetadata().build());
        }
    }

    /** The names of a DaemonSet's pods that are not being deleted, one per node. */
    private static java.util.Set<String> daemonPods(org.drillconsole.sandbox.api.ObjectStore store, String name) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (var pod : store.list(org.drillconsole.sandbox.api.ApiResources.PODS, "gitpod")) {
            if (pod.path("metadata").path("name").asText().startsWith(name + "-")
                    && !pod.path("metadata").has("deletionTimestamp")) {
                names.add(pod.path("metadata").path("name").asText());
            }
        }
        return names;
    }

    private static long pendingWithoutNode(org.drillconsole.sandbox.api.ObjectStore store) {
        return store.list(org.drillconsole.sandbox.api.ApiResources.PODS, "gitpod").stream()
                .filter(p -> p.path("metadata").path("labels").path("component").asText().equals("ide-metrics"))
                .filter(p -> !p.path("spec").has("nodeName")).count();
    }

    @Test
    void standbyIsAPilotLightThatScalesUpThroughProgressingToHealthy() throws Exception {
        SnapshotRecorder recorder = new SnapshotRecorder();
        try (ClusterMonitor ignored = monitor(Side.STANDBY, recorder)) {
            ClusterSnapshot idle = recorder.await(s -> s.verdict() == Verdict.IDLE, Duration.ofSeconds(15));
            assertEquals(2, idle.nodeSummary().total());
            practice.clusters().controls().scale(Side.STANDBY, "dashboard", 2);
            recorder.await(s -> s.components().stream().anyMatch(
                    c -> c.name().equals("dashboard") && c.status() == ComponentStatus.PROGRESSING), Duration.ofSeconds(5));
            recorder.await(s -> s.components().stream().anyMatch(c -> c.name().equals("dashboard")
                    && c.status() == ComponentStatus.HEALTHY && c.ready() == 2), Duration.ofSeconds(10));
            practice.clusters().controls().scale(Side.STANDBY, "dashboard", 0);
            recorder.await(s -> s.verdict() == Verdict.IDLE, Duration.ofSeconds(10));
        }
    }

    @Test
    void answersServerSideDryRunsWithoutChangingAnything() throws Exception {
        var client = practice.clusters().cluster(Side.STANDBY).adminClient();
        var merge = io.fabric8.kubernetes.client.dsl.base.PatchContext.of(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE);
        var server = client.apps().deployments().inNamespace("gitpod").withName("server");

        int before = server.get().getSpec().getReplicas();
        var wouldBe = server.dryRun().patch(merge, "{\"spec\":{\"replicas\":7}}");
        assertEquals(7, wouldBe.getSpec().getReplicas(), "answered as if done");
        assertEquals(before, server.get().getSpec().getReplicas(), "and nothing changed");

        server.dryRun().delete();
        assertTrue(server.get() != null, "a dry-run delete deletes nothing");

        var missing = client.apps().deployments().inNamespace("gitpod").withName("no-such-thing");
        var notFound = org.junit.jupiter.api.Assertions.assertThrows(
                io.fabric8.kubernetes.client.KubernetesClientException.class,
                () -> missing.dryRun().patch(merge, "{\"spec\":{\"replicas\":1}}"));
        assertEquals(404, notFound.getCode());

        var copy = new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder(server.get()).editMetadata()
                .withResourceVersion(null).endMetadata().build();
        var exists = org.junit.jupiter.api.Assertions.assertThrows(
                io.fabric8.kubernetes.client.KubernetesClientException.class,
                () -> client.apps().deployments().inNamespace("gitpod").resource(copy).dryRun().create());
        assertEquals(409, exists.getCode());

        server.patch(merge, "{\"spec\":{\"replicas\":7}}");
        assertEquals(7, server.get().getSpec().getReplicas(), "without dryRun the change is made");
        server.patch(merge, "{\"spec\":{\"replicas\":" + before + "}}");
    }

    @Test
    void everyFaultCommandOnStandardInputDoesWhatItsHelpSays() throws Exception {
        PracticeControls controls = practice.clusters().controls();
        var store = practice.clusters().cluster(Side.STANDBY).store();
        var api = practice.clusters().cluster(Side.STANDBY).server();
        for (String line : List.of("hang standby", "start standby", "stop standby", "start standby",
                "cordon standby standby-node-1", "uncordon standby standby-node-1", "scale standby server 1",
                "crash standby server", "heal standby server", "workspaces primary stop", "dns standby",
                "snapshot-restore standby", "scale standby server 0", "status", "help")) {
            String answer = controls.execute(line);
            assertTrue(answer != null && !answer.startsWith("error") && !answer.startsWith("unknown"), line + ": " + answer);
        }
        assertEquals(org.drillconsole.sandbox.api.HttpServer.Mode.SERVING, api.mode());
        assertEquals("203.0.113.20", store.get(org.drillconsole.sandbox.api.ApiResources.CONFIG_MAPS, "default",
                "practice-dns").at("/data/gitpod.example.com").asText());
        assertEquals(2, store.get(org.drillconsole.sandbox.api.ApiResources.DEPLOYMENTS, "gitpod", "proxy")
                .at("/spec/replicas").asInt(), "snapshot-restore brought proxy back at its usual replicas");
        assertTrue(practice.clusters().cluster(Side.PRIMARY).store().list(org.drillconsole.sandbox.api.ApiResources.PODS,
                "gitpod").stream().noneMatch(p -> p.at("/metadata/name").asText().startsWith("ws-0")));
        assertTrue(controls.execute("crash standby no-such").startsWith("error: no component"));
        assertTrue(controls.execute("cordon standby no-such-node").startsWith("error: no node"));
        controls.execute("snapshot-restore standby"); // idempotent
        for (String name : GitpodSeed.REPLICAS.keySet()) {
            controls.execute("scale standby " + name + " 0");
        }
        controls.execute("dns primary");
    }
}
