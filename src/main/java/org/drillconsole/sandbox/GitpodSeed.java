package org.drillconsole.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drillconsole.cluster.GitpodReference;
import org.drillconsole.model.Side;
import org.drillconsole.sandbox.api.ApiException;
import org.drillconsole.sandbox.api.ApiResource;
import org.drillconsole.sandbox.api.ApiResources;
import org.drillconsole.sandbox.api.ObjectStore;

/**
 * Seeds a practice cluster shaped like a Gitpod 2022.11 install with external database, storage and
 * registry. The primary runs every component at its usual replicas on labelled nodes; the standby is a
 * pilot light: the same components at 0 replicas, on fewer nodes, with only its message bus running.
 * Objects go straight into the store; the controllers then create ReplicaSets and pods as a real control
 * plane would.
 */
final class GitpodSeed {

    static final String NAMESPACE = "gitpod";
    static final String VERSION = "2022.11.3";
    static final String KUBELET_VERSION = "v1.32.4";
    /** The primary's Velero installation backup, which the controllers renew and the backup-age control ages. */
    static final String VELERO_NAMESPACE = "velero";
    static final String NIGHTLY_BACKUP = "gitpod-nightly";
    /** Usual replica counts of a default install; DaemonSets follow the nodes. */
    static final Map<String, Integer> REPLICAS = new LinkedHashMap<>();

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        REPLICAS.put("server", 2);
        REPLICAS.put("proxy", 2);
        REPLICAS.put("dashboard", 2);
        REPLICAS.put("content-service", 1);
        REPLICAS.put("public-api-server", 1);
        REPLICAS.put("ide-service", 1);
        REPLICAS.put("ide-metrics", 1);
        REPLICAS.put("ide-proxy", 1);
        REPLICAS.put("image-builder-mk3", 1);
        REPLICAS.put("ws-manager", 1);
        REPLICAS.put("ws-manager-bridge", 1);
        REPLICAS.put("ws-proxy", 1);
        REPLICAS.put("blobserve", 1);
        REPLICAS.put("openvsx-proxy", 1);
        REPLICAS.put("messagebus", 1);
    }

    private GitpodSeed() {
    }

    /**
     * What the pilot light keeps burning on the standby: messagebus, an in-cluster dependency (RabbitMQ from its
     * Helm chart, not labelled {@code app=gitpod}), stays running so that scaling Gitpod's own components up is
     * all a failover needs.
     */
    static boolean keptRunning(String component) {
        return component.equals("messagebus");
    }

    /** Which of the {@link #REPLICAS} workloads a Gitpod install runs as StatefulSets. */
    static boolean isStatefulSet(String component) {
        return component.equals("openvsx-proxy") || component.equals("messagebus");
    }

    static void seed(ObjectStore store, Side side, SandboxOptions options) throws ApiException {
        boolean primary = side == Side.PRIMARY;
        for (String ns : new String[] {NAMESPACE, "cert-manager", VELERO_NAMESPACE, "default", "kube-system"}) {
            ObjectNode namespace = object(ns, null);
            namespace.putObject("spec").putArray("finalizers").add("kubernetes");
            namespace.putObject("status").put("phase", "Active");
            store.create(ApiResources.NAMESPACES, null, namespace, false);
        }
        int nodeCount = primary ? 5 : 2;
        for (int i = 1; i <= nodeCount + options.extraNodes(); i++) {
            store.create(ApiResources.NODES, null, node(side.key() + "-node-" + i, i, i <= nodeCount), false);
        }
        REPLICAS.forEach((name, replicas) -> create(store, isStatefulSet(name) ? ApiResources.STATEFUL_SETS
                : ApiResources.DEPLOYMENTS, workload(name, primary || keptRunning(name) ? replicas : 0,
                isStatefulSet(name))));
        for (String name : new String[] {"ws-daemon", "registry-facade", "agent-smith"}) {
            ObjectNode ds = workload(name, -1, false);
            ds.with("spec").with("template").with("spec").putObject("nodeSelector")
                    .put(GitpodReference.NODE_LABELS.get(0), "true");
            create(store, ApiResources.DAEMON_SETS, ds);
        }
        ObjectNode proxy = object(GitpodReference.PROXY_SERVICE, NAMESPACE);
        proxy.with("metadata").set("labels", labels("proxy"));
        ObjectNode serviceSpec = proxy.putObject("spec").put("type", "LoadBalancer")
                .put("clusterIP", primary ? "10.96.12.40" : "10.96.22.40").put("externalTrafficPolicy", "Cluster");
        serviceSpec.set("selector", labels("proxy"));
        ArrayNode ports = serviceSpec.putArray("ports");
        ports.addObject().put("name", "http").put("port", 80).put("protocol", "TCP").put("targetPort", 80)
                .put("nodePort", 31080);
        ports.addObject().put("name", "https").put("port", 443).put("protocol", "TCP").put("targetPort", 443)
                .put("nodePort", 31443);
        // Documentation addresses (RFC 5737): nothing is ever sent there.
        proxy.putObject("status").putObject("loadBalancer").putArray("ingress").addObject()
                .put("ip", PracticeNetwork.proxyAddress(side));
        create(store, ApiResources.SERVICES, proxy);
        ObjectNode secret = object("https-certificates", NAMESPACE).put("type", "kubernetes.io/tls");
        secret.putObject("data").put("tls.crt", base64("practice")).put("tls.key", base64("practice"));
        create(store, ApiResources.SECRETS, secret);
        ObjectNode claim = object("data-messagebus-0", NAMESPACE);
        claim.with("metadata").set("labels", labels("messagebus"));
        ObjectNode claimSpec = claim.putObject("spec").put("storageClassName", "standard")
                .put("volumeMode", "Filesystem").put("volumeName", "pvc-" + side.key() + "-messagebus");
        claimSpec.putArray("accessModes").add("ReadWriteOnce");
        claimSpec.putObject("resources").putObject("requests").put("storage", "8Gi");
        ObjectNode claimStatus = claim.putObject("status").put("phase", "Bound");
        claimStatus.putArray("accessModes").add("ReadWriteOnce");
        claimStatus.putObject("capacity").put("storage", "8Gi");
        create(store, ApiResources.CLAIMS, claim);
        // Gitpod's DNS name points at the primary's proxy; the dns control moves it.
        ObjectNode dns = object(PracticeNetwork.CONFIG_MAP, PracticeNetwork.NAMESPACE);
        ObjectNode records = dns.putObject("data");
        PracticeNetwork.records(PracticeNetwork.proxyAddress(Side.PRIMARY)).forEach(records::put);
        create(store, ApiResources.CONFIG_MAPS, dns);
        // The installer's database migrations ran to completion; telemetry is sent daily.
        ObjectNode migrations = workload("migrations", -1, false);
        migrations.with("spec").put("completions", 1).put("backoffLimit", 6).with("template").with("spec")
                .put("restartPolicy", "Never");
        create(store, ApiResources.JOBS, migrations);
        ObjectNode telemetry = object("gitpod-telemetry", NAMESPACE);
        telemetry.with("metadata").set("labels", labels("gitpod-telemetry"));
        ObjectNode jobTemplate = telemetry.putObject("spec").put("schedule", "0 3 * * *").put("suspend", false)
                .put("concurrencyPolicy", "Forbid").putObject("jobTemplate").putObject("spec");
        jobTemplate.set("template", workload("gitpod-telemetry", -1, false).path("spec").path("template"));
        Instant lastRun = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS);
        if (lastRun.isAfter(Instant.now())) {
            lastRun = lastRun.minus(1, ChronoUnit.DAYS);
        }
        telemetry.putObject("status").put("lastScheduleTime", lastRun.toString())
                .put("lastSuccessfulTime", lastRun.plusSeconds(14).toString());
        create(store, ApiResources.CRON_JOBS, telemetry);
        int workspaces = (primary ? 2 : 0) + options.extraPods();
        for (int i = 0; i < workspaces; i++) {
            create(store, ApiResources.PODS, runningWorkspace("ws-" + String.format("%05d", i),
                    side.key() + "-node-" + (1 + i % nodeCount)));
        }
        if (primary) {
            // Velero's nightly installation backup, finished ten minutes ago: the weekly readiness check reads it.
            ObjectNode backup = object(NIGHTLY_BACKUP, VELERO_NAMESPACE);
            backup.putObject("spec").putArray("includedNamespaces").add(NAMESPACE);
            backup.putObject("status").put("phase", "Completed").put("completionTimestamp",
                    Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS).toString());
            create(store, ApiResources.VELERO_BACKUPS, backup);
            ObjectNode event = object("ws-daemon.practice", NAMESPACE).put("type", "Warning").put("reason", "BackOff")
                    .put("message", "practice: a past image pull was retried").put("count", 1)
                    .put("lastTimestamp", ObjectStore.now()).put("firstTimestamp", ObjectStore.now());
            event.putObject("involvedObject").put("kind", "DaemonSet").put("name", "ws-daemon")
                    .put("namespace", NAMESPACE);
            event.putObject("source").put("component", "kubelet");
            create(store, ApiResources.EVENTS, event);
        }
    }

    private static void create(ObjectStore store, ApiResource kind, ObjectNode object) {
        try {
            store.create(kind, object.path("metadata").path("namespace").asText(null), object, false);
        } catch (ApiException e) {
            throw new IllegalStateException("the practice seed is inconsistent: " + e.getMessage(), e);
        }
    }

    private static ObjectNode object(String name, String namespace) {
        ObjectNode object = JSON.createObjectNode();
        ObjectNode meta = object.putObject("metadata").put("name", name);
        if (namespace != null) {
            meta.put("namespace", namespace);
        }
        return object;
    }

    /** A Deployment, StatefulSet ({@code replicas} ≥ 0), DaemonSet or Job (-1) spec for a component. */
    private static ObjectNode workload(String name, int replicas, boolean statefulSet) {
        ObjectNode workload = object(name, NAMESPACE);
        ObjectNode labels = labels(name);
        workload.with("metadata").set("labels", labels.deepCopy());
        ObjectNode spec = workload.putObject("spec");
        if (replicas >= 0) {
            spec.put("replicas", replicas);
            spec.putObject(statefulSet ? "updateStrategy" : "strategy").put("type", "RollingUpdate");
            if (statefulSet) {
                spec.put("serviceName", name);
            }
        }
        ObjectNode matchLabels = labels.deepCopy();
        matchLabels.remove(List.of("app.kubernetes.io/managed-by", "helm.sh/chart"));
        spec.putObject("selector").set("matchLabels", matchLabels);
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").set("labels", labels.deepCopy());
        ObjectNode podSpec = template.putObject("spec").put("serviceAccountName", name)
                .put("terminationGracePeriodSeconds", 30).put("enableServiceLinks", false);
        ObjectNode container = podSpec.putArray("containers").addObject().put("name", name).put("image", image(name))
                .put("imagePullPolicy", "IfNotPresent");
        container.putArray("env").addObject().put("name", "GITPOD_DOMAIN").put("value", "gitpod.example.com");
        container.putObject("resources").putObject("requests").put("cpu", "100m").put("memory", "128Mi");
        return workload;
    }

    private static ObjectNode runningWorkspace(String name, String node) {
        ObjectNode pod = object(name, NAMESPACE);
        ObjectNode labels = labels(GitpodReference.WORKSPACE_COMPONENT).put("headless", "false");
        pod.with("metadata").set("labels", labels);
        ObjectNode spec = pod.putObject("spec").put("nodeName", node).put("restartPolicy", "Never");
        spec.putArray("containers").addObject().put("name", "workspace")
                .put("image", "eu.gcr.io/gitpod-dev/workspace-images:practice");
        String started = ObjectStore.now();
        ObjectNode status = pod.putObject("status").put("phase", "Running").put("startTime", started)
                .put("podIP", "10.42.200." + (Math.abs(name.hashCode()) % 250));
        ObjectNode container = status.putArray("containerStatuses").addObject().put("name", "workspace")
                .put("ready", true).put("restartCount", 0).put("started", true)
                .put("image", "eu.gcr.io/gitpod-dev/workspace-images:practice");
        container.putObject("state").putObject("running").put("startedAt", started);
        ArrayNode conditions = status.putArray("conditions");
        for (String type : new String[] {"PodScheduled", "Initialized", "ContainersReady", "Ready"}) {
            conditions.addObject().put("type", type).put("status", "True").put("lastTransitionTime", started);
        }
        return pod;
    }

    private static ObjectNode node(String name, int index, boolean gitpodNode) {
        ObjectNode node = object(name, null);
        ObjectNode labels = node.with("metadata").putObject("labels").put("kubernetes.io/hostname", name)
                .put("kubernetes.io/os", "linux").put("kubernetes.io/arch", "amd64");
        if (gitpodNode) {
            GitpodReference.NODE_LABELS.forEach(label -> labels.put(label, "true"));
        }
        node.putObject("spec").put("unschedulable", false).put("podCIDR", "10.42." + index + ".0/24");
        ObjectNode status = node.putObject("status");
        String now = ObjectStore.now();
        ArrayNode conditions = status.putArray("conditions");
        conditions.addObject().put("type", "MemoryPressure").put("status", "False").put("reason",
                "KubeletHasSufficientMemory").put("lastHeartbeatTime", now).put("lastTransitionTime", now);
        conditions.addObject().put("type", "DiskPressure").put("status", "False").put("reason",
                "KubeletHasNoDiskPressure").put("lastHeartbeatTime", now).put("lastTransitionTime", now);
        conditions.addObject().put("type", "PIDPressure").put("status", "False").put("reason",
                "KubeletHasSufficientPID").put("lastHeartbeatTime", now).put("lastTransitionTime", now);
        conditions.addObject().put("type", "Ready").put("status", "True").put("reason", "KubeletReady")
                .put("message", "kubelet is posting ready status").put("lastHeartbeatTime", now)
                .put("lastTransitionTime", now);
        ArrayNode addresses = status.putArray("addresses");
        addresses.addObject().put("type", "InternalIP").put("address", "10.0.0." + (10 + index));
        addresses.addObject().put("type", "Hostname").put("address", name);
        status.putObject("capacity").put("cpu", "8").put("memory", "32Gi").put("pods", "110");
        status.putObject("allocatable").put("cpu", "7910m").put("memory", "31Gi").put("pods", "110");
        status.putObject("nodeInfo").put("kubeletVersion", KUBELET_VERSION).put("kubeProxyVersion", KUBELET_VERSION)
                .put("kernelVersion", "6.1.0-28-cloud-amd64").put("osImage", "Debian GNU/Linux 12 (bookworm)")
                .put("containerRuntimeVersion", "containerd://1.7.24").put("operatingSystem", "linux")
                .put("architecture", "amd64");
        return node;
    }

    /**
     * A workload's labels as the installer renders them: Gitpod's own components carry {@code app=gitpod} and
     * {@code component}; messagebus comes from Bitnami's RabbitMQ Helm chart and carries only the chart's labels.
     */
    static ObjectNode labels(String component) {
        if (component.equals("messagebus")) {
            return JSON.createObjectNode().put("app.kubernetes.io/name", "rabbitmq")
                    .put("app.kubernetes.io/instance", "messagebus").put("app.kubernetes.io/managed-by", "Helm")
                    .put("helm.sh/chart", "rabbitmq-11.1.1");
        }
        return JSON.createObjectNode().put(GitpodReference.APP_SELECTOR_KEY, GitpodReference.APP_SELECTOR_VALUE)
                .put(GitpodReference.COMPONENT_LABEL, component);
    }

    static String image(String component) {
        return "eu.gcr.io/gitpod-core-dev/build/" + component + ":" + VERSION;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
