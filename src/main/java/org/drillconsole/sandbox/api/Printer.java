package org.drillconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The server-side tables behind {@code kubectl get}: the same columns, in the same order and with the
 * same wording, as a real API server's printers for each kind ({@code -o wide} shows the priority-1 ones).
 */
public enum Printer {
    POD(col("Ready"), col("Status"), col("Restarts"), col("Age"), wide("IP"), wide("Node"), wide("Nominated Node"),
            wide("Readiness Gates")),
    DEPLOYMENT(col("Ready"), col("Up-to-date"), col("Available"), col("Age"), wide("Containers"), wide("Images"),
            wide("Selector")),
    STATEFUL_SET(col("Ready"), col("Age"), wide("Containers"), wide("Images")),
    DAEMON_SET(col("Desired"), col("Current"), col("Ready"), col("Up-to-date"), col("Available"),
            col("Node Selector"), col("Age"), wide("Containers"), wide("Images"), wide("Selector")),
    REPLICA_SET(col("Desired"), col("Current"), col("Ready"), col("Age"), wide("Containers"), wide("Images"),
            wide("Selector")),
    SERVICE(col("Type"), col("Cluster-IP"), col("External-IP"), col("Port(s)"), col("Age"), wide("Selector")),
    NODE(col("Status"), col("Roles"), col("Age"), col("Version"), wide("Internal-IP"), wide("External-IP"),
            wide("OS-Image"), wide("Kernel-Version"), wide("Container-Runtime")),
    JOB(col("Status"), col("Completions"), col("Duration"), col("Age"), wide("Containers"), wide("Images"),
            wide("Selector")),
    CRON_JOB(col("Schedule"), col("Timezone"), col("Suspend"), col("Active"), col("Last Schedule"), col("Age"),
            wide("Containers"), wide("Images"), wide("Selector")),
    EVENT(col("Last Seen"), col("Type"), col("Reason"), col("Object"), wide("Subobject"), wide("Source"),
            col("Message"), wide("First Seen"), wide("Count"), wide("Name")),
    CLAIM(col("Status"), col("Volume"), col("Capacity"), col("Access Modes"), col("StorageClass"),
            col("VolumeAttributesClass"), col("Age"), wide("VolumeMode")),
    NAMESPACE(col("Status"), col("Age")),
    SECRET(col("Type"), col("Data"), col("Age")),
    CONFIG_MAP(col("Data"), col("Age")),
    DEFAULT(col("Age"));

    private record Column(String name, int priority) {
    }

    private final List<Column> columns;

    Printer(Column... columns) {
        List<Column> all = new ArrayList<>();
        // Events are listed by when they were last seen; every other table starts with the name.
        if (columns.length == 0 || !columns[0].name().equals("Last Seen")) {
            all.add(col("Name"));
        }
        all.addAll(List.of(columns));
        this.columns = List.copyOf(all);
    }

    private static Column col(String name) {
        return new Column(name, 0);
    }

    private static Column wide(String name) {
        return new Column(name, 1);
    }

    /** A Table of the objects, each row with its object (full, or its metadata only, as asked). */
    ObjectNode table(List<ObjectNode> objects, String resourceVersion, boolean fullObject, Instant now) {
        ObjectNode table = ApiResources.JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", resourceVersion);
        ArrayNode definitions = table.putArray("columnDefinitions");
        for (Column column : columns) {
            definitions.addObject().put("name", column.name())
                    .put("type", "string")
                    .put("format", column.name().equals("Name") ? "name" : "").put("description", column.name())
                    .put("priority", column.priority());
        }
        ArrayNode rows = table.putArray("rows");
        for (ObjectNode object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            cells(object, now).forEach(cells::add);
            if (fullObject) {
                row.set("object", object);
            } else {
                ObjectNode partial = row.putObject("object").put("kind", "PartialObjectMetadata")
                        .put("apiVersion", "meta.k8s.io/v1");
                partial.set("metadata", object.get("metadata"));
            }
        }
        return table;
    }

