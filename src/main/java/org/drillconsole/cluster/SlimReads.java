package org.drillconsole.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonIncludeProperties;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads for judging (a one-shot {@code health}, the window's informers): the objects the health rules
 * judge, without the parts of them no rule reads. Jackson builds a deserializer for every type a class can
 * hold before it reads the first byte, and a Pod's spec alone reaches about 250 model classes (every volume
 * source, probe, affinity and security setting), each loaded with its builder; left out here, the command
 * loads about half as many classes, and the window parses a large cluster's pods faster.
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
                .addMixIn(ObjectMeta.class, Meta.class)
                .addMixIn(PodSpec.class, TemplateSpec.class)
                .addMixIn(Container.class, TemplateContainer.class)
                .addMixIn(PodStatus.class, PodPhaseAndContainers.class)
                .addMixIn(ContainerStatus.class, ContainerState.class)
                .addMixIn(NodeSpec.class, NodeScheduling.class)
                .addMixIn(NodeStatus.class, NodeConditions.class)
                .addMixIn(StatefulSetSpec.class, StatefulSetWithoutClaims.class)
                .addMixIn(JobSpec.class, JobWithoutPods.class)
                .addMixIn(CronJobSpec.class, CronJobSchedule.class)
                .addMixIn(ServiceSpec.class, ServiceWithoutAffinity.class)
                .build();
        return ClientFactory.withWatchedKinds(new KubernetesSerialization(mapper, false));
    }

    /** A pod is judged by its status (TrimmedPodStore keeps the same); a claim by whether it is bound. */
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

    @JsonIgnoreProperties({"configSource", "taints"})
    private abstract static class NodeScheduling {
    }

    @JsonIgnoreProperties({"images", "volumesAttached", "volumesInUse", "config", "daemonEndpoints", "features",
            "runtimeHandlers", "capacity", "allocatable"})
    private abstract static class NodeConditions {
    }

    @JsonIgnoreProperties({"volumeClaimTemplates", "persistentVolumeClaimRetentionPolicy", "ordinals"})
    private abstract static class StatefulSetWithoutClaims {
    }

    @JsonIgnoreProperties({"template", "podFailurePolicy", "successPolicy", "selector"})
    private abstract static class JobWithoutPods {
    }

    @JsonIgnoreProperties("jobTemplate")
    private abstract static class CronJobSchedule {
    }

    @JsonIgnoreProperties("sessionAffinityConfig")
    private abstract static class ServiceWithoutAffinity {
    }
}
