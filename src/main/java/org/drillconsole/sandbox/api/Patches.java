package org.drillconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three patch types kubectl sends: JSON patch (RFC 6902), JSON merge patch (RFC 7386) and Kubernetes'
 * strategic merge patch, whose lists of objects merge by a key ({@code containers} by name, {@code ports}
 * by port …) and which carries directives ({@code $patch}, {@code $retainKeys},
 * {@code $setElementOrder/…}, {@code $deleteFromPrimitiveList/…}).
 */
public final class Patches {

    public enum Type { JSON, MERGE, STRATEGIC }

    /** The merge key of each list field that merges by key in the built-in kinds. */
    private static final Map<String, String> MERGE_KEYS = Map.ofEntries(
            Map.entry("containers", "name"), Map.entry("initContainers", "name"),
            Map.entry("ephemeralContainers", "name"), Map.entry("env", "name"), Map.entry("volumes", "name"),
            Map.entry("volumeMounts", "mountPath"), Map.entry("volumeDevices", "devicePath"),
            Map.entry("imagePullSecrets", "name"), Map.entry("conditions", "type"),
            Map.entry("ownerReferences", "uid"), Map.entry("hostAliases", "ip"),
            Map.entry("topologySpreadConstraints", "topologyKey"), Map.entry("containerStatuses", "name"),
            Map.entry("initContainerStatuses", "name"), Map.entry("taints", "key"), Map.entry("addresses", "type"));
    /** Lists of plain values that strategic merge treats as sets. */
    private static final Set<String> MERGED_PRIMITIVE_LISTS = Set.of("finalizers");

    private static final tools.jackson.databind.ObjectMapper JACKSON3 = new tools.jackson.databind.json.JsonMapper();

    private Patches() {
    }

    /** The patch type named by a Content-Type header, or empty when the server does not take it. */
    public static java.util.Optional<Type> type(String contentType) {
        String type = contentType.split(";")[0].trim();
        return switch (type) {
            case "application/json-patch+json" -> java.util.Optional.of(Type.JSON);
            case "application/merge-patch+json" -> java.util.Optional.of(Type.MERGE);
            case "application/strategic-merge-patch+json" -> java.util.Optional.of(Type.STRATEGIC);
            default -> java.util.Optional.empty();
        };
    }

    public static JsonNode apply(Type type, JsonNode target, JsonNode patch) throws ApiException {
        return switch (type) {
            case JSON -> json(target, patch);
            case MERGE -> merge(target, patch);
            case STRATEGIC -> strategic(target, patch, "");
        };
    }

    private static JsonNode json(JsonNode target, JsonNode patch) throws ApiException {
        if (!patch.isArray()) {
            throw ApiException.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }
        try {
            // fabric8's zjsonpatch works on Jackson 3 trees: the documents cross over as bytes.
            byte[] result = JACKSON3.writeValueAsBytes(JsonPatch.apply(JACKSON3.readTree(
                    ApiResources.JSON.writeValueAsBytes(patch)), JACKSON3.readTree(ApiResources.JSON.writeValueAsBytes(target))));
            return ApiResources.JSON.readTree(result);
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("the JSON patch could not be read: " + e.getMessage());
        } catch (JsonPatchException | IllegalArgumentException e) {
            throw new ApiException(422, "Invalid", "the server rejected our request due to an error in our request: "
                    + e.getMessage());
        }
    }

    /** JSON merge patch (RFC 7386). */
    public static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ApiResources.JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private static JsonNode strategic(JsonNode target, JsonNode patch, String field) throws ApiException {
        if (!patch.isObject()) {
            return patch;
        }
        String directive = patch.path("$patch").asText("");
        if (directive.equals("replace")) {
            ObjectNode replaced = ((ObjectNode) patch).deepCopy();
            replaced.remove("$patch");
            return replaced;
        }
        if (directive.equals("delete")) {
            return null;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ApiResources.JSON.createObjectNode();
        if (patch.has("$retainKeys")) {
            Set<String> retain = new HashSet<>();
            patch.get("$retainKeys").forEach(key -> retain.add(key.asText()));
            result.retain(retain);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals("$patch") || key.equals("$retainKeys") || key.startsWith("$setElementOrder/")) {
                continue;
            }
            if (key.startsWith("$deleteFromPrimitiveList/")) {
                String list = key.substring("$deleteFromPrimitiveList/".length());
                Set<JsonNode> remove = new HashSet<>();
                value.forEach(remove::add);
                if (result.get(list) instanceof ArrayNode array) {
                    ArrayNode kept = array.arrayNode();
                    array.forEach(item -> {
                        if (!remove.contains(item)) {
                            kept.add(item);
                        }
                    });
                    result.set(list, kept);
                }
                continue;
            }
            if (value.isNull()) {
                result.remove(key);
            } else if (value.isArray()) {
                result.set(key, list(result.get(key), (ArrayNode) value, key));
            } else {
                JsonNode merged = strategic(result.get(key), value, key);
                if (merged == null) {
                    result.remove(key);
                } else {
                    result.set(key, merged);
                }
            }
        }
        return result;
    }

    private static JsonNode list(JsonNode current, ArrayNode patch, String field) throws ApiException {
        String mergeKey = field.equals("ports")
                ? (patch.size() > 0 && patch.get(0).has("containerPort") ? "containerPort" : "port")
                : MERGE_KEYS.get(field);
        if (MERGED_PRIMITIVE_LISTS.contains(field)) {
            ArrayNode result = current instanceof ArrayNode array ? array.deepCopy() : patch.arrayNode();
            patch.forEach(item -> {
                boolean present = false;
                for (JsonNode existing : result) {
                    present |= existing.equals(item);
                }
                if (!present) {
                    result.add(item);
                }
            });
            return result;
        }
        for (JsonNode item : patch) {
            if (item.path("$patch").asText("").equals("replace")) {
                ArrayNode replaced = patch.arrayNode();
                patch.forEach(i -> {
                    if (!i.has("$patch")) {
                        replaced.add(i);
                    }
                });
                return replaced;
            }
        }
        if (mergeKey == null || !(current instanceof ArrayNode existing)) {
            ArrayNode replaced = patch.arrayNode();
            for (JsonNode item : patch) {
                if (!item.path("$patch").asText("").equals("delete")) {
                    replaced.add(item.isObject() ? stripDirectives((ObjectNode) item) : item);
                }
            }
            return replaced;
        }
        List<JsonNode> result = new ArrayList<>();
        existing.forEach(result::add);
        for (JsonNode item : patch) {
            if (!item.isObject() || !item.has(mergeKey)) {
                throw ApiException.badRequest("map: " + item + " does not contain declared merge key: " + mergeKey);
            }
            int at = -1;
            for (int i = 0; i < result.size(); i++) {
                if (result.get(i).path(mergeKey).equals(item.get(mergeKey))) {
                    at = i;
                }
            }
            if (item.path("$patch").asText("").equals("delete")) {
                if (at >= 0) {
                    result.remove(at);
                }
            } else if (at >= 0) {
                result.set(at, strategic(result.get(at), item, field));
            } else {
                result.add(stripDirectives((ObjectNode) item));
            }
        }
        ArrayNode merged = patch.arrayNode();
        result.forEach(merged::add);
        return merged;
    }

    private static JsonNode stripDirectives(ObjectNode item) throws ApiException {
        return strategic(ApiResources.JSON.createObjectNode(), item, "");
    }
}
