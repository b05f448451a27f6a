package org.drillconsole.cluster;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import org.drillconsole.model.WorkloadKind;

/**
 * What a Gitpod 2022.11 self-hosted install contains. Components are discovered by label; this list only
 * tells which ones are missing.
 */
public final class GitpodReference {

    public static final String APP_SELECTOR_KEY = "app";
    public static final String APP_SELECTOR_VALUE = "gitpod";
    public static final String COMPONENT_LABEL = "component";
    public static final String WORKSPACE_COMPONENT = "workspace";
    public static final String PROXY_SERVICE = "proxy";

    public static final List<String> NODE_LABELS = List.of(
            "gitpod.io/workload_meta",
            "gitpod.io/workload_ide",
            "gitpod.io/workload_workspace_services",
            "gitpod.io/workload_workspace_regular",
            "gitpod.io/workload_workspace_headless");

    /** Components every install runs, with the replica count a default install uses. */
    public static final Map<String, WorkloadKind> CORE = Map.ofEntries(
            Map.entry("server", WorkloadKind.DEPLOYMENT),
            Map.entry("proxy", WorkloadKind.DEPLOYMENT),
            Map.entry("dashboard", WorkloadKind.DEPLOYMENT),
            Map.entry("content-service", WorkloadKind.DEPLOYMENT),
            Map.entry("public-api-server", WorkloadKind.DEPLOYMENT),
            Map.entry("ide-service", WorkloadKind.DEPLOYMENT),
            Map.entry("ide-metrics", WorkloadKind.DEPLOYMENT),
            Map.entry("ide-proxy", WorkloadKind.DEPLOYMENT),
            Map.entry("image-builder-mk3", WorkloadKind.DEPLOYMENT),
            Map.entry("ws-manager", WorkloadKind.DEPLOYMENT),
            Map.entry("ws-manager-bridge", WorkloadKind.DEPLOYMENT),
            Map.entry("ws-proxy", WorkloadKind.DEPLOYMENT),
            Map.entry("blobserve", WorkloadKind.DEPLOYMENT),
            Map.entry("openvsx-proxy", WorkloadKind.STATEFULSET),
            Map.entry("ws-daemon", WorkloadKind.DAEMONSET),
            Map.entry("registry-facade", WorkloadKind.DAEMONSET),
            Map.entry("agent-smith", WorkloadKind.DAEMONSET));

    /**
     * In-cluster dependencies: production installs use external ones, so their absence is shown but
     * does not degrade the verdict.
     */
    public static final Map<String, WorkloadKind> IN_CLUSTER_DEPENDENCIES = Map.of(
            "mysql", WorkloadKind.STATEFULSET,
            "messagebus", WorkloadKind.STATEFULSET,
            "minio", WorkloadKind.DEPLOYMENT,
            "registry", WorkloadKind.DEPLOYMENT);

    /**
     * The serving path: with no available replica of one of these Gitpod cannot serve anyone. proxy is the
     * way in for every request, server answers the dashboard and the API, ws-manager starts and stops every
     * workspace; mysql holds the users, teams and workspaces server reads on every request, and messagebus
     * carries the workspace updates server and ws-manager-bridge exchange (both only when in the cluster).
     */
    public static final List<String> SERVING_PATH = List.of("proxy", "server", "ws-manager", "mysql", "messagebus");

    /** The Helm chart label ({@code app.kubernetes.io/name}) of each in-cluster dependency. */
    private static final Map<String, String> HELM_NAMES = Map.of(
            "mysql", "mysql", "rabbitmq", "messagebus", "minio", "minio");

    /**
     * Which in-cluster dependency a workload is, from its Helm labels ({@code app.kubernetes.io/name=mysql},
     * {@code rabbitmq}, {@code minio}; {@code app=docker-registry}) or, failing those, its name.
     */
    public static java.util.Optional<String> dependency(Map<String, String> labels, String name) {
        Map<String, String> known = labels == null ? Map.of() : labels;
        String helm = HELM_NAMES.get(known.getOrDefault("app.kubernetes.io/name", ""));
        if (helm != null) {
            return java.util.Optional.of(helm);
        }
        if ("docker-registry".equals(known.get("app"))) {
            return java.util.Optional.of("registry");
        }
        return IN_CLUSTER_DEPENDENCIES.containsKey(name) ? java.util.Optional.of(name) : java.util.Optional.empty();
    }

    /** A Gitpod component's name ({@code app=gitpod} and {@code component}), or empty for anything else. */
    public static java.util.Optional<String> component(Map<String, String> labels) {
        if (labels == null || !APP_SELECTOR_VALUE.equals(labels.get(APP_SELECTOR_KEY))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(labels.get(COMPONENT_LABEL));
    }

    /** Velero's backups: the installation snapshot that Backup and Restore starts from. */
    public static final ResourceDefinitionContext VELERO_BACKUP = new ResourceDefinitionContext.Builder()
            .withGroup("velero.io").withVersion("v1").withKind("Backup").withPlural("backups").withNamespaced(true)
            .build();

    private GitpodReference() {
    }

    public static String appSelector() {
        return APP_SELECTOR_KEY + "=" + APP_SELECTOR_VALUE;
    }
}
