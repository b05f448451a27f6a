package org.drillconsole.sandbox;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drillconsole.cluster.GitpodReference;
import org.drillconsole.model.Side;

/**
 * Seeds a practice cluster shaped like a Gitpod 2022.11 install with external database, storage and
 * registry. The primary runs every component at its usual replicas on labelled nodes; the standby is a
 * pilot light: the same components at 0 replicas, on fewer nodes.
 */
final class GitpodSeed {

    static final String NAMESPACE = "gitpod";
    static final String VERSION = "2022.11.3";
    /** Usual replica counts of a default install; DaemonSets follow the nodes. */
    static final Map<String, Integer> REPLICAS = new LinkedHashMap<>();

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

    /** Which of the {@link #REPLICAS} workloads a Gitpod install runs as StatefulSets. */
    static boolean isStatefulSet(String component) {
        return component.equals("openvsx-proxy") || component.equals("messagebus");
    }

    static void seed(KubernetesClient client, Side side, SandboxOptions options) {
        boolean primary = side == Side.PRIMARY;
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
                .build()).create();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("cert-manager").endMetadata()
                .build()).create();
        int nodeCount = primary ? 5 : 2;
        for (int i = 1; i <= nodeCount + options.extraNodes(); i++) {
            createNode(client, side.key() + "-node-" + i, i <= nodeCount);
        }
        REPLICAS.forEach((name, replicas) -> {
            int desired = primary ? replicas : 0;
            if (isStatefulSet(name)) {
                client.apps().statefulSets().inNamespace(NAMESPACE).resource(new StatefulSetBuilder()
                        .withNewMetadata().withName(name).withLabels(labels(name)).endMetadata()
                        .withNewSpec().withReplicas(desired).withServiceName(name)
                        .withNewSelector().withMatchLabels(labels(name)).endSelector()
                        .withTemplate(template(name))
                        .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
                        .endSpec().build()).create();
            } else {
                client.apps().deployments().inNamespace(NAMESPACE).resource(new DeploymentBuilder()
                        .withNewMetadata().withName(name).withLabels(labels(name)).endMetadata()
                        .withNewSpec().withReplicas(desired)
                        .withNewSelector().withMatchLabels(labels(name)).endSelector()
                        .withTemplate(template(name)).endSpec().build()).create();
            }
        });
        for (String name : new String[] {"ws-daemon", "registry-facade", "agent-smith"}) {
            client.apps().daemonSets().inNamespace(NAMESPACE).resource(new DaemonSetBuilder()
                    .withNewMetadata().withName(name).withLabels(labels(name)).endMetadata()
                    .withNewSpec().withNewSelector().withMatchLabels(labels(name)).endSelector()
                    .withTemplate(template(name))
                    .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
                    .endSpec().build()).create();
        }
        client.services().inNamespace(NAMESPACE).resource(new ServiceBuilder()
                .withNewMetadata().withName(GitpodReference.PROXY_SERVICE).withLabels(labels("proxy")).endMetadata()
                .withNewSpec().withType("LoadBalancer").withSelector(labels("proxy"))
                .addNewPort().withName("http").withPort(80).endPort()
                .addNewPort().withName("https").withPort(443).endPort().endSpec()
                .withNewStatus().withNewLoadBalancer().addNewIngress()
                // Documentation addresses (RFC 5737): nothing is ever sent there.
                .withIp(PracticeNetwork.proxyAddress(side)).endIngress().endLoadBalancer().endStatus()
                .build()).create();
        client.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder()
                .withNewMetadata().withName("https-certificates").endMetadata().withType("kubernetes.io/tls")
                .addToStringData("tls.crt", "practice").addToStringData("tls.key", "practice").build()).create();
        client.persistentVolumeClaims().inNamespace(NAMESPACE).resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("data-messagebus-0").withLabels(labels("messagebus")).endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").withNewResources()
                .addToRequests("storage", new Quantity("8Gi")).endResources().endSpec()
                .withNewStatus().withPhase("Bound").endStatus().build()).create();
        // Gitpod's DNS name points at the primary's proxy; the dns control moves it.
        client.configMaps().inNamespace(PracticeNetwork.NAMESPACE).resource(new io.fabric8.kubernetes.api.model
                .ConfigMapBuilder().withNewMetadata().withName(PracticeNetwork.CONFIG_MAP).endMetadata()
                .withData(PracticeNetwork.records(PracticeNetwork.proxyAddress(Side.PRIMARY))).build()).create();
        int workspaces = (primary ? 2 : 0) + options.extraPods();
        for (int i = 0; i < workspaces; i++) {
            createRunningWorkspace(client, "ws-" + String.format("%05d", i), side.key() + "-node-" + (1 + i % nodeCount));
        }
        if (primary) {
            // Velero's nightly installation backup, finished ten minutes ago: the weekly readiness check reads it.
            client.genericKubernetesResources(GitpodReference.VELERO_BACKUP).inNamespace("velero")
                    .resource(new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                            .withApiVersion("velero.io/v1").withKind("Backup")
                            .withNewMetadata().withName("gitpod-nightly").withNamespace("velero").endMetadata()
                            .addToAdditionalProperties("status", Map.of("phase", "Completed", "completionTimestamp",
                                    Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                            .toString()))
                            .build()).create();
            client.v1().events().inNamespace(NAMESPACE).resource(new EventBuilder()
                    .withNewMetadata().withName("ws-daemon.practice").endMetadata()
                    .withType("Warning").withReason("BackOff").withMessage("practice: a past image pull was retried")
                    .withNewInvolvedObject().withKind("DaemonSet").withName("ws-daemon").withNamespace(NAMESPACE)
                    .endInvolvedObject().withCount(1).withLastTimestamp(Instant.now().toString()).build()).create();
        }
    }

    private static void createRunningWorkspace(KubernetesClient client, String name, String node) {
        Map<String, String> labels = new LinkedHashMap<>(labels(GitpodReference.WORKSPACE_COMPONENT));
        labels.put("headless", "false");
        client.pods().inNamespace(NAMESPACE).resource(new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata().withName(name).withLabels(labels).withCreationTimestamp(Instant.now().toString())
                .endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("workspace")
                .withImage("eu.gcr.io/gitpod-dev/workspace-images:practice").endContainer().endSpec().build()).create();
        client.pods().inNamespace(NAMESPACE).withName(name).editStatus(pod -> {
            pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running")
                    .addNewContainerStatus().withName("workspace").withReady(true).withRestartCount(0)
                    .withImage("eu.gcr.io/gitpod-dev/workspace-images:practice")
                    .withNewState().withNewRunning().endRunning().endState().endContainerStatus().build());
            return pod;
        });
    }

    static Map<String, String> labels(String component) {
        return Map.of(GitpodReference.APP_SELECTOR_KEY, GitpodReference.APP_SELECTOR_VALUE,
                GitpodReference.COMPONENT_LABEL, component);
    }

    static String image(String component) {
        return "eu.gcr.io/gitpod-core-dev/build/" + component + ":" + VERSION;
    }

    private static PodTemplateSpec template(String name) {
        Container container = new ContainerBuilder().withName(name).withImage(image(name)).build();
        return new PodTemplateSpecBuilder().withNewMetadata().withLabels(labels(name)).endMetadata()
                .withNewSpec().withContainers(container).endSpec().build();
    }

    private static void createNode(KubernetesClient client, String name, boolean gitpodNode) {
        NodeBuilder node = new NodeBuilder().withNewMetadata().withName(name).endMetadata();
        if (gitpodNode) {
            GitpodReference.NODE_LABELS.forEach(label -> node.editMetadata().addToLabels(label, "true").endMetadata());
        }
        client.nodes().resource(node.withNewSpec().withUnschedulable(false).endSpec()
                .withNewStatus()
                .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady").endCondition()
                .addNewCondition().withType("MemoryPressure").withStatus("False").endCondition()
                .addNewCondition().withType("DiskPressure").withStatus("False").endCondition()
                .addNewCondition().withType("PIDPressure").withStatus("False").endCondition()
                .withNewNodeInfo().withKubeletVersion("v1.24.9").withKernelVersion("5.15.0-1026")
                .withContainerRuntimeVersion("containerd://1.6.12").endNodeInfo()
                .endStatus().build()).create();
    }
}
