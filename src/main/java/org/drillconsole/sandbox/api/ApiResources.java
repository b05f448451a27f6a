package org.drillconsole.sandbox.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The kinds the practice API server serves, and the discovery and OpenAPI documents kubectl reads. */
public final class ApiResources {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SERVER_VERSION = "v1.32.4";

    private static final List<ApiResource> ALL = new ArrayList<>();

    public static final ApiResource PODS = add("", "pods", "Pod", true, List.of("po"), true,
            Set.of("status", "log", "eviction"), Printer.POD);
    public static final ApiResource NODES = add("", "nodes", "Node", false, List.of("no"), false, Set.of("status"),
            Printer.NODE);
    public static final ApiResource SERVICES = add("", "services", "Service", true, List.of("svc"), true,
            Set.of("status"), Printer.SERVICE);
    public static final ApiResource NAMESPACES = add("", "namespaces", "Namespace", false, List.of("ns"), false,
            Set.of("status"), Printer.NAMESPACE);
    public static final ApiResource EVENTS = add("", "events", "Event", true, List.of("ev"), false, Set.of(),
            Printer.EVENT);
    public static final ApiResource CLAIMS = add("", "persistentvolumeclaims", "PersistentVolumeClaim", true,
            List.of("pvc"), false, Set.of("status"), Printer.CLAIM);
    public static final ApiResource SECRETS = add("", "secrets", "Secret", true, List.of(), false, Set.of(),
            Printer.SECRET);
    public static final ApiResource CONFIG_MAPS = add("", "configmaps", "ConfigMap", true, List.of("cm"), false,
            Set.of(), Printer.CONFIG_MAP);
    public static final ApiResource SERVICE_ACCOUNTS = add("", "serviceaccounts", "ServiceAccount", true,
            List.of("sa"), false, Set.of(), Printer.DEFAULT);
    public static final ApiResource DEPLOYMENTS = add("apps", "deployments", "Deployment", true, List.of("deploy"),
            true, Set.of("status", "scale"), Printer.DEPLOYMENT);
    public static final ApiResource STATEFUL_SETS = add("apps", "statefulsets", "StatefulSet", true, List.of("sts"),
            true, Set.of("status", "scale"), Printer.STATEFUL_SET);
    public static final ApiResource DAEMON_SETS = add("apps", "daemonsets", "DaemonSet", true, List.of("ds"), true,
            Set.of("status"), Printer.DAEMON_SET);
    public static final ApiResource REPLICA_SETS = add("apps", "replicasets", "ReplicaSet", true, List.of("rs"), true,
            Set.of("status", "scale"), Printer.REPLICA_SET);
    public static final ApiResource CONTROLLER_REVISIONS = add("apps", "controllerrevisions", "ControllerRevision",
            true, List.of(), false, Set.of(), Printer.DEFAULT);
    public static final ApiResource JOBS = add("batch", "jobs", "Job", true, List.of(), true, Set.of("status"),
            Printer.JOB);
    public static final ApiResource CRON_JOBS = add("batch", "cronjobs", "CronJob", true, List.of("cj"), true,
            Set.of("status"), Printer.CRON_JOB);
    public static final ApiResource DISRUPTION_BUDGETS = add("policy", "poddisruptionbudgets", "PodDisruptionBudget",
            true, List.of("pdb"), false, Set.of("status"), Printer.DEFAULT);
    public static final ApiResource LEASES = add("coordination.k8s.io", "leases", "Lease", true, List.of(), false,
            Set.of(), Printer.DEFAULT);
    public static final ApiResource VELERO_BACKUPS = add("velero.io", "backups", "Backup", true, List.of(), false,
            Set.of(), Printer.DEFAULT);

    private ApiResources() {
    }

    private static ApiResource add(String group, String plural, String kind, boolean namespaced,
                                   List<String> shortNames, boolean inAll, Set<String> subresources, Printer printer) {
        ApiResource resource = new ApiResource(group, "v1", plural, kind, namespaced, shortNames,
                inAll ? List.of("all") : List.of(), subresources, printer);
        ALL.add(resource);
        return resource;
    }

    public static List<ApiResource> all() {
        return List.copyOf(ALL);
    }

    public static Optional<ApiResource> find(String group, String version, String plural) {
        return ALL.stream().filter(r -> r.group().equals(group) && r.version().equals(version)
                && r.plural().equals(plural)).findFirst();
    }

    public static Optional<ApiResource> byKind(String apiVersion, String kind) {
        return ALL.stream().filter(r -> r.apiVersion().equals(apiVersion) && r.kind().equals(kind)).findFirst();
    }

