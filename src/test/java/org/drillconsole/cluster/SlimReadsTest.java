package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimList;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.ServiceList;
import io.fabric8.kubernetes.api.model.apps.DaemonSetList;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.fabric8.kubernetes.api.model.apps.StatefulSetList;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobList;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.Side;
import org.drillconsole.model.Verdict;
import org.drillconsole.sandbox.PracticeCluster;
import org.drillconsole.sandbox.PracticeControls;
import org.drillconsole.support.PracticeClustersExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code health} and the window read objects without the parts no health rule reads ({@link SlimReads} for
 * the window's informers, {@link SlimJson} for {@code health}'s one-shot lists). Whatever state the practice
 * clusters are in, the same bytes read whole, read slim and read token by token must be judged the same.
 */
class SlimReadsTest {

    @RegisterExtension
    static final PracticeClustersExtension PRACTICE = new PracticeClustersExtension(Duration.ofMillis(200));

    private static final String NS = "gitpod";
    /** Each list the rules read, by path: its list class (read by Jackson) and how health reads it (SlimJson). */
    private static final Map<String, SlimJsonTest.Kind> LISTS = Map.ofEntries(
            Map.entry("/apis/apps/v1/namespaces/gitpod/deployments",
                    new SlimJsonTest.Kind(DeploymentList.class, SlimJson.DEPLOYMENTS)),
            Map.entry("/apis/apps/v1/namespaces/gitpod/statefulsets",
                    new SlimJsonTest.Kind(StatefulSetList.class, SlimJson.STATEFUL_SETS)),
            Map.entry("/apis/apps/v1/namespaces/gitpod/daemonsets",
                    new SlimJsonTest.Kind(DaemonSetList.class, SlimJson.DAEMON_SETS)),
            Map.entry("/api/v1/nodes", new SlimJsonTest.Kind(NodeList.class, SlimJson.NODES)),
            Map.entry("/api/v1/namespaces/gitpod/pods", new SlimJsonTest.Kind(PodList.class, SlimJson.PODS)),
            Map.entry("/api/v1/namespaces/gitpod/persistentvolumeclaims",
                    new SlimJsonTest.Kind(PersistentVolumeClaimList.class, SlimJson.CLAIMS)),
            Map.entry("/api/v1/namespaces/gitpod/services", new SlimJsonTest.Kind(ServiceList.class, SlimJson.SERVICES)),
            Map.entry("/api/v1/namespaces/gitpod/events", new SlimJsonTest.Kind(EventList.class, SlimJson.EVENTS)),
            Map.entry("/apis/batch/v1/namespaces/gitpod/jobs", new SlimJsonTest.Kind(JobList.class, SlimJson.JOBS)),
            Map.entry("/apis/batch/v1/namespaces/gitpod/cronjobs",
                    new SlimJsonTest.Kind(CronJobList.class, SlimJson.CRON_JOBS)));

    private final KubernetesSerialization whole = new KubernetesSerialization();
    private final KubernetesSerialization slim = SlimReads.serialization();

    @Test
    void judgesEverySideOfTheFreshPracticeClustersAsWholeObjectsDo() {
        for (Side side : Side.values()) {
            assertSameJudgement(side);
        }
    }

    @Test
    void judgesAClusterInTroubleAsWholeObjectsDo() throws Exception {
        PracticeControls controls = PRACTICE.clusters().controls();
        controls.crash(Side.PRIMARY, "server", true);
        controls.cordon(Side.PRIMARY, controls.nodes(Side.PRIMARY).get(0), true);
        controls.scale(Side.PRIMARY, "dashboard", 0);
        controls.migrations(Side.PRIMARY, true);
        controls.proxyAddress(Side.PRIMARY, false);
        controls.backupAge(Side.PRIMARY, 600);
        controls.stopWorkspaces(Side.STANDBY);
        try {
            // the crash loop shows once the controllers have restarted the pods a few times
            ClusterSnapshot judged = waitForCrashLoop();
            assertEquals(Verdict.DOWN, judged.verdict(), judged.reasons().toString());
            for (Side side : Side.values()) {
                assertSameJudgement(side);
            }
        } finally {
            controls.crash(Side.PRIMARY, "server", false);
            controls.cordon(Side.PRIMARY, controls.nodes(Side.PRIMARY).get(0), false);
            controls.migrations(Side.PRIMARY, false);
            controls.proxyAddress(Side.PRIMARY, true);
            controls.restoreSnapshot(Side.PRIMARY);
        }
    }

