package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pod informer's store keeps what the health rules read, and nothing else. */
class TrimmedPodStoreTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static Pod wholePod() {
        Pod pod = HealthEvaluatorTest.crashLoopingPod("mysql-0", Map.of("app.kubernetes.io/name", "mysql"),
                "StatefulSet", "mysql");
        return new PodBuilder(pod).editMetadata().withNamespace("gitpod").withUid("uid-1").withResourceVersion("42")
                .withCreationTimestamp("2026-12-01T11:00:00Z").addToAnnotations("big", "x".repeat(10_000)).endMetadata()
                .withNewSpec().withNodeName("node-1").addNewContainer().withName("main").withImage("mysql:5.7")
                .addNewEnv().withName("MYSQL_ROOT_PASSWORD").withValue("secret-value").endEnv().endContainer()
                .endSpec().build();
    }

    @Test
    void aTrimmedPodIsJudgedExactlyAsTheWholeOne() {
        Pod whole = wholePod();
        Pod trimmed = TrimmedPodStore.trimmed(whole);
        assertEquals(PodRules.trouble(whole, "mysql", NOW), PodRules.trouble(trimmed, "mysql", NOW));
        assertEquals(PodRules.owner(whole), PodRules.owner(trimmed));
        assertEquals(PodRules.component(whole), PodRules.component(trimmed));
        assertEquals(PodRules.isRunningWorkspace(whole), PodRules.isRunningWorkspace(trimmed));
    }

    @Test
    void keepsNeitherTheSpecNorTheAnnotations() {
        TrimmedPodStore store = new TrimmedPodStore();
        store.put("gitpod/mysql-0", wholePod());
        Pod kept = store.get("gitpod/mysql-0");
        assertNull(kept.getSpec(), "no spec: no environment values, no images to hold");
        assertEquals(Map.of(), kept.getMetadata().getAnnotations());
        assertEquals("42", kept.getMetadata().getResourceVersion());
        assertEquals(List.of("gitpod/mysql-0"), store.keySet().toList());
    }

    /** Pods of every shape the rules look at: phases, waiting reasons, restarts, OOM kills, owners, workspaces. */
    static Pod generatedPod(java.util.Random random, int i) {
        String[] phases = {"Running", "Running", "Running", "Running", "Running", "Pending", "Failed", "Succeeded", "Unknown", null};
        String[] waiting = {null, null, null, null, null, null, "CrashLoopBackOff", "ContainerCreating", "ImagePullBackOff", "PodInitializing"};
        String[] components = {"server", "ws-manager", "workspace", "workspace", "proxy", null};
        String phase = phases[random.nextInt(phases.length)];
        String reason = waiting[random.nextInt(waiting.length)];
        String component = components[random.nextInt(components.length)];
        PodBuilder pod = new PodBuilder().withNewMetadata().withName("pod-" + i).withNamespace("gitpod")
                .withCreationTimestamp(NOW.minusSeconds(random.nextInt(900)).toString()).endMetadata();
        if (component != null) {
            pod.editMetadata().addToLabels("component", component).addToLabels("app", "gitpod").endMetadata();
        }
        if (random.nextBoolean()) {
            pod.editMetadata().addNewOwnerReference().withKind("ReplicaSet").withName(component + "-abc12")
                    .withController(true).endOwnerReference().addToLabels("pod-template-hash", "abc12").endMetadata();
        }
        if (phase != null || random.nextBoolean()) {
            var status = pod.withNewStatus().withPhase(phase).addNewContainerStatus().withName("main")
                    .withRestartCount(random.nextInt(10) == 0 ? 6 : random.nextInt(3));
            if (reason != null) {
                status = status.withNewState().withNewWaiting().withReason(reason).endWaiting().endState();
            }
            if (random.nextInt(10) == 0) {
                status = status.withNewLastState().withNewTerminated().withReason("OOMKilled").endTerminated()
                        .endLastState();
            }
            var withStatus = status.endContainerStatus();
            if (random.nextInt(5) == 0) {
                withStatus.addNewInitContainerStatus().withName("init").withRestartCount(random.nextInt(3))
                        .endInitContainerStatus();
            }
            pod = withStatus.endStatus();
        }
        return pod.build();
    }

    @Test
    void judgingOnlyThePodsWorthJudgingGivesTheSameSnapshotAsJudgingThemAllNowAndLater() {
        java.util.Random random = new java.util.Random(14);
        TrimmedPodStore store = new TrimmedPodStore();
        for (int i = 0; i < 3000; i++) {
            store.put("gitpod/pod-" + i, generatedPod(random, i));
        }
        // Changes and deletions after the first list, as a watch delivers them.
        for (int i = 0; i < 1000; i++) {
            int which = random.nextInt(3000);
            if (random.nextInt(4) == 0) {
                store.remove("gitpod/pod-" + which);
            } else {
                store.put("gitpod/pod-" + which, generatedPod(random, which));
            }
        }
        List<Pod> all = store.values().toList();
        TrimmedPodStore.ToJudge toJudge = store.toJudge();
        List<Pod> worth = toJudge.pods();
        assertTrue(worth.size() < all.size() * 2 / 3 && toJudge.workspacesLeftOut() > 0,
                toJudge.workspacesLeftOut() + " workspaces left out, " + worth.size() + " of " + all.size() + " kept");
        var deployments = HealthEvaluatorTest.allCore(1);
        for (Instant now : List.of(NOW, NOW.plusSeconds(600), NOW.plusSeconds(3600))) {
            var whole = HealthEvaluator.evaluate(HealthEvaluatorTest.TARGET, HealthEvaluatorTest.ONLINE, now, true,
                    HealthEvaluatorTest.objects(deployments, List.of(), all), now);
            var fromWorth = HealthEvaluator.evaluate(HealthEvaluatorTest.TARGET, HealthEvaluatorTest.ONLINE, now, true,
                    withWorkspacesLeftOut(HealthEvaluatorTest.objects(deployments, List.of(), worth),
                            toJudge.workspacesLeftOut()), now);
            assertFalse(whole.troubledPods().isEmpty());
            assertTrue(whole.runningWorkspaces() > 0);
            assertEquals(whole, fromWorth, "at " + now);
        }
    }

    static ClusterObjects withWorkspacesLeftOut(ClusterObjects o, int workspaces) {
        return new ClusterObjects(o.namespaceExists(), o.deployments(), o.statefulSets(), o.daemonSets(),
                o.nodesVisible(), o.nodes(), o.pods(), o.claims(), o.services(), o.events(), o.jobs(), o.cronJobs(),
                o.veleroBackups(), workspaces);
    }

    @Test
    void aRunningWorkspaceIsCountedNotJudgedUntilItIsInTroubleOrGone() {
        TrimmedPodStore store = new TrimmedPodStore();
        Pod workspace = new PodBuilder().withNewMetadata().withName("ws-1").withNamespace("gitpod")
                .addToLabels("component", "workspace").endMetadata().withNewStatus().withPhase("Running")
                .addNewContainerStatus().withName("workspace").withRestartCount(0).endContainerStatus().endStatus()
                .build();
        store.put("gitpod/ws-1", workspace);
        assertEquals(List.of(), store.toJudge().pods());
        assertEquals(1, store.toJudge().workspacesLeftOut());
        store.put("gitpod/ws-1", new PodBuilder(workspace).editStatus().editFirstContainerStatus().withRestartCount(9)
                .endContainerStatus().endStatus().build());
        assertEquals(1, store.toJudge().pods().size(), "restarting: judged, and counted among the judged");
        assertEquals(0, store.toJudge().workspacesLeftOut());
        store.put("gitpod/ws-1", workspace);
        store.remove("gitpod/ws-1");
        assertEquals(List.of(), store.toJudge().pods());
        assertEquals(0, store.toJudge().workspacesLeftOut());
    }

    @Test
    void aPodThatRecoversOrGoesAwayIsNoLongerJudged() {
        TrimmedPodStore store = new TrimmedPodStore();
        store.put("gitpod/mysql-0", wholePod());
        assertEquals(1, store.toJudge().pods().size(), "crash-looping");
        store.put("gitpod/mysql-0", new PodBuilder(wholePod()).editStatus().withContainerStatuses(List.of())
                .endStatus().build());
        assertEquals(List.of(), store.toJudge().pods(), "running without trouble");
        store.put("gitpod/mysql-0", wholePod());
        store.remove("gitpod/mysql-0");
        assertEquals(List.of(), store.toJudge().pods(), "deleted");
    }
}