    private List<String> cells(ObjectNode o, Instant now) {
        JsonNode meta = o.path("metadata");
        JsonNode spec = o.path("spec");
        JsonNode status = o.path("status");
        String name = meta.path("name").asText();
        String age = age(meta.path("creationTimestamp").asText(""), now);
        JsonNode podSpec = spec.path("template").path("spec");
        return switch (this) {
            case POD -> List.of(name, podReady(o), podStatus(o), restarts(o), age, text(status.path("podIP")),
                    text(spec.path("nodeName")), "<none>", "<none>");
            case DEPLOYMENT -> List.of(name, status.path("readyReplicas").asInt() + "/" + spec.path("replicas").asInt(1),
                    status.path("updatedReplicas").asText("0"), status.path("availableReplicas").asText("0"), age,
                    containers(podSpec, "name"), containers(podSpec, "image"), matchLabels(spec.path("selector")));
            case STATEFUL_SET -> List.of(name, status.path("readyReplicas").asInt() + "/"
                    + spec.path("replicas").asInt(1), age, containers(podSpec, "name"), containers(podSpec, "image"));
            case DAEMON_SET -> List.of(name, status.path("desiredNumberScheduled").asText("0"),
                    status.path("currentNumberScheduled").asText("0"), status.path("numberReady").asText("0"),
                    status.path("updatedNumberScheduled").asText("0"), status.path("numberAvailable").asText("0"),
                    labels(podSpec.path("nodeSelector")), age, containers(podSpec, "name"),
                    containers(podSpec, "image"), matchLabels(spec.path("selector")));
            case REPLICA_SET -> List.of(name, spec.path("replicas").asText("1"), status.path("replicas").asText("0"),
                    status.path("readyReplicas").asText("0"), age, containers(podSpec, "name"),
                    containers(podSpec, "image"), matchLabels(spec.path("selector")));
            case SERVICE -> List.of(name, spec.path("type").asText("ClusterIP"), text(spec.path("clusterIP")),
                    externalIp(o), ports(spec), age, labels(spec.path("selector")));
            case NODE -> List.of(name, nodeStatus(o), roles(meta), age,
                    status.path("nodeInfo").path("kubeletVersion").asText(""), address(status, "InternalIP"),
                    address(status, "ExternalIP"), text(status.path("nodeInfo").path("osImage")),
                    text(status.path("nodeInfo").path("kernelVersion")),
                    text(status.path("nodeInfo").path("containerRuntimeVersion")));
            case JOB -> List.of(name, jobStatus(status), status.path("succeeded").asInt() + "/"
                    + spec.path("completions").asInt(1), jobDuration(status, now), age, containers(podSpec, "name"),
                    containers(podSpec, "image"), matchLabels(spec.path("selector")));
            case CRON_JOB -> {
                JsonNode jobPod = spec.path("jobTemplate").path("spec").path("template").path("spec");
                yield List.of(name, spec.path("schedule").asText(), text(spec.path("timeZone")),
                        spec.path("suspend").asBoolean(false) ? "True" : "False",
                        Integer.toString(status.path("active").size()),
                        status.has("lastScheduleTime") ? age(status.path("lastScheduleTime").asText(), now) : "<none>",
                        age, containers(jobPod, "name"), containers(jobPod, "image"),
                        matchLabels(spec.path("jobTemplate").path("spec").path("selector")));
            }
            case EVENT -> {
                String last = o.path("lastTimestamp").asText(o.path("eventTime").asText(""));
                JsonNode involved = o.path("involvedObject");
                yield List.of(age(last, now), o.path("type").asText(), o.path("reason").asText(),
                        involved.path("kind").asText().toLowerCase(Locale.ROOT) + "/" + involved.path("name").asText(),
                        involved.path("fieldPath").asText(""), o.path("source").path("component").asText(""),
                        o.path("message").asText(""), age(o.path("firstTimestamp").asText(last), now),
                        o.path("count").asText("1"), name);
            }
            case CLAIM -> List.of(name, status.path("phase").asText("Pending"), spec.path("volumeName").asText(""),
                    status.path("capacity").path("storage").asText(""), accessModes(status.path("accessModes")),
                    spec.path("storageClassName").asText("<unset>"), "<unset>", age,
                    spec.path("volumeMode").asText("Filesystem"));
            case NAMESPACE -> List.of(name, status.path("phase").asText("Active"), age);
            case SECRET -> List.of(name, o.path("type").asText("Opaque"), Integer.toString(o.path("data").size()), age);
            case CONFIG_MAP -> List.of(name, Integer.toString(o.path("data").size() + o.path("binaryData").size()), age);
            case DEFAULT -> List.of(name, age);
        };
    }

