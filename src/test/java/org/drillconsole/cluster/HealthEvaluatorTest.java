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

    /** The proxy LoadBalancer with an external address: the way in. */
    static final List<io.fabric8.kubernetes.api.model.Service> WAY_IN = List.of(proxyService("203.0.113.10"));

    static io.fabric8.kubernetes.api.model.Service proxyService(String address) {
        var service = new io.fabric8.kubernetes.api.model.ServiceBuilder().withNewMetadata().withName("proxy")
                .endMetadata().withNewSpec().withType("LoadBalancer").endSpec();
        if (address != null) {
            service.withNewStatus().withNewLoadBalancer().addNewIngress().withIp(address).endIngress()
                    .endLoadBalancer().endStatus();
        }
        return service.build();
    }

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
        return new ClusterObjects(true, deployments, List.of(), List.of(), true, nodes, pods, List.of(), WAY_IN,
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
                List.of(node("n1", "True")), List.of(), List.of(), WAY_IN, List.of());
        ClusterSnapshot snapshot = evaluate(ONLINE, none);
        assertEquals(Verdict.DOWN, snapshot.verdict());
        assertTrue(snapshot.reasons().get(0).contains("namespace does not exist"));
    }

    /** Every core component at the given replicas (DaemonSets on one node), plus the given dependencies. */
    static ClusterObjects install(int replicas, io.fabric8.kubernetes.api.model.apps.StatefulSet... dependencies) {
        List<io.fabric8.kubernetes.api.model.apps.StatefulSet> sets = new ArrayList<>(List.of(dependencies));
        sets.add(new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder().withNewMetadata()
                .withName("openvsx-proxy").withGeneration(1L)
                .withLabels(Map.of("app", "gitpod", "component", "openvsx-proxy")).endMetadata()
                .withNewSpec().withReplicas(replicas).endSpec().withNewStatus().withObservedGeneration(1L)
                .withReplicas(replicas).withReadyReplicas(replicas).withCurrentRevision("r").withUpdateRevision("r")
                .endStatus().build());
        List<io.fabric8.kubernetes.api.model.apps.DaemonSet> daemons = new ArrayList<>();
        for (String name : List.of("ws-daemon", "registry-facade", "agent-smith")) {
            daemons.add(new io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder().withNewMetadata().withName(name)
                    .withGeneration(1L).withLabels(Map.of("app", "gitpod", "component", name)).endMetadata()
                    .withNewSpec().endSpec().withNewStatus().withObservedGeneration(1L)
                    .withDesiredNumberScheduled(1).withUpdatedNumberScheduled(1).withNumberAvailable(1).endStatus()
                    .build());
        }
        return new ClusterObjects(true, allCore(replicas), sets, daemons, true, List.of(node("n1", "True")),
                List.of(), List.of(), WAY_IN, List.of());
    }

    @Test
    void reportsHealthyWhenEveryCoreComponentIsRolledOut() {
        ClusterSnapshot snapshot = evaluate(ONLINE, install(1));
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
                List.of(node("n1", "True")), List.of(), List.of(), WAY_IN, List.of());
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
        assertEquals(Verdict.DOWN, snapshot.verdict(), "ws-manager is on the serving path");
        assertTrue(snapshot.reasons().get(0).startsWith("Gitpod cannot serve: no available replica of ws-manager"),
                snapshot.reasons().toString());
    }

    static Pod crashLoopingPod(String name, Map<String, String> labels, String ownerKind, String ownerName) {
        return new PodBuilder().withNewMetadata().withName(name).withLabels(labels)
                .addNewOwnerReference().withKind(ownerKind).withName(ownerName).withController(true).withUid("u")
                .withApiVersion("apps/v1").endOwnerReference().endMetadata()
                .withNewStatus().withPhase("Running").addNewContainerStatus().withName("main").withRestartCount(9)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                .endContainerStatus().endStatus().build();
    }

    static io.fabric8.kubernetes.api.model.apps.StatefulSet helmStatefulSet(String name, String helmName, int ready) {
        return new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder().withNewMetadata().withName(name)
                .withGeneration(1L).withLabels(Map.of("app.kubernetes.io/name", helmName)).endMetadata()
                .withNewSpec().withReplicas(1).endSpec().withNewStatus().withObservedGeneration(1L).withReplicas(1)
                .withReadyReplicas(ready).withCurrentRevision("r").withUpdateRevision("r").endStatus().build();
    }

    static ClusterObjects withStatefulSets(List<io.fabric8.kubernetes.api.model.apps.StatefulSet> sets, List<Pod> pods,
                                           List<Deployment> deployments) {
        return new ClusterObjects(true, deployments, sets, List.of(), true, List.of(node("n1", "True")), pods,
                List.of(), WAY_IN, List.of());
    }

    @Test
    void aCrashLoopingMysqlPodIsShownUnderMysqlByItsOwnerAndGitpodCannotServe() {
        Pod mysql0 = crashLoopingPod("mysql-0", Map.of("app.kubernetes.io/name", "mysql"), "StatefulSet", "mysql");
        ClusterSnapshot snapshot = evaluate(ONLINE, withStatefulSets(List.of(helmStatefulSet("mysql", "mysql", 0)),
                List.of(mysql0), allCore(1)));
        ComponentHealth mysql = snapshot.components().stream().filter(c -> c.name().equals("mysql")).findFirst()
                .orElseThrow();
        assertEquals(ComponentStatus.FAILED, mysql.status());
        assertEquals("CrashLoopBackOff", mysql.reason());
        assertEquals(org.drillconsole.model.ComponentRole.DEPENDENCY, mysql.role());
        assertEquals("mysql", snapshot.troubledPods().get(0).component());
        assertEquals(Verdict.DOWN, snapshot.verdict());
        assertTrue(snapshot.reasons().get(0).contains("mysql"), snapshot.reasons().toString());
        assertTrue(snapshot.reasons().stream().noneMatch(r -> r.contains("other pod")), snapshot.reasons().toString());
    }

    @Test
    void rabbitmqIsRecognisedAsMessagebusByItsHelmLabel() {
        ClusterSnapshot snapshot = evaluate(ONLINE, withStatefulSets(List.of(helmStatefulSet("messagebus", "rabbitmq",
                1)), List.of(), allCore(1)));
        assertTrue(snapshot.components().stream().anyMatch(c -> c.name().equals("messagebus")
                && c.role() == org.drillconsole.model.ComponentRole.DEPENDENCY
                && c.status() == ComponentStatus.HEALTHY));
    }

    @Test
    void aPilotLightThatKeepsItsMessageBusRunningIsIdle() {
        ClusterSnapshot snapshot = evaluate(ONLINE, install(0, helmStatefulSet("messagebus", "rabbitmq", 1)));
        assertEquals(Verdict.IDLE, snapshot.verdict(), snapshot.reasons().toString());
    }

    @Test
    void gitpodServingWithoutItsMessageBusIsDown() {
        ClusterSnapshot snapshot = evaluate(ONLINE, install(1, helmStatefulSet("messagebus", "rabbitmq", 0)));
        assertEquals(Verdict.DOWN, snapshot.verdict(), snapshot.reasons().toString());
        assertTrue(snapshot.reasons().get(0).contains("messagebus"), snapshot.reasons().toString());
    }

    @Test
    void aPodOfADeploymentIsTiedToItThroughItsReplicaSet() {
        List<Deployment> deployments = new ArrayList<>(allCore(1));
        deployments.replaceAll(d -> d.getMetadata().getName().equals("dashboard") ? deployment("dashboard", 2, 1) : d);
        Pod pod = crashLoopingPod("dashboard-7c9f8b6d5d-x2x4q", Map.of("pod-template-hash", "7c9f8b6d5d"),
                "ReplicaSet", "dashboard-7c9f8b6d5d");
        ClusterSnapshot snapshot = evaluate(ONLINE, objects(deployments, List.of(node("n1", "True")), List.of(pod)));
        assertEquals("dashboard", snapshot.troubledPods().get(0).component(), "no component label: the owner decides");
        ComponentHealth dashboard = snapshot.components().stream().filter(c -> c.name().equals("dashboard"))
                .findFirst().orElseThrow();
        assertEquals(ComponentStatus.DEGRADED, dashboard.status());
        assertEquals(Verdict.DEGRADED, snapshot.verdict(), "dashboard is not on the serving path");
    }

    @Test
    void anotherWorkloadInTheNamespaceIsShownApartAndNeverChangesTheVerdict() {
        List<Deployment> deployments = new ArrayList<>(allCore(1));
        deployments.add(new DeploymentBuilder(deployment("grafana", 1, 0)).editMetadata()
                .withLabels(Map.of("app", "grafana")).endMetadata().build());
        Pod grafana = crashLoopingPod("grafana-5d4f-abcde", Map.of("pod-template-hash", "5d4f"), "ReplicaSet",
                "grafana-5d4f");
        ClusterSnapshot snapshot = evaluate(ONLINE, objects(deployments, List.of(node("n1", "True")), List.of(grafana)));
        ComponentHealth other = snapshot.components().get(snapshot.components().size() - 1);
        assertEquals("grafana", other.name(), "listed last");
        assertEquals(org.drillconsole.model.ComponentRole.OTHER, other.role());
        assertTrue(snapshot.reasons().stream().noneMatch(r -> r.contains("grafana")), snapshot.reasons().toString());
        assertEquals(evaluate(ONLINE, objects(allCore(1), List.of(node("n1", "True")), List.of())).reasons(),
                snapshot.reasons(), "the same verdict and reasons as without it");
    }

    @Test
    void aServingComponentWithNoAvailableReplicaMakesTheClusterDownReasonFirst() {
        List<Deployment> deployments = new ArrayList<>(allCore(1));
        deployments.replaceAll(d -> d.getMetadata().getName().equals("server") ? deployment("server", 2, 0) : d);
        ClusterSnapshot snapshot = evaluate(ONLINE, objects(deployments, List.of(node("n1", "True")), List.of()));
        assertEquals(Verdict.DOWN, snapshot.verdict());
        assertTrue(snapshot.reasons().get(0).startsWith("Gitpod cannot serve: no available replica of server (0/2"),
                snapshot.reasons().toString());
    }

    @Test
    void aNonServingComponentWithNoReplicaOnlyDegrades() {
        List<Deployment> deployments = new ArrayList<>(allCore(1));
        deployments.replaceAll(d -> d.getMetadata().getName().equals("blobserve") ? deployment("blobserve", 1, 0) : d);
        assertEquals(Verdict.DEGRADED, evaluate(ONLINE, objects(deployments, List.of(node("n1", "True")), List.of()))
                .verdict());
    }

    @Test
    void aProxyWithoutAnExternalAddressMeansNobodyCanReachGitpod() {
        ClusterObjects noAddress = new ClusterObjects(true, allCore(1), List.of(), List.of(), true,
                List.of(node("n1", "True")), List.of(), List.of(), List.of(proxyService(null)), List.of());
        ClusterSnapshot snapshot = evaluate(ONLINE, noAddress);
        assertEquals("", snapshot.proxyAddress());
        assertEquals(Verdict.DOWN, snapshot.verdict());
        assertTrue(snapshot.reasons().get(0).startsWith("no external address: Gitpod is not reachable from outside"),
                snapshot.reasons().toString());
    }

    @Test
    void aPilotLightStandbyStaysIdleWhateverItsServingPathSays() {
        ClusterObjects idle = new ClusterObjects(true, allCore(0), List.of(), List.of(), true,
                List.of(node("n1", "True")), List.of(), List.of(), List.of(proxyService(null)), List.of());
        ClusterSnapshot snapshot = evaluate(ONLINE, idle);
        assertTrue(snapshot.verdict() != Verdict.DOWN, snapshot.reasons().toString());
        assertTrue(snapshot.reasons().stream().noneMatch(r -> r.contains("cannot serve") || r.contains("external address")));
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

    @Test
    void aFailedMigrationJobDegradesAnOtherwiseHealthyClusterReasonFirst() {
        ClusterObjects base = objects(allCore(1), List.of(node("n1", "True")), List.of());
        ClusterObjects withFailedMigration = new ClusterObjects(true, base.deployments(), base.statefulSets(),
                base.daemonSets(), true, base.nodes(), base.pods(), base.claims(), base.services(), base.events(),
                List.of(BatchRulesTest.job("2026-11-25T09:50:00Z", "Failed", "BackoffLimitExceeded")), List.of(), List.of());
        ClusterSnapshot snapshot = evaluate(ONLINE, withFailedMigration);
        assertEquals(Verdict.DEGRADED, snapshot.verdict());
        assertTrue(snapshot.reasons().get(0).startsWith("migrations Job failed (BackoffLimitExceeded)"),
                snapshot.reasons().toString());
        assertEquals(1, snapshot.batch().size());
    }

    @Test
    void theNewestBackupIsTheLatestOfVeleroAndABackupCronJobsLastSuccess() {
        var velero = new org.drillconsole.model.BackupPoint("Velero Backup velero/nightly",
                Instant.parse("2026-11-25T09:40:00Z"));
        var dump = new org.drillconsole.model.BatchWork(org.drillconsole.model.BatchWork.Kind.CRONJOB, "mysql-backup",
                org.drillconsole.model.BatchWork.Status.SCHEDULED, "", Instant.parse("2026-11-25T09:50:00Z"),
                Instant.parse("2026-11-25T09:50:30Z"));
        var telemetry = new org.drillconsole.model.BatchWork(org.drillconsole.model.BatchWork.Kind.CRONJOB,
                "gitpod-telemetry", org.drillconsole.model.BatchWork.Status.SCHEDULED, "",
                Instant.parse("2026-11-25T09:55:00Z"), Instant.parse("2026-11-25T09:55:10Z"));
        assertEquals("CronJob mysql-backup", HealthEvaluator.newestBackup(List.of(velero), List.of(dump, telemetry))
                .source(), "a CronJob counts only when its name says it backs something up");
        assertEquals(velero, HealthEvaluator.newestBackup(List.of(velero), List.of(telemetry)));
        assertEquals(null, HealthEvaluator.newestBackup(List.of(), List.of(telemetry)));
    }
}
