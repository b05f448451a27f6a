package org.drillconsole.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.drillconsole.model.journal.RunSummary;

/**
 * The measured figures as the JSON report and earlier journals' SUMMARY events hold them, and the runs
 * table's parameters column.
 */
public final class RunJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunJson() {
    }

    /** Parameter values as a JSON object, in their order (the runs table's parameters column). */
    static String parameters(java.util.Map<String, String> values) {
        ObjectNode object = JSON.createObjectNode();
        values.forEach(object::put);
        return object.toString();
    }

    /** Reads what {@link #parameters} wrote. */
    static java.util.Map<String, String> readParameterObject(String json) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        try {
            JSON.readTree(json == null ? "{}" : json).fields()
                    .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.Map.of();
        }
        return values;
    }

    /** The measured figures as the SUMMARY event holds them (durations in milliseconds, times ISO-8601). */
    public static ObjectNode summaryTree(RunSummary s) {
        ObjectNode root = JSON.createObjectNode();
        putMillis(root, "rtoMillis", s.rto());
        putMillis(root, "rtoObjectiveMillis", s.rtoObjective());
        putMillis(root, "rpoMillis", s.rpo());
        putMillis(root, "rpoObjectiveMillis", s.rpoObjective());
        putMillis(root, "humanMillis", s.humanTime());
        putMillis(root, "clusterMillis", s.clusterTime());
        root.put("cleanupDone", s.cleanupDone());
        root.put("standbyNodes", s.standbyNodes());
        root.put("outageStart", s.outageStart() == null ? null : s.outageStart().toString());
        root.put("outageStartSource", s.outageStartSource());
        if (s.recoveryProblem() != null) {
            root.put("recoveryProblem", s.recoveryProblem());
        }
        return root;
    }

    /** Reads what {@link #summary} wrote; null for text that is not a summary. */
    public static RunSummary readSummary(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            return new RunSummary(millis(root, "rtoMillis"), millis(root, "rtoObjectiveMillis"),
                    millis(root, "rpoMillis"), millis(root, "rpoObjectiveMillis"), millis(root, "humanMillis"),
                    millis(root, "clusterMillis"), root.path("cleanupDone").isBoolean()
                    ? root.get("cleanupDone").booleanValue() : null,
                    root.path("standbyNodes").isInt() ? root.get("standbyNodes").intValue() : null,
                    root.path("outageStart").isTextual() ? Instant.parse(root.get("outageStart").textValue()) : null,
                    root.path("outageStartSource").isTextual() ? root.get("outageStartSource").textValue() : null,
                    root.path("recoveryProblem").isTextual() ? root.get("recoveryProblem").textValue() : null);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static void putMillis(ObjectNode node, String field, Duration value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toMillis());
        }
    }

    private static Duration millis(JsonNode root, String field) {
        JsonNode value = root.path(field);
        return value.isNumber() ? Duration.ofMillis(value.longValue()) : null;
    }
}