    /** kubectl's human durations: 45s, 3m20s, 95m, 5h10m, 3d4h, 400d, 2y30d. */
    static String humanDuration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + seconds % 60 + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            return minutes % 60 == 0 ? hours + "h" : hours + "h" + minutes % 60 + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            return hours % 24 == 0 ? hours / 24 + "d" : hours / 24 + "d" + hours % 24 + "h";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        }
        long days = hours / 24;
        return days % 365 == 0 ? days / 365 + "y" : days / 365 + "y" + days % 365 + "d";
    }

    private static String age(String timestamp, Instant now) {
        if (timestamp.isEmpty()) {
            return "<unknown>";
        }
        try {
            return humanDuration(Duration.between(Instant.parse(timestamp), now));
        } catch (DateTimeParseException e) {
            return "<unknown>";
        }
    }

    private static String text(JsonNode value) {
        String text = value.asText("");
        return text.isEmpty() ? "<none>" : text;
    }

    private static String podReady(JsonNode pod) {
        JsonNode containers = pod.path("spec").path("containers");
        int ready = 0;
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            if (status.path("ready").asBoolean()) {
                ready++;
            }
        }
        return ready + "/" + containers.size();
    }

    /** kubectl's STATUS: the pod's reason, else a container's waiting or terminated reason, else the phase. */
    static String podStatus(JsonNode pod) {
        JsonNode status = pod.path("status");
        String reason = status.path("reason").asText(status.path("phase").asText("Pending"));
        for (JsonNode container : status.path("containerStatuses")) {
            JsonNode state = container.path("state");
            String waiting = state.path("waiting").path("reason").asText("");
            String terminated = state.path("terminated").path("reason").asText("");
            if (!waiting.isEmpty()) {
                reason = waiting;
            } else if (!terminated.isEmpty()) {
                reason = terminated;
            }
        }
        if (pod.path("metadata").has("deletionTimestamp")) {
            reason = "Terminating";
        }
        return reason;
    }

    private static String restarts(JsonNode pod) {
        int restarts = 0;
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            restarts += status.path("restartCount").asInt();
        }
        return Integer.toString(restarts);
    }

    private static String containers(JsonNode podSpec, String field) {
        List<String> values = new ArrayList<>();
        podSpec.path("containers").forEach(c -> values.add(c.path(field).asText()));
        return values.isEmpty() ? "<none>" : String.join(",", values);
    }

    private static String matchLabels(JsonNode selector) {
        return labels(selector.path("matchLabels"));
    }

    private static String labels(JsonNode map) {
        Map<String, String> sorted = new TreeMap<>();
        map.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        return sorted.isEmpty() ? "<none>" : sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static String externalIp(JsonNode service) {
        List<String> addresses = new ArrayList<>();
        service.path("status").path("loadBalancer").path("ingress").forEach(i ->
                addresses.add(i.path("ip").asText(i.path("hostname").asText(""))));
        String type = service.path("spec").path("type").asText("ClusterIP");
        if (addresses.isEmpty()) {
            return type.equals("LoadBalancer") ? "<pending>" : "<none>";
        }
        return String.join(",", addresses);
    }

    private static String ports(JsonNode spec) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : spec.path("ports")) {
            String nodePort = port.has("nodePort") ? ":" + port.get("nodePort").asText() : "";
            ports.add(port.path("port").asText() + nodePort + "/" + port.path("protocol").asText("TCP"));
        }
        return ports.isEmpty() ? "<none>" : String.join(",", ports);
    }

    private static String nodeStatus(JsonNode node) {
        String ready = "Unknown";
        for (JsonNode condition : node.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                ready = condition.path("status").asText().equals("True") ? "Ready" : "NotReady";
            }
        }
        return node.path("spec").path("unschedulable").asBoolean(false) ? ready + ",SchedulingDisabled" : ready;
    }

    private static String roles(JsonNode meta) {
        List<String> roles = new ArrayList<>();
        meta.path("labels").fieldNames().forEachRemaining(label -> {
            if (label.startsWith("node-role.kubernetes.io/")) {
                roles.add(label.substring("node-role.kubernetes.io/".length()));
            }
        });
        return roles.isEmpty() ? "<none>" : String.join(",", roles);
    }

    private static String address(JsonNode status, String type) {
        for (JsonNode address : status.path("addresses")) {
            if (address.path("type").asText().equals(type)) {
                return address.path("address").asText();
            }
        }
        return "<none>";
    }

    private static String jobStatus(JsonNode status) {
        for (JsonNode condition : status.path("conditions")) {
            if (condition.path("status").asText().equals("True")) {
                switch (condition.path("type").asText()) {
                    case "Complete" -> {
                        return "Complete";
                    }
                    case "Failed" -> {
                        return "Failed";
                    }
                    case "Suspended" -> {
                        return "Suspended";
                    }
                    default -> {
                        // other conditions do not name the job's state
                    }
                }
            }
        }
        return "Running";
    }

    private static String jobDuration(JsonNode status, Instant now) {
        if (!status.has("startTime")) {
            return "";
        }
        Instant start = Instant.parse(status.get("startTime").asText());
        Instant end = status.has("completionTime") ? Instant.parse(status.get("completionTime").asText()) : now;
        return humanDuration(Duration.between(start, end));
    }

    private static String accessModes(JsonNode modes) {
        List<String> shortModes = new ArrayList<>();
        for (JsonNode mode : modes) {
            shortModes.add(switch (mode.asText()) {
                case "ReadWriteOnce" -> "RWO";
                case "ReadOnlyMany" -> "ROX";
                case "ReadWriteMany" -> "RWX";
                case "ReadWriteOncePod" -> "RWOP";
                default -> mode.asText();
            });
        }
        return String.join(",", shortModes);
    }
}
