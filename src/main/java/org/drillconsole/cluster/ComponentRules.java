package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import org.drillconsole.model.ComponentHealth;
import org.drillconsole.model.ComponentRole;
import org.drillconsole.model.ComponentStatus;
import org.drillconsole.model.PodTrouble;
import org.drillconsole.model.WorkloadKind;
import org.drillconsole.model.Words;

/** Turns a workload and its troubled pods into one component status, on top of kubectl's rollout rules. */
public final class ComponentRules {

    private ComponentRules() {
    }

    public static ComponentHealth deployment(Deployment deployment, List<PodTrouble> podTrouble) {
        Integer specReplicas = deployment.getSpec().getReplicas();
        int desired = specReplicas == null ? 1 : specReplicas;
        int ready = deployment.getStatus() == null ? 0 : RolloutRules.value(deployment.getStatus().getAvailableReplicas());
        int current = deployment.getStatus() == null ? 0 : RolloutRules.value(deployment.getStatus().getReplicas());
        return combine(WorkloadKind.DEPLOYMENT, deployment.getMetadata().getName(), RolloutRules.deployment(deployment),
                ready, desired, current, podTrouble, images(deployment.getSpec().getTemplate()));
    }

    public static ComponentHealth statefulSet(StatefulSet statefulSet, List<PodTrouble> podTrouble) {
        Integer specReplicas = statefulSet.getSpec().getReplicas();
        int desired = specReplicas == null ? 1 : specReplicas;
        int ready = statefulSet.getStatus() == null ? 0 : RolloutRules.value(statefulSet.getStatus().getReadyReplicas());
        int current = statefulSet.getStatus() == null ? 0 : RolloutRules.value(statefulSet.getStatus().getReplicas());
        return combine(WorkloadKind.STATEFULSET, statefulSet.getMetadata().getName(),
                RolloutRules.statefulSet(statefulSet), ready, desired, current, podTrouble,
                images(statefulSet.getSpec().getTemplate()));
    }

    public static ComponentHealth daemonSet(DaemonSet daemonSet, List<PodTrouble> podTrouble) {
        int desired = daemonSet.getStatus() == null ? 0
                : RolloutRules.value(daemonSet.getStatus().getDesiredNumberScheduled());
        int ready = daemonSet.getStatus() == null ? 0 : RolloutRules.value(daemonSet.getStatus().getNumberAvailable());
        int current = daemonSet.getStatus() == null ? 0
                : RolloutRules.value(daemonSet.getStatus().getCurrentNumberScheduled());
        return combine(WorkloadKind.DAEMONSET, daemonSet.getMetadata().getName(), RolloutRules.daemonSet(daemonSet),
                ready, desired, current, podTrouble, images(daemonSet.getSpec().getTemplate()));
    }

    /**
     * @param current pods that exist now, so that scaling down to zero is Progressing until they are gone
     */
    static ComponentHealth combine(WorkloadKind kind, String name, Rollout rollout, int ready, int desired,
                                   int current, List<PodTrouble> podTrouble, List<String> images) {
        ComponentStatus status;
        String reason = rollout.reason();
        String message = rollout.message();
        if (rollout.failed()) {
            status = ComponentStatus.FAILED;
        } else if (desired == 0 && current == 0 && !"ObservedGenerationLag".equals(rollout.reason())) {
            status = ComponentStatus.IDLE;
            reason = "ScaledToZero";
            message = "scaled to 0 on purpose";
        } else if (rollout.done()) {
            status = ComponentStatus.HEALTHY;
        } else if (!podTrouble.isEmpty()) {
            PodTrouble first = podTrouble.get(0);
            status = ready == 0 ? ComponentStatus.FAILED : ComponentStatus.DEGRADED;
            reason = first.reason();
            message = message + " (" + Words.count(podTrouble.size(), "pod") + " " + first.reason() + ")";
        } else {
            status = ComponentStatus.PROGRESSING;
        }
        if (status == ComponentStatus.HEALTHY && !podTrouble.isEmpty()) {
            // Rolled out, yet a pod keeps restarting: still serving, but worth a look.
            status = ComponentStatus.DEGRADED;
            reason = podTrouble.get(0).reason();
            message = ready + "/" + desired + " ready, " + podTrouble.get(0).message();
        }
        return new ComponentHealth(kind, name, status, ready, desired, reason, message, images, ComponentRole.GITPOD);
    }

    private static List<String> images(PodTemplateSpec template) {
        if (template == null || template.getSpec() == null) {
            return List.of();
        }
        return template.getSpec().getContainers().stream().map(Container::getImage).filter(image -> image != null).toList();
    }
}
