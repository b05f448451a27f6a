package org.drillconsole.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonIncludeProperties;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.InputStream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads for judging (the window's informers; a one-shot {@code health} reads the same parts token by token,
 * {@link SlimJson}): the objects the health rules judge, without the parts of them no rule reads. Jackson
 * builds a deserializer for every type a class can hold before it reads the first byte, and a Pod's spec
 * alone reaches about 250 model classes (every volume source, probe, affinity and security setting), each
 * loaded with its builder; left out here, the command loads about half as many classes, and the window
 * parses a large cluster's pods faster.
 *
 * <p>Objects read this way are incomplete by design: they are judged and dropped, never written back (the
 * drill's actions read whole objects through their own client). {@code SlimReadsTest} judges the practice
 * clusters' objects read both ways and requires the same snapshot.
 */
final class SlimReads {

    private SlimReads() {
    }

    static KubernetesSerialization serialization() {
        JsonMapper mapper = JsonMapper.builder()
                .addMixIn(Pod.class, WithoutSpec.class)
                .addMixIn(PersistentVolumeClaim.class, WithoutSpec.class)
                .addMixIn(PersistentVolumeClaimStatus.class, ClaimPhase.class)
                .addMixIn(ObjectMeta.class, Meta.class)
                .addMixIn(PodSpec.class, TemplateSpec.class)
                .addMixIn(Container.class, TemplateContainer.class)
                .addMixIn(PodStatus.class, PodPhaseAndContainers.class)
                .addMixIn(ContainerStatus.class, ContainerState.class)
                .addMixIn(NodeSpec.class, NodeScheduling.class)
                .addMixIn(NodeStatus.class, NodeConditions.class)
                .addMixIn(NodeSystemInfo.class, Kubelet.class)
                .addMixIn(DeploymentSpec.class, DeploymentReplicas.class)
                .addMixIn(StatefulSetSpec.class, StatefulSetReplicas.class)
                .addMixIn(StatefulSetUpdateStrategy.class, StatefulSetStrategy.class)
                .addMixIn(RollingUpdateStatefulSetStrategy.class, Partition.class)
                .addMixIn(DaemonSetSpec.class, DaemonSetTemplate.class)
                .addMixIn(DaemonSetUpdateStrategy.class, StrategyType.class)
                .addMixIn(Job.class, WithoutSpec.class)
                .addMixIn(JobStatus.class, JobOutcome.class)
                .addMixIn(CronJobSpec.class, CronJobSchedule.class)
                .addMixIn(Service.class, WithoutSpec.class)
                .addMixIn(ServiceStatus.class, LoadBalancerOnly.class)
                .addMixIn(LoadBalancerIngress.class, IngressAddress.class)
                .addMixIn(Event.class, EventOccurrence.class)
                .build();
        return ClientFactory.withWatchedKinds(new ListsTokenByToken(mapper));
    }

    /**
     * An informer's lists (its first read, on which the window's panes wait, and any relist) read by
     * {@link SlimJson}, without Jackson's introspection of the model; single objects and watch events by
     * Jackson with the mix-ins above, when the first change of a kind arrives.
     */
    private static final class ListsTokenByToken extends KubernetesSerialization {

        ListsTokenByToken(JsonMapper mapper) {
            super(mapper, false);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T unmarshal(InputStream json, TypeReference<T> type) {
            SlimJson.Shape<?> list = type.getType() instanceof Class<?> kind ? SlimJson.lists().get(kind) : null;
            return list == null ? super.unmarshal(json, type) : (T) SlimJson.read(json, list);
        }
    }

    /**
     * A pod is judged by its status (TrimmedPodStore keeps the same), a claim and a Job by theirs, a Service by
     * the addresses in its status.
     */
    @JsonIncludeProperties({"apiVersion", "kind", "metadata", "status"})
    private abstract static class WithoutSpec {
    }

    /** Annotations are never judged, and on Gitpod's workspace pods they run to kilobytes each. */
    @JsonIgnoreProperties({"managedFields", "annotations"})
    private abstract static class Meta {
    }

    /** In a workload's template only the containers' images are shown. */
    @JsonIncludeProperties("containers")
    private abstract static class TemplateSpec {
    }

    @JsonIncludeProperties({"name", "image"})
    private abstract static class TemplateContainer {
    }

    /** What the pod rules read ({@link TrimmedPodStore} keeps no more): the conditions are left to the containers'. */
    @JsonIncludeProperties({"phase", "containerStatuses", "initContainerStatuses"})
    private abstract static class PodPhaseAndContainers {
    }

    @JsonIgnoreProperties({"resources", "allocatedResources", "allocatedResourcesStatus", "volumeMounts", "user"})
    private abstract static class ContainerState {
    }

    /** The only part of a node's spec the rules read: cordoned or not. */
    @JsonIncludeProperties("unschedulable")
    private abstract static class NodeScheduling {
    }

    @JsonIncludeProperties({"conditions", "nodeInfo"})
    private abstract static class NodeConditions {
    }

    @JsonIncludeProperties("kubeletVersion")
    private abstract static class Kubelet {
    }

    /** A claim is judged by whether it is bound. */
    @JsonIncludeProperties("phase")
    private abstract static class ClaimPhase {
    }

    /** Workloads: the replicas asked for, the template's images and (StatefulSet, DaemonSet) how they roll out. */
    @JsonIncludeProperties({"replicas", "template"})
    private abstract static class DeploymentReplicas {
    }

    @JsonIncludeProperties({"replicas", "template", "updateStrategy"})
    private abstract static class StatefulSetReplicas {
    }

    @JsonIncludeProperties({"type", "rollingUpdate"})
    private abstract static class StatefulSetStrategy {
    }

    @JsonIncludeProperties("partition")
    private abstract static class Partition {
    }

    @JsonIncludeProperties({"template", "updateStrategy"})
    private abstract static class DaemonSetTemplate {
    }

    @JsonIncludeProperties("type")
    private abstract static class StrategyType {
    }

    /** A Job is judged by its status alone. */
    @JsonIgnoreProperties("uncountedTerminatedPods")
    private abstract static class JobOutcome {
    }

    @JsonIgnoreProperties("jobTemplate")
    private abstract static class CronJobSchedule {
    }

    /** A Service is read for the proxy's external address only. */
    @JsonIncludeProperties("loadBalancer")
    private abstract static class LoadBalancerOnly {
    }

    @JsonIncludeProperties({"ip", "hostname"})
    private abstract static class IngressAddress {
    }

    /** A Warning event shows what, why, how often and when; not who reported it, nor its series' bookkeeping. */
    @JsonIgnoreProperties({"series", "source", "related"})
    private abstract static class EventOccurrence {
    }
}
