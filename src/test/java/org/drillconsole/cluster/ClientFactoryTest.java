package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's clients (whole and slim reads) know the kinds they watch without fabric8's search of the
 * class path: every watch event the informers can receive is read as its own class, and an error as a Status
 * (which is how a watch learns that its resource version is too old and lists again).
 */
class ClientFactoryTest {

    @Test
    void readsTheWatchEventsOfEveryWatchedKindAsTheirOwnClass() {
        Map<String, Class<?>> kinds = Map.ofEntries(Map.entry("v1/Pod", Pod.class), Map.entry("v1/Node", Node.class),
                Map.entry("v1/Service", Service.class), Map.entry("v1/Event", Event.class),
                Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
                Map.entry("v1/Namespace", Namespace.class), Map.entry("apps/v1/Deployment", Deployment.class),
                Map.entry("apps/v1/StatefulSet", StatefulSet.class), Map.entry("apps/v1/DaemonSet", DaemonSet.class),
                Map.entry("batch/v1/Job", Job.class), Map.entry("batch/v1/CronJob", CronJob.class));
        for (KubernetesSerialization serialization : List.of(ClientFactory.TYPED, SlimReads.serialization())) {
            kinds.forEach((kind, type) -> {
                int slash = kind.lastIndexOf('/');
                String json = "{\"type\":\"MODIFIED\",\"object\":{\"apiVersion\":\"" + kind.substring(0, slash)
                        + "\",\"kind\":\"" + kind.substring(slash + 1) + "\",\"metadata\":{\"name\":\"x\"}}}";
                WatchEvent event = serialization.unmarshal(json, WatchEvent.class);
                assertInstanceOf(type, event.getObject(), kind);
            });
        }
    }

    @Test
    void readsAWatchErrorAsAStatus() {
        WatchEvent event = SlimReads.serialization().unmarshal("{\"type\":\"ERROR\",\"object\":{\"apiVersion\":\"v1\","
                + "\"kind\":\"Status\",\"code\":410,\"reason\":\"Expired\",\"message\":\"too old resource version\"}}",
                WatchEvent.class);
        assertEquals(410, assertInstanceOf(Status.class, event.getObject()).getCode());
    }
}
