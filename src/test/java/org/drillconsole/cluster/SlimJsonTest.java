package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimList;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceList;
import io.fabric8.kubernetes.api.model.apps.DaemonSetList;
import io.fabric8.kubernetes.api.model.apps.DeploymentList;
import io.fabric8.kubernetes.api.model.apps.StatefulSetList;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobList;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code health} reads its lists token by token ({@link SlimJson}): the objects must be those that
 * {@link SlimReads} (Jackson with mix-ins) reads from the same bytes, field for field, whatever the server
 * fills in; and an answer that is not a Kubernetes list fails as one, never with another kind of error.
 */
class SlimJsonTest {

    private static final KubernetesSerialization WHOLE = new KubernetesSerialization();
    private static final KubernetesSerialization SLIM = SlimReads.serialization();

    /** Each kind health lists: its list class, and how SlimJson reads the list. */
    record Kind(Class<? extends KubernetesResourceList<?>> list, SlimJson.Shape<? extends KubernetesResourceList<?>> shape) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(DeploymentList.class, SlimJson.DEPLOYMENTS),
            new Kind(StatefulSetList.class, SlimJson.STATEFUL_SETS),
            new Kind(DaemonSetList.class, SlimJson.DAEMON_SETS),
            new Kind(NodeList.class, SlimJson.NODES),
            new Kind(PodList.class, SlimJson.PODS),
            new Kind(PersistentVolumeClaimList.class, SlimJson.CLAIMS),
            new Kind(ServiceList.class, SlimJson.SERVICES),
            new Kind(EventList.class, SlimJson.EVENTS),
            new Kind(JobList.class, SlimJson.JOBS),
            new Kind(CronJobList.class, SlimJson.CRON_JOBS));

    @Test
    void readsEveryFieldSlimReadsKeepsAndNothingElseFromObjectsWithEveryFieldFilledIn() throws Exception {
        for (Kind kind : KINDS) {
            String json = WHOLE.asJson(filledList(kind));
            assertTrue(json.contains("\"resourceVersion\"") && json.contains("\"continue\""), json);
            assertEquals(SLIM.unmarshal(json, kind.list()), SlimJson.read(json, kind.shape()),
                    kind.list().getSimpleName());
        }
    }

    @Test
    void readsNullsAndMissingFieldsAsJacksonDoes() {
        String json = "{\"items\": [{\"metadata\": {\"name\": \"server\", \"labels\": null, \"generation\": null},"
                + " \"status\": {\"phase\": null, \"containerStatuses\": null}}, {}]}";
        assertEquals(SLIM.unmarshal(json, PodList.class), SlimJson.read(json, SlimJson.PODS));
        for (String empty : List.of("{\"kind\": \"PodList\", \"items\": []}", "{\"items\": null}", "{}")) {
            assertEquals(SLIM.unmarshal(empty, PodList.class), SlimJson.read(empty, SlimJson.PODS), empty);
        }
    }

    @Test
    void keepsTheDefaultKindAndApiVersionThatListItemsLeaveOut() {
        var pod = SlimJson.read("{\"items\": [{\"metadata\": {\"name\": \"a\"}}]}", SlimJson.PODS).getItems().get(0);
        assertEquals("Pod", pod.getKind());
        assertEquals("v1", pod.getApiVersion());
        assertNull(pod.getSpec(), "a pod's spec is never read");
    }

    @Test
    void anAnswerThatIsNotAKubernetesListFailsAsOneAndIsSaidSo() {
        for (String answer : List.of("<html><body>Sign in</body></html>", "[1, 2]", "\"ok\"", "",
                "{\"items\": [{\"metadata\": {\"name\": 5}}]}", "{\"items\": [{\"status\": {\"phase\": []}}]}",
                "{\"items\": [{\"metadata\": {\"labels\": [\"a\"]}}]}", "{\"items\": [7]}",
                "{\"items\": [{\"status\": {\"containerStatuses\": [{\"restartCount\": \"3\"}]}}]}",
                "{\"items\": [{\"metadata\": {\"generation\": 1.5}}]}", "{\"items\": [{\"metadata\": {")) {
            JacksonException error = assertThrows(JacksonException.class, () -> SlimJson.read(answer, SlimJson.PODS),
                    answer);
            assertTrue(ListFailures.describe(error).startsWith("the server answered, but not with a Kubernetes list"),
                    answer + ": " + ListFailures.describe(error));
        }
    }

    @Test
    void anyValueReplacedByAnotherKindOfValueIsReadOrRefusedAsNotAListNeverAnotherError() {
        Random random = new Random(20261203);
        List<JsonNode> values = List.of(JsonNodeFactory.instance.textNode("x"), JsonNodeFactory.instance.numberNode(3),
                JsonNodeFactory.instance.numberNode(2.5), JsonNodeFactory.instance.booleanNode(true),
                JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.arrayNode().add("a"),
                JsonNodeFactory.instance.objectNode().put("k", "v"), JsonNodeFactory.instance.numberNode(1L << 40));
        JsonMapper mapper = JsonMapper.builder().build();
        int refused = 0;
        int read = 0;
        for (Kind kind : KINDS) {
            JsonNode filled = mapper.readTree(WHOLE.asJson(filledList(kind)));
            for (int round = 0; round < 150; round++) {
                JsonNode mutated = filled.deepCopy();
                List<ObjectNode> holders = new ArrayList<>();
                collectObjects(mutated, holders);
                ObjectNode holder = holders.get(random.nextInt(holders.size()));
                List<String> names = new ArrayList<>(holder.propertyNames());
                if (names.isEmpty()) {
                    continue;
                }
                holder.set(names.get(random.nextInt(names.size())), values.get(random.nextInt(values.size())));
                String json = mapper.writeValueAsString(mutated);
                try {
                    SlimJson.read(json, kind.shape()).getItems();
                    read++;
                } catch (JacksonException notAList) {
                    assertTrue(ListFailures.describe(notAList).startsWith("the server answered, but not with"),
                            json + ": " + ListFailures.describe(notAList));
                    refused++;
                }
            }
        }
        assertTrue(refused > 100 && read > 100, "refused " + refused + ", read " + read);
    }

    /**
     * The objects with the fields the model does not know (which Jackson keeps as "additional properties" and
     * no rule reads; SlimJson skips them) removed, in place, for comparing.
     */
    static <T> List<T> withoutUnknownFields(List<T> objects) {
        objects.forEach(SlimJsonTest::clearUnknown);
        return objects;
    }

    private static void clearUnknown(Object object) {
        if (object instanceof List<?> list) {
            list.forEach(SlimJsonTest::clearUnknown);
            return;
        }
        if (!(object instanceof KubernetesResource)) {
            return;
        }
        try {
            for (Method getter : object.getClass().getMethods()) {
                if (getter.getName().startsWith("get") && getter.getParameterCount() == 0
                        && getter.getDeclaringClass() == object.getClass()) {
                    Object value = getter.invoke(object);
                    if (getter.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> unknown) {
                        unknown.clear();
                    } else {
                        clearUnknown(value);
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
            object.values().forEach(child -> collectObjects(child, into));
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(child -> collectObjects(child, into));
        }
    }

    /** A list of one item, with every field of the model set (nested objects too, a few levels deep). */
    private static KubernetesResourceList<?> filledList(Kind kind) {
        try {
            return (KubernetesResourceList<?>) filled(kind.list(), 0, Set.of());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object filled(Class<?> type, int depth, Set<Class<?>> path) throws ReflectiveOperationException {
        Object object = type.getConstructor().newInstance();
        Set<Class<?>> below = new HashSet<>(path);
        below.add(type);
        for (Method setter : type.getMethods()) {
            if (!setter.getName().startsWith("set") || setter.getParameterCount() != 1
                    || setter.getName().startsWith("setAdditionalPropert")) {
                continue;
            }
            Object value = sample(setter.getGenericParameterTypes()[0], setter.getName().substring(3), depth, below);
            if (value != null) {
                setter.invoke(object, value);
            }
        }
        return object;
    }

    private static Object sample(Type type, String name, int depth, Set<Class<?>> path)
            throws ReflectiveOperationException {
        if (type == String.class) {
            return name.endsWith("Time") || name.endsWith("Timestamp") || name.endsWith("At")
                    ? "2026-12-03T12:00:00Z" : "some-" + name.toLowerCase();
        }
        if (type == Integer.class) {
            return 3;
        }
        if (type == Long.class) {
            return 4L;
        }
        if (type == Boolean.class) {
            return true;
        }
        if (type == Quantity.class) {
            return new Quantity("1");
        }
        if (type == IntOrString.class) {
            return new IntOrString(1);
        }
        if (type == MicroTime.class) {
            return new MicroTime("2026-12-03T12:00:00.123456Z");
        }
        if (type instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            if (generic.getRawType() == List.class) {
                Object element = sample(arguments[0], name, depth, path);
                return element == null ? null : List.of(element);
            }
            if (generic.getRawType() == Map.class && arguments[0] == String.class) {
                Object value = sample(arguments[1], name, depth, path);
                return value == null ? null : Map.of("some-key", value);
            }
            return null;
        }
        if (type instanceof Class<?> model && KubernetesResource.class.isAssignableFrom(model)
                && !model.isInterface() && depth < 6 && !path.contains(model)) {
            return filled(model, depth + 1, path);
        }
        return null;
    }

    @Test
    void theFilledObjectsReallyHaveWhatSlimReadsLeavesOut() {
        String pods = WHOLE.asJson(filledList(KINDS.get(4)));
        assertTrue(pods.contains("\"annotations\"") && pods.contains("\"volumes\"") && pods.contains("\"conditions\""),
                "the generated pod has annotations, volumes in its spec and conditions in its status");
        var pod = SlimJson.read(pods, SlimJson.PODS).getItems().get(0);
        assertTrue(pod.getMetadata().getAnnotations().isEmpty(), "annotations are left out");
        assertFalse(pod.getStatus().getContainerStatuses().isEmpty(), "container statuses are read");
        assertTrue(pod.getStatus().getConditions().isEmpty(), "a pod's own conditions are left out");
    }
}
