package org.drillconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.drillconsole.model.drill.LabelSelector;
import org.drillconsole.model.drill.LabelSelectors;

/** A list's or watch's filter: namespace, label selector and field selector, as the API evaluates them. */
public record Selector(String namespace, LabelSelector labels, List<FieldRequirement> fields)
        implements Predicate<ObjectNode> {

    /** {@code path=value} or {@code path!=value} on a dotted field path such as {@code spec.nodeName}. */
    public record FieldRequirement(String path, boolean equal, String value) {
        boolean matches(ObjectNode object) {
            return equal == value.equals(field(object, path));
        }
    }

    public static Selector all() {
        return new Selector(null, new LabelSelector(List.of()), List.of());
    }

    public static Selector parse(String namespace, String labelSelector, String fieldSelector) throws ApiException {
        LabelSelector labels;
        try {
            labels = labelSelector.isBlank() ? new LabelSelector(List.of()) : LabelSelectors.parse(labelSelector);
        } catch (LabelSelectors.SelectorException e) {
            throw ApiException.badRequest("unable to parse requirement: " + e.getMessage());
        }
        List<FieldRequirement> fields = new ArrayList<>();
        for (String term : fieldSelector.split(",")) {
            if (term.isBlank()) {
                continue;
            }
            int notEqual = term.indexOf("!=");
            int equal = term.indexOf('=');
            if (notEqual > 0) {
                fields.add(new FieldRequirement(term.substring(0, notEqual).trim(), false,
                        term.substring(notEqual + 2).trim()));
            } else if (equal > 0) {
                String value = term.substring(equal + 1);
                fields.add(new FieldRequirement(term.substring(0, equal).trim(), true,
                        (value.startsWith("=") ? value.substring(1) : value).trim()));
            } else {
                throw ApiException.badRequest("invalid selector: '" + fieldSelector + "'; can't understand '" + term
                        + "'");
            }
        }
        return new Selector(namespace, labels, List.copyOf(fields));
    }

    @Override
    public boolean test(ObjectNode object) {
        if (namespace != null && !namespace.equals(object.path("metadata").path("namespace").asText())) {
            return false;
        }
        if (!labels.requirements().isEmpty() && !labels.matches(labels(object))) {
            return false;
        }
        for (FieldRequirement field : fields) {
            if (!field.matches(object)) {
                return false;
            }
        }
        return true;
    }

    public static Map<String, String> labels(JsonNode object) {
        Map<String, String> labels = new HashMap<>();
        object.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(),
                e.getValue().asText()));
        return labels;
    }

    /** A dotted field's text, "" when absent. */
    static String field(JsonNode object, String path) {
        JsonNode node = object;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isValueNode() ? node.asText() : "";
    }
}