    @Test
    void judgesRolloutStrategiesAndAHostNamedLoadBalancerAsWholeObjectsDo() {
        Map<String, String> bytes = lists(Side.PRIMARY);
        StatefulSetList statefulSets = whole.unmarshal(bytes.get("/apis/apps/v1/namespaces/gitpod/statefulsets"),
                StatefulSetList.class);
        var set = statefulSets.getItems().get(0);
        set.getSpec().setUpdateStrategy(new io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategyBuilder()
                .withType("RollingUpdate").withNewRollingUpdate().withPartition(0).endRollingUpdate().build());
        set.getStatus().setUpdateRevision(set.getStatus().getCurrentRevision() + "-next");
        set.getStatus().setUpdatedReplicas(0);
        DaemonSetList daemonSets = whole.unmarshal(bytes.get("/apis/apps/v1/namespaces/gitpod/daemonsets"),
                DaemonSetList.class);
        daemonSets.getItems().forEach(daemonSet -> daemonSet.getSpec().setUpdateStrategy(
                new io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategyBuilder().withType("OnDelete").build()));
        daemonSets.getItems().get(0).getStatus().setNumberReady(0);
        ServiceList services = whole.unmarshal(bytes.get("/api/v1/namespaces/gitpod/services"), ServiceList.class);
        services.getItems().stream().filter(service -> GitpodReference.PROXY_SERVICE.equals(service.getMetadata().getName()))
                .forEach(proxy -> proxy.getStatus().getLoadBalancer().setIngress(List.of(
                        new io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder()
                                .withHostname("gitpod-lb.example.com").build())));
        bytes.put("/apis/apps/v1/namespaces/gitpod/statefulsets", whole.asJson(statefulSets));
        bytes.put("/apis/apps/v1/namespaces/gitpod/daemonsets", whole.asJson(daemonSets));
        bytes.put("/api/v1/namespaces/gitpod/services", whole.asJson(services));
        ClusterSnapshot judged = judge(Side.PRIMARY, whole, bytes);
        assertEquals("gitpod-lb.example.com", judged.proxyAddress(), judged.toString());
        assertEquals(judged, judge(Side.PRIMARY, slim, bytes));
        assertEquals(judged, judgeReadToken(Side.PRIMARY, bytes));
    }

    @Test
    void readsTheSameObjectsTokenByTokenAsSlimReadsDoesButForFieldsTheModelDoesNotKnow() {
        for (Side side : Side.values()) {
            Map<String, String> bytes = lists(side);
            for (String path : LISTS.keySet()) {
                List<?> readByJackson = slim.unmarshal(bytes.get(path), LISTS.get(path).list()).getItems();
                assertEquals(SlimJsonTest.withoutUnknownFields(readByJackson),
                        SlimJson.read(bytes.get(path), LISTS.get(path).shape()).getItems(), side + " " + path);
            }
        }
    }

