package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.List;
import org.drillconsole.model.NodeHealth;
import org.drillconsole.model.PodTrouble;
import org.junit.jupiter.api.Test;

class NodeAndPodRulesTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void readsReadyCordonPressureAndMissingGitpodLabels() {
        NodeHealth node = NodeRules.evaluate(new NodeBuilder().withNewMetadata().withName("n1")
                .addToLabels("gitpod.io/workload_meta", "true").endMetadata()
                .withNewSpec().withUnschedulable(true).endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("Unknown").endCondition()
                .addNewCondition().withType("DiskPressure").withStatus("True").endCondition().endStatus().build());
        assertEquals("Unknown", node.ready());
        assertTrue(node.cordoned());
        assertEquals(List.of("DiskPressure"), node.pressures());
        assertEquals(4, node.missingGitpodLabels().size());
    }

    @Test
    void treatsANodeWithoutReadyConditionAsUnknown() {
        assertEquals("Unknown", NodeRules.evaluate(new NodeBuilder().withNewMetadata().withName("n").endMetadata()
                .build()).ready());
    }

    static Pod pod(String phase, String created, String waitingReason, int restarts) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName("p").withCreationTimestamp(created)
                .addToLabels("component", "server").endMetadata().withNewStatus().withPhase(phase).endStatus();
        if (waitingReason != null || restarts > 0) {
            pod.editStatus().addNewContainerStatus().withName("c").withRestartCount(restarts).withNewState()
                    .withNewWaiting().withReason(waitingReason).endWaiting().endState().endContainerStatus().endStatus();
        }
        return pod.build();
    }

    @Test
    void flagsImagePullBackOff() {
        PodTrouble trouble = PodRules.trouble(pod("Pending", "2026-11-25T09:59:00Z", "ImagePullBackOff", 0), NOW)
                .orElseThrow();
        assertEquals("ImagePullBackOff", trouble.reason());
        assertEquals("server", trouble.component());
    }

    @Test
    void flagsPendingOnlyAfterFiveMinutes() {
        assertTrue(PodRules.trouble(pod("Pending", "2026-11-25T09:58:00Z", null, 0), NOW).isEmpty());
        assertEquals("LongPending", PodRules.trouble(pod("Pending", "2026-11-25T09:50:00Z", null, 0), NOW)
                .orElseThrow().reason());
    }

    @Test
    void flagsFrequentRestarts() {
        assertEquals("Restarting", PodRules.trouble(pod("Running", "2026-11-25T09:00:00Z", "ContainerCreating", 6), NOW)
                .orElseThrow().reason());
        assertTrue(PodRules.trouble(pod("Running", "2026-11-25T09:00:00Z", null, 1), NOW).isEmpty());
    }
}