    static Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        ALL.stream().map(ApiResource::group).filter(g -> !g.isEmpty()).forEach(groups::add);
        return groups;
    }

    static boolean servesGroupVersion(String groupVersion) {
        return ALL.stream().anyMatch(r -> r.groupVersion().equals(groupVersion));
    }

    static ObjectNode coreVersions() {
        ObjectNode versions = JSON.createObjectNode().put("kind", "APIVersions");
        versions.putArray("versions").add("v1");
        versions.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", "127.0.0.1");
        return versions;
    }

    static ObjectNode groupList() {
        ObjectNode list = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        for (String group : groups()) {
            ObjectNode entry = groups.addObject().put("name", group);
            entry.putArray("versions").addObject().put("groupVersion", group + "/v1").put("version", "v1");
            entry.putObject("preferredVersion").put("groupVersion", group + "/v1").put("version", "v1");
        }
        return list;
    }

    static ObjectNode resourceList(String groupVersion) {
        ObjectNode list = JSON.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", groupVersion);
        ArrayNode resources = list.putArray("resources");
        for (ApiResource resource : ALL) {
            if (!resource.groupVersion().equals(groupVersion)) {
                continue;
            }
            ObjectNode entry = resources.addObject().put("name", resource.plural())
                    .put("singularName", resource.singular()).put("namespaced", resource.namespaced())
                    .put("kind", resource.kind());
            entry.putArray("verbs").add("create").add("delete").add("deletecollection").add("get").add("list")
                    .add("patch").add("update").add("watch");
            if (!resource.shortNames().isEmpty()) {
                ArrayNode shortNames = entry.putArray("shortNames");
                resource.shortNames().forEach(shortNames::add);
            }
            if (!resource.categories().isEmpty()) {
                ArrayNode categories = entry.putArray("categories");
                resource.categories().forEach(categories::add);
            }
            for (String sub : List.of("status", "scale", "log", "eviction")) {
                if (!resource.has(sub)) {
                    continue;
                }
                ObjectNode subEntry = resources.addObject().put("name", resource.plural() + "/" + sub)
                        .put("singularName", "").put("namespaced", resource.namespaced());
                switch (sub) {
                    case "scale" -> subEntry.put("group", "autoscaling").put("version", "v1").put("kind", "Scale")
                            .putArray("verbs").add("get").add("patch").add("update");
                    case "eviction" -> subEntry.put("group", "policy").put("version", "v1").put("kind", "Eviction")
                            .putArray("verbs").add("create");
                    case "log" -> subEntry.put("kind", resource.kind()).putArray("verbs").add("get");
                    default -> subEntry.put("kind", resource.kind()).putArray("verbs").add("get").add("patch")
                            .add("update");
                }
            }
        }
        return list;
    }

    static ObjectNode version() {
        return JSON.createObjectNode().put("major", "1").put("minor", "32").put("gitVersion", SERVER_VERSION)
                .put("gitCommit", "practice").put("gitTreeState", "clean").put("buildDate", "2026-01-01T00:00:00Z")
                .put("goVersion", "go1.23.6").put("compiler", "gc").put("platform", "linux/amd64");
    }

    /**
     * The OpenAPI v3 index. kubectl reads it to learn that the server validates fields itself
     * ({@code fieldValidation}), so {@code apply}, {@code create}, {@code edit} and {@code replace} do not
     * need the full schemas.
     */
    static ObjectNode openApiIndex() {
        ObjectNode index = JSON.createObjectNode();
        ObjectNode paths = index.putObject("paths");
        Map<String, String> groupVersions = new LinkedHashMap<>();
        ALL.forEach(r -> groupVersions.put(r.group().isEmpty() ? "api/v1" : "apis/" + r.groupVersion(), ""));
        groupVersions.keySet().forEach(path -> paths.putObject(path)
                .put("serverRelativeURL", "/openapi/v3/" + path + "?hash=practice"));
        return index;
    }

    /** One group version's OpenAPI v3 document: every kind's PATCH operation with its query parameters. */
    static Optional<ObjectNode> openApi(String groupVersion) {
        if (!servesGroupVersion(groupVersion)) {
            return Optional.empty();
        }
        ObjectNode doc = JSON.createObjectNode().put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", SERVER_VERSION);
        ObjectNode paths = doc.putObject("paths");
        for (ApiResource resource : ALL) {
            if (!resource.groupVersion().equals(groupVersion)) {
                continue;
            }
            ObjectNode patch = paths.putObject(resource.path(resource.namespaced() ? "{namespace}" : null) + "/{name}")
                    .putObject("patch");
            patch.putObject("x-kubernetes-group-version-kind").put("group", resource.group())
                    .put("version", resource.version()).put("kind", resource.kind());
            ArrayNode parameters = patch.putArray("parameters");
            for (String name : List.of("dryRun", "fieldManager", "fieldValidation", "force")) {
                parameters.addObject().put("name", name).put("in", "query").putObject("schema").put("type", "string");
            }
            patch.putObject("responses");
        }
        doc.putObject("components").putObject("schemas");
        return Optional.of(doc);
    }
}