    @Test
    void leavesOutWhatNoRuleReads() {
        String json = raw(Side.PRIMARY, "/api/v1/namespaces/gitpod/pods");
        PodList pods = slim.unmarshal(json, PodList.class);
        assertFalse(pods.getItems().isEmpty());
        assertTrue(pods.getItems().stream().allMatch(p -> p.getSpec() == null), "pod specs are left out");
        assertTrue(pods.getItems().stream().allMatch(p -> p.getStatus().getPhase() != null), "phases are kept");
        assertTrue(pods.getItems().stream().anyMatch(p -> !p.getStatus().getContainerStatuses().isEmpty()),
                "container statuses are kept");
        assertTrue(pods.getItems().stream().allMatch(p -> p.getStatus().getConditions().isEmpty()),
                "a pod's own conditions are left out: the rules read its containers'");
        DeploymentList deployments = slim.unmarshal(raw(Side.PRIMARY,
                "/apis/apps/v1/namespaces/gitpod/deployments"), DeploymentList.class);
        var container = deployments.getItems().get(0).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertNotNull(container.getImage(), "a template's images are kept");
        assertNull(container.getReadinessProbe(), "a template's probes are left out");
        assertTrue(whole.unmarshal(raw(Side.PRIMARY, "/apis/apps/v1/namespaces/gitpod/deployments"), DeploymentList.class)
                .getItems().stream().anyMatch(d -> !d.getMetadata().getAnnotations().isEmpty()), "annotated when whole");
        assertTrue(deployments.getItems().stream().allMatch(d -> d.getMetadata().getAnnotations().isEmpty()),
                "annotations are left out");
    }

    private ClusterSnapshot waitForCrashLoop() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ClusterSnapshot judged = judge(Side.PRIMARY, whole);
        while (judged.troubledPods().stream().noneMatch(p -> p.reason().contains("CrashLoopBackOff"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
            judged = judge(Side.PRIMARY, whole);
        }
        return judged;
    }

    /** One read of every list; its bytes judged whole and slim. */
    private void assertSameJudgement(Side side) {
        Map<String, String> bytes = lists(side);
        ClusterSnapshot judged = judge(side, whole, bytes);
        assertEquals(judged, judge(side, slim, bytes), side + " judged differently when read slim");
        assertEquals(judged, judgeReadToken(side, bytes), side + " judged differently when read token by token");
    }

    private ClusterSnapshot judge(Side side, KubernetesSerialization serialization) {
        return judge(side, serialization, lists(side));
    }

    /** Every list the rules read, as the server sent it. */
    private static Map<String, String> lists(Side side) {
        Map<String, String> bytes = new java.util.HashMap<>();
        LISTS.keySet().forEach(path -> bytes.put(path, raw(side, path)));
        return bytes;
    }

    private ClusterSnapshot judge(Side side, KubernetesSerialization serialization, Map<String, String> bytes) {
        return judge(side, path -> serialization.unmarshal(bytes.get(path), LISTS.get(path).list()).getItems());
    }

    /** As {@code health} reads: {@link SlimJson}. */
    private ClusterSnapshot judgeReadToken(Side side, Map<String, String> bytes) {
        return judge(side, path -> SlimJson.read(bytes.get(path), LISTS.get(path).shape()).getItems());
    }

    private ClusterSnapshot judge(Side side, Function<String, List<?>> read) {
        ClusterObjects objects = new ClusterObjects(true,
                items(read, "/apis/apps/v1/namespaces/gitpod/deployments"),
                items(read, "/apis/apps/v1/namespaces/gitpod/statefulsets"),
                items(read, "/apis/apps/v1/namespaces/gitpod/daemonsets"), true,
                items(read, "/api/v1/nodes"),
                items(read, "/api/v1/namespaces/gitpod/pods"),
                items(read, "/api/v1/namespaces/gitpod/persistentvolumeclaims"),
                items(read, "/api/v1/namespaces/gitpod/services"),
                items(read, "/api/v1/namespaces/gitpod/events"),
                items(read, "/apis/batch/v1/namespaces/gitpod/jobs"),
                items(read, "/apis/batch/v1/namespaces/gitpod/cronjobs"), List.of());
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        ProbeResult probe = new ProbeResult(ConnectionState.ONLINE, "ready", 5, "v1.32.4", now);
        return HealthEvaluator.evaluate(new HealthEvaluator.Target(side, "practice", "http://practice", NS), probe,
                now, true, objects, now);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> items(Function<String, List<?>> read, String path) {
        return (List<T>) read.apply(path);
    }

    private static String raw(Side side, String path) {
        PracticeCluster cluster = PRACTICE.clusters().cluster(side);
        return cluster.adminClient().raw(cluster.url() + path);
    }
}
