package org.drillconsole.sandbox.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.drillconsole.sandbox.api.ObjectStore.Change;
import org.drillconsole.sandbox.api.ObjectStore.EventType;
import org.junit.jupiter.api.Test;

class ObjectStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectStore store = new ObjectStore();

    private static ObjectNode deployment(String name, String component, int replicas) {
        ObjectNode d = JSON.createObjectNode();
        d.putObject("metadata").put("name", name).putObject("labels").put("component", component);
        d.putObject("spec").put("replicas", replicas);
        return d;
    }

    private static ObjectNode podOf(String name, ObjectNode owner) {
        ObjectNode pod = JSON.createObjectNode();
        pod.putObject("metadata").put("name", name).putArray("ownerReferences").addObject()
                .put("kind", "ReplicaSet").put("name", owner.at("/metadata/name").asText())
                .put("uid", owner.at("/metadata/uid").asText()).put("controller", true);
        return pod;
    }

    @Test
    void anUpdateSeesTheObjectAsItIsNowSoAWriteInBetweenIsNoConflict() throws Exception {
        store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("a", "a", 1), false);
        Thread controller = new Thread(() -> {
            for (int i = 0; i < 2000; i++) {
                int observed = i;
                try {
                    store.modify(ApiResources.DEPLOYMENTS, "gitpod", "a", true, d -> {
                        d.putObject("status").put("observedGeneration", observed);
                        return d;
                    });
                } catch (ApiException e) {
                    throw new AssertionError(e);
                }
            }
        });
        controller.start();
        for (int replicas = 2; replicas < 2002; replicas++) {
            int wanted = replicas;
            store.update(ApiResources.DEPLOYMENTS, "gitpod", "a", false, false, current -> {
                ObjectNode next = current.deepCopy();
                next.with("spec").put("replicas", wanted);
                return next;
            });
        }
        controller.join();
        assertEquals(2001, store.get(ApiResources.DEPLOYMENTS, "gitpod", "a").at("/spec/replicas").asInt());
    }

    @Test
    void anUpdateKeepsAResourceVersionItLeavesAsAPrecondition() throws Exception {
        ObjectNode created = store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("a", "a", 1), false);
        String stale = created.at("/metadata/resourceVersion").asText();
        store.modify(ApiResources.DEPLOYMENTS, "gitpod", "a", false, d -> {
            d.with("spec").put("replicas", 2);
            return d;
        });
        ApiException conflict = assertThrows(ApiException.class, () -> store.update(ApiResources.DEPLOYMENTS,
                "gitpod", "a", false, false, current -> {
                    ObjectNode next = current.deepCopy();
                    next.with("metadata").put("resourceVersion", stale);
                    return next;
                }));
        assertEquals(409, conflict.code());
    }

    @Test
    void findsWhatAnOwnerOwnsAsItsReferencesChangeAndCollectsItWithTheOwner() throws Exception {
        ObjectNode a = store.create(ApiResources.REPLICA_SETS, "gitpod", deployment("a", "a", 1), false);
        ObjectNode b = store.create(ApiResources.REPLICA_SETS, "gitpod", deployment("b", "b", 1), false);
        String uidA = a.at("/metadata/uid").asText();
        store.create(ApiResources.PODS, "gitpod", podOf("a-2", a), false);
        store.create(ApiResources.PODS, "gitpod", podOf("a-1", a), false);
        store.create(ApiResources.PODS, "gitpod", podOf("b-1", b), false);
        assertEquals(java.util.List.of("a-1", "a-2"), names(store.owned(ApiResources.PODS, uidA)));
        // adopted by b: no longer a's
        store.modify(ApiResources.PODS, "gitpod", "a-2", false, p -> podOf("a-2", b));
        assertEquals(java.util.List.of("a-1"), names(store.owned(ApiResources.PODS, uidA)));
        store.delete(ApiResources.REPLICA_SETS, "gitpod", "b", false);
        assertNull(store.get(ApiResources.PODS, "gitpod", "a-2"), "collected with its new owner");
        assertNull(store.get(ApiResources.PODS, "gitpod", "b-1"));
        assertEquals(java.util.List.of("a-1"), names(store.list(ApiResources.PODS, "gitpod")));
        assertTrue(store.owned(ApiResources.PODS, b.at("/metadata/uid").asText()).isEmpty());
    }

    private static java.util.List<String> names(java.util.List<ObjectNode> objects) {
        return objects.stream().map(o -> o.at("/metadata/name").asText()).toList();
    }

    @Test
    void createGivesUidGenerationAndAResourceVersionThatGrows() throws Exception {
        ObjectNode a = store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("a", "a", 1), false);
        ObjectNode b = store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("b", "b", 1), false);
        assertEquals(1, a.at("/metadata/generation").asInt());
        assertEquals("gitpod", a.at("/metadata/namespace").asText());
        assertTrue(b.at("/metadata/resourceVersion").asLong() > a.at("/metadata/resourceVersion").asLong());
        ApiException duplicate = assertThrows(ApiException.class,
                () -> store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("a", "a", 1), false));
        assertEquals(409, duplicate.code());
    }

    @Test
    void aSpecChangeBumpsTheGenerationAndAStaleResourceVersionConflicts() throws Exception {
        ObjectNode a = store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("a", "a", 1), false);
        ObjectNode changed = a.deepCopy();
        changed.with("spec").put("replicas", 3);
        ObjectNode stored = store.replace(ApiResources.DEPLOYMENTS, "gitpod", "a", changed, false, false);
        assertEquals(2, stored.at("/metadata/generation").asInt());
        ApiException conflict = assertThrows(ApiException.class,
                () -> store.replace(ApiResources.DEPLOYMENTS, "gitpod", "a", changed, false, false));
        assertEquals(409, conflict.code());
    }

    @Test
    void theMainResourceKeepsItsStatusAndTheStatusSubresourceKeepsItsSpec() throws Exception {
        store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("a", "a", 1), false);
        store.modify(ApiResources.DEPLOYMENTS, "gitpod", "a", true, d -> {
            d.putObject("status").put("readyReplicas", 1);
            d.with("spec").put("replicas", 9);
            return d;
        });
        ObjectNode now = store.get(ApiResources.DEPLOYMENTS, "gitpod", "a");
        assertEquals(1, now.at("/status/readyReplicas").asInt());
        assertEquals(1, now.at("/spec/replicas").asInt());
        store.modify(ApiResources.DEPLOYMENTS, "gitpod", "a", false, d -> {
            d.remove("status");
            return d;
        });
        assertEquals(1, store.get(ApiResources.DEPLOYMENTS, "gitpod", "a").at("/status/readyReplicas").asInt());
    }

    @Test
    void aDryRunStoresNothing() throws Exception {
        store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("a", "a", 1), true);
        assertNull(store.get(ApiResources.DEPLOYMENTS, "gitpod", "a"));
    }

    @Test
    void deletingAnOwnerDeletesWhatItOwns() throws Exception {
        ObjectNode owner = store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("a", "a", 1), false);
        ObjectNode owned = deployment("a-1", "a", 1);
        owned.with("metadata").putArray("ownerReferences").addObject().put("uid", owner.at("/metadata/uid").asText());
        store.create(ApiResources.REPLICA_SETS, "gitpod", owned, false);
        store.delete(ApiResources.DEPLOYMENTS, "gitpod", "a", false);
        assertNull(store.get(ApiResources.REPLICA_SETS, "gitpod", "a-1"));
    }

    @Test
    void whatIsWrittenForAnOwnerDeletedMeanwhileIsCollectedAndNamingALiveOwnerKeepsIt() throws Exception {
        ObjectNode owner = store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("a", "a", 1), false);
        ObjectNode alive = store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("b", "b", 1), false);
        store.delete(ApiResources.DEPLOYMENTS, "gitpod", "a", false);
        // a controller that read "a" before it was deleted writes its ReplicaSet now
        ObjectNode late = deployment("a-1", "a", 1);
        late.with("metadata").putArray("ownerReferences").addObject().put("uid", owner.at("/metadata/uid").asText());
        Watch watch = store.watch(ApiResources.REPLICA_SETS, Selector.all(), Long.toString(store.revision()));
        store.create(ApiResources.REPLICA_SETS, "gitpod", late, false);
        assertNull(store.get(ApiResources.REPLICA_SETS, "gitpod", "a-1"));
        assertEquals(EventType.ADDED, next(watch).type());
        assertEquals(EventType.DELETED, next(watch).type());

        ObjectNode kept = deployment("b-1", "b", 1);
        kept.with("metadata").putArray("ownerReferences").addObject().put("uid", owner.at("/metadata/uid").asText());
        kept.with("metadata").withArray("ownerReferences").addObject().put("uid", alive.at("/metadata/uid").asText());
        store.create(ApiResources.REPLICA_SETS, "gitpod", kept, false);
        assertNotNull(store.get(ApiResources.REPLICA_SETS, "gitpod", "b-1"), "one of its owners is still there");
    }

    @Test
    void aWatchWithoutAVersionStartsWithEveryObjectThenFollowsChanges() throws Exception {
        store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("a", "a", 1), false);
        Watch watch = store.watch(ApiResources.DEPLOYMENTS, Selector.all(), "");
        assertEquals(EventType.ADDED, next(watch).type());
        store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("b", "b", 1), false);
        Change added = next(watch);
        assertEquals("b", added.object().at("/metadata/name").asText());
    }

    @Test
    void aWatchFromAVersionReplaysOnlyLaterChangesAndAnExpiredVersionIsGone() throws Exception {
        ObjectNode a = store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("a", "a", 1), false);
        store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("b", "b", 1), false);
        Watch watch = store.watch(ApiResources.DEPLOYMENTS, Selector.all(), a.at("/metadata/resourceVersion").asText());
        assertEquals("b", next(watch).object().at("/metadata/name").asText());
        ApiException gone = assertThrows(ApiException.class,
                () -> store.watch(ApiResources.DEPLOYMENTS, Selector.all(), "3"));
        assertEquals(410, gone.code());
    }

    @Test
    void anObjectThatStopsMatchingTheSelectorIsDeletedForThatWatcher() throws Exception {
        store.create(ApiResources.DEPLOYMENTS, "gitpod", deployment("a", "server", 1), false);
        Watch watch = store.watch(ApiResources.DEPLOYMENTS, Selector.parse("gitpod", "component=server", ""), "");
        assertEquals(EventType.ADDED, next(watch).type());
        store.modify(ApiResources.DEPLOYMENTS, "gitpod", "a", false, d -> {
            d.with("metadata").with("labels").put("component", "other");
            return d;
        });
        assertEquals(EventType.DELETED, next(watch).type());
        watch.end();
        assertNull(watch.next(10));
    }

    @Test
    void fieldSelectorsMatchDottedFields() throws Exception {
        ObjectNode pod = JSON.createObjectNode();
        pod.putObject("metadata").put("name", "p");
        pod.putObject("spec").put("nodeName", "node-1");
        store.create(ApiResources.PODS, "gitpod", pod, false);
        assertEquals(1, store.list(ApiResources.PODS, Selector.parse("gitpod", "", "spec.nodeName=node-1")).items().size());
        assertEquals(0, store.list(ApiResources.PODS, Selector.parse("gitpod", "", "spec.nodeName!=node-1")).items().size());
        assertEquals(400, assertThrows(ApiException.class, () -> Selector.parse(null, "a in (", "")).code());
    }

    @Test
    void humanDurationsReadAsKubectlWritesThem() {
        assertEquals("45s", Printer.humanDuration(Duration.ofSeconds(45)));
        assertEquals("3m20s", Printer.humanDuration(Duration.ofSeconds(200)));
        assertEquals("95m", Printer.humanDuration(Duration.ofMinutes(95)));
        assertEquals("5h10m", Printer.humanDuration(Duration.ofMinutes(310)));
        assertEquals("3d4h", Printer.humanDuration(Duration.ofHours(76)));
        assertEquals("400d", Printer.humanDuration(Duration.ofDays(400)));
        assertNotEquals("", Printer.humanDuration(Duration.ofDays(900)));
    }

    private static Change next(Watch watch) throws InterruptedException {
        Change change = watch.next(2000);
        assertTrue(change != null, "no change within 2 s");
        return change;
    }
}
