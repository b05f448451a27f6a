package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ComponentHealth;
import org.drillconsole.model.ComponentStatus;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.Side;
import org.drillconsole.model.Verdict;
import org.junit.jupiter.api.Test;

class HealthEvaluatorTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final HealthEvaluator.Target TARGET = new HealthEvaluator.Target(Side.PRIMARY, "ctx", "https://k", "gitpod");
    static final ProbeResult ONLINE = new ProbeResult(ConnectionState.ONLINE, "ready", 12, "v1.24.9", NOW);

    static Deployment deployment(String name, int desired, int available) {
        return new DeploymentBuilder().withNewMetadata().withName(name).withGeneration(1L)
                .withLabels(Map.of("app", "gitpod", "component", name)).endMetadata()
                .withNewSpec().withReplicas(desired).withNewTemplate().withNewSpec().addNewContainer().withName(name)
                .withImage("img/" + name + ":1").endContainer().endSpec().endTemplate().endSpec()
                .withNewStatus().withObservedGeneration(1L).withReplicas(desired).withUpdatedReplicas(desired)
                .withAvailableReplicas(available).endStatus().build();
    }

    static Node node(String name, String ready) {
        NodeBuilder node = new NodeBuilder().withNewMetadata().withName(name).endMetadata();
        GitpodReference.NODE_LABELS.forEach(l -> node.editMetadata().addToLabels(l, "true").endMetadata());
        return node.withNewStatus().addNewCondition().withType("Ready").withStatus(ready).endCondition().endStatus()
                .build();
    }

    /** Every core Deployment at the given replicas; StatefulSet and DaemonSets left out. */
    static List<Deployment> allCore(int desired) {
        List<Deployment> list = new ArrayList<>();
        GitpodReference.CORE.forEach((name, kind) -> {
            if (kind == org.drillconsole.model.WorkloadKind.DEPLOYMENT) {
                list.add(deployment(name, desired, desired));
            }
        });
        return list;
    }

    static ClusterObjects objects(List<Deployment> deployments, List<Node> nodes, List<Pod> pods) {
        return new ClusterObjects(true, deployments, List.of(), List.of(), true, nodes, pods, List.of(), List.of(),
                List.of());
    }

    static ClusterSnapshot evaluate(ProbeResult probe, ClusterObjects objects) {
        return HealthEvaluator.evaluate(TARGET, probe, NOW, true, objects, NOW);
    }

    @Test
    void reportsDownWhenTheApiServerIsUnreachable() {
        ProbeResult dead = new ProbeResult(ConnectionState.UNREACHABLE, "connection refused", -1, "", NOW);
        ClusterSnapshot snapshot = evaluate(dead, objects(allCore(1), List.of(node("n1", "True")), List.of()));
        assertEquals(Verdict.DOWN, snapshot.verdict());
        assertTrue(snapshot.reasons().get(0).contains("connection refused"));
    }

    @Test
    void reportsUnknownWhenCredentialsAreRejected() {
        ProbeResult rejected = new ProbeResult(ConnectionState.UNAUTHORIZED, "HTTP 401", -1, "", NOW);
        assertEquals(Verdict.UNKNOWN, evaluate(rejected, ClusterObjects.empty()).verdict());
    }

    @Test
    void reportsDownWhenTheNamespaceDoesNotExist() {
        ClusterObjects none = new ClusterObjects(false, List.of(), List.of(), List.of(), true,
                List.of(node("n1", "True")), List.of(), List.of(), List.of(), List.of());
        ClusterSnapshot snapshot = evaluate(ONLINE, none);
        assertEquals(Verdict.DOWN, snapshot.verdict());
        assertTrue(snapshot.reasons().get(0).contains("namespace does not exist"));
    }

    @Test
    void reportsHealthyWhenEveryCoreComponentIsRolledOut() {
        io.fabric8.kubernetes.api.model.apps.StatefulSet openvsx = new io.fabric8.kubernetes.api.model.apps
                .StatefulSetBuilder().withNewMetadata().withName("openvsx-proxy").withGeneration(1L).endMetadata()
                .withNewSpec().withReplicas(1).endSpec().withNewStatus().withObservedGeneration(1L).withReplicas(1)
                .withReadyReplicas(1).withCurrentRevision("r").withUpdateRevision("r").endStatus().build();
        List<io.fabric8.kubernetes.api.model.apps.DaemonSet> daemons = new ArrayList<>();
        for (String name : List.of("ws-daemon", "registry-facade", "agent-smith")) {
            daemons.add(new io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder().withNewMetadata().withName(name)
                    .withGeneration(1L).endMetadata().withNewSpec().endSpec().withNewStatus().withObservedGeneration(1L)
                    .withDesiredNumberScheduled(1).withUpdatedNumberScheduled(1).withNumberAvailable(1).endStatus()
                    .build());
        }
        ClusterObjects all = new ClusterObjects(true, allCore(1), List.of(openvsx), daemons, true,
                List.of(node("n1", "True")), List.of(), List.of(), List.of(), List.of());
        ClusterSnapshot snapshot = evaluate(ONLINE, all);
        assertEquals(Verdict.HEALTHY, snapshot.verdict(), snapshot.reasons().toString());
    }

    @Test
    void reportsDegradedAndNamesMissingCoreComponentsButNotExternalDependencies() {
        ClusterSnapshot snapshot = evaluate(ONLINE, objects(allCore(1), List.of(node("n1", "True")), List.of()));
        assertEquals(Verdict.DEGRADED, snapshot.verdict());
        assertTrue(snapshot.reasons().stream().noneMatch(r -> r.contains("mysql")));
        assertTrue(snapshot.reasons().stream().anyMatch(r -> r.startsWith("missing: ") && r.contains("ws-daemon")));
        assertTrue(snapshot.components().stream().filter(c -> c.name().equals("mysql"))
                .allMatch(c -> c.reason().equals("NotInstalled")));
    }

    @Test
    void reportsIdleWhenGitpodIsScaledToZero() {
        ClusterObjects idle = new ClusterObjects(true, allCore(0), List.of(), List.of(), true,
                List.of(node("n1", "True")), List.of(), List.of(), List.of(), List.of());
        ClusterSnapshot snapshot = evaluate(ONLINE, idle);
        assertTrue(snapshot.components().stream().filter(c -> c.kind() == org.drillconsole.model.WorkloadKind.DEPLOYMENT
                && c.status() != ComponentStatus.MISSING).allMatch(c -> c.status() == ComponentStatus.IDLE));
        assertEquals("ScaledToZero", snapshot.components().stream().filter(c -> c.name().equals("server"))
                .findFirst().orElseThrow().reason());
    }

    @Test
    void reportsDegradedWhenOneReplicaIsMissing() {
        List<Deployment> deployments = new ArrayList<>(allCore(1));
        deployments.replaceAll(d -> d.getMetadata().getName().equals("server") ? deployment("server", 3, 2) : d);
        ClusterSnapshot snapshot = evaluate(ONLINE, objects(deployments, List.of(node("n1", "True")), List.of()));
        assertEquals(Verdict.DEGRADED, snapshot.verdict());
        ComponentHealth server = snapshot.components().stream().filter(c -> c.name().equals("server")).findFirst()
                .orElseThrow();
        assertEquals(ComponentStatus.PROGRESSING, server.status());
        assertEquals("2 of 3 updated replicas are available", server.message());
    }

    @Test
    void marksAComponentFailedWhenItsOnlyPodCrashLoops() {
        List<Deployment> deployments = new ArrayList<>(allCore(1));
        deployments.replaceAll(d -> d.getMetadata().getName().equals("ws-manager") ? deployment("ws-manager", 1, 0) : d);
        Pod crashing = new PodBuilder().withNewMetadata().withName("ws-manager-0")
                .withLabels(Map.of("app", "gitpod", "component", "ws-manager")).endMetadata()
                .withNewStatus().withPhase("Running").addNewContainerStatus().withName("ws-manager").withRestartCount(7)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                .endContainerStatus().endStatus().build();
        ClusterSnapshot snapshot = evaluate(ONLINE, objects(deployments, List.of(node("n1", "True")), List.of(crashing)));
        ComponentHealth wsManager = snapshot.components().stream().filter(c -> c.name().equals("ws-manager"))
                .findFirst().orElseThrow();
        assertEquals(ComponentStatus.FAILED, wsManager.status());
        assertEquals("CrashLoopBackOff", wsManager.reason());
        assertEquals(1, snapshot.troubledPods().size());
        assertEquals(Verdict.DEGRADED, snapshot.verdict());
    }

    @Test
    void reportsDownWhenNoNodeIsReady() {
        ClusterSnapshot snapshot = evaluate(ONLINE, objects(allCore(1), List.of(node("n1", "False")), List.of()));
        assertEquals(Verdict.DOWN, snapshot.verdict());
    }

    @Test
    void countsRunningWorkspaces() {
        Pod workspace = new PodBuilder().withNewMetadata().withName("ws-1")
                .withLabels(Map.of("app", "gitpod", "component", "workspace")).endMetadata()
                .withNewStatus().withPhase("Running").endStatus().build();
        assertEquals(1, evaluate(ONLINE, objects(allCore(1), List.of(node("n1", "True")), List.of(workspace)))
                .runningWorkspaces());
    }
}
