package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
