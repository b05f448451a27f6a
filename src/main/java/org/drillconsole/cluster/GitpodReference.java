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
