package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;

/**
 * Rollout status as kubectl computes it ({@code pkg/polymorphichelpers/rollout_status.go}), as pure
 * functions. Where kubectl refuses to judge (OnDelete update strategy) the workload is judged by ready
 * versus desired instead.
 */
public final class RolloutRules {

    private static final String TIMED_OUT_REASON = "ProgressDeadlineExceeded";

    private RolloutRules() {
    }

    public static Rollout deployment(Deployment deployment) {
        DeploymentStatus status = orEmpty(deployment.getStatus());
        long generation = value(deployment.getMetadata().getGeneration());
        long observed = value(status.getObservedGeneration());
        if (generation > observed) {
            return Rollout.waiting("ObservedGenerationLag", "waiting for deployment spec update to be observed");
        }
        // Only once the generation is observed does the Progressing condition describe this spec.
        for (DeploymentCondition condition : status.getConditions()) {
            if ("Progressing".equals(condition.getType()) && TIMED_OUT_REASON.equals(condition.getReason())) {
                return Rollout.failed(TIMED_OUT_REASON, "exceeded its progress deadline");
            }
        }
        Integer specReplicas = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
        int updated = value(status.getUpdatedReplicas());
        int replicas = value(status.getReplicas());
        int available = value(status.getAvailableReplicas());
        if (specReplicas != null && updated < specReplicas) {
            return Rollout.waiting("UpdatingReplicas",
                    updated + " out of " + specReplicas + " new replicas have been updated");
        }
        if (replicas > updated) {
            return Rollout.waiting("OldReplicasTerminating",
                    (replicas - updated) + " old replicas are pending termination");
        }
        if (available < updated) {
            return Rollout.waiting("WaitingForAvailability",
                    available + " of " + updated + " updated replicas are available");
        }
        return Rollout.done("RolloutComplete", "successfully rolled out");
    }

    public static Rollout statefulSet(StatefulSet statefulSet) {
        StatefulSetStatus status = orEmpty(statefulSet.getStatus());
        StatefulSetUpdateStrategy strategy = statefulSet.getSpec().getUpdateStrategy();
        Integer specReplicas = statefulSet.getSpec().getReplicas();
        int ready = value(status.getReadyReplicas());
        boolean rollingUpdate = strategy == null || strategy.getType() == null
                || "RollingUpdate".equals(strategy.getType());
        if (!rollingUpdate) {
            return byReadyVersusDesired(ready, specReplicas == null ? 1 : specReplicas, strategy.getType());
        }
        long observed = value(status.getObservedGeneration());
        if (observed == 0 || value(statefulSet.getMetadata().getGeneration()) > observed) {
            return Rollout.waiting("ObservedGenerationLag", "waiting for statefulset spec update to be observed");
        }
        if (specReplicas != null && ready < specReplicas) {
            return Rollout.waiting("WaitingForReady", "waiting for " + (specReplicas - ready) + " pods to be ready");
        }
        int updated = value(status.getUpdatedReplicas());
        if (strategy != null && strategy.getRollingUpdate() != null) {
            Integer partition = strategy.getRollingUpdate().getPartition();
            if (specReplicas != null && partition != null && updated < specReplicas - partition) {
                return Rollout.waiting("WaitingForPartition", "waiting for partitioned roll out to finish: "
                        + updated + " out of " + (specReplicas - partition) + " new pods have been updated");
            }
            return Rollout.done("PartitionedRolloutComplete",
                    "partitioned roll out complete: " + updated + " new pods have been updated");
        }
        String updateRevision = status.getUpdateRevision();
        String currentRevision = status.getCurrentRevision();
        if (updateRevision == null ? currentRevision != null : !updateRevision.equals(currentRevision)) {
            return Rollout.waiting("RevisionMismatch", "waiting for statefulset rolling update to complete "
                    + updated + " pods at revision " + updateRevision);
        }
        return Rollout.done("RollingUpdateComplete", "statefulset rolling update complete "
                + value(status.getCurrentReplicas()) + " pods at revision " + currentRevision);
    }

    public static Rollout daemonSet(DaemonSet daemonSet) {
        DaemonSetStatus status = orEmpty(daemonSet.getStatus());
        int desired = value(status.getDesiredNumberScheduled());
        String strategy = daemonSet.getSpec().getUpdateStrategy() == null
                ? null : daemonSet.getSpec().getUpdateStrategy().getType();
        if (strategy != null && !"RollingUpdate".equals(strategy)) {
            return byReadyVersusDesired(value(status.getNumberReady()), desired, strategy);
        }
        if (value(daemonSet.getMetadata().getGeneration()) > value(status.getObservedGeneration())) {
            return Rollout.waiting("ObservedGenerationLag", "waiting for daemon set spec update to be observed");
        }
        int updated = value(status.getUpdatedNumberScheduled());
        if (updated < desired) {
            return Rollout.waiting("UpdatingPods", updated + " out of " + desired + " new pods have been updated");
        }
        int available = value(status.getNumberAvailable());
        if (available < desired) {
            return Rollout.waiting("WaitingForAvailability", available + " of " + desired
                    + " updated pods are available");
        }
        return Rollout.done("RolloutComplete", "successfully rolled out");
    }

    private static Rollout byReadyVersusDesired(int ready, int desired, String strategy) {
        String message = ready + "/" + desired + " ready (" + strategy + " update strategy: judged by readiness)";
        return ready >= desired ? Rollout.done("ReadyAsDesired", message) : Rollout.waiting("WaitingForReady", message);
    }

    private static DeploymentStatus orEmpty(DeploymentStatus status) {
        return status == null ? new DeploymentStatus() : status;
    }

    private static StatefulSetStatus orEmpty(StatefulSetStatus status) {
        return status == null ? new StatefulSetStatus() : status;
    }

    private static DaemonSetStatus orEmpty(DaemonSetStatus status) {
        return status == null ? new DaemonSetStatus() : status;
    }

    static int value(Integer number) {
        return number == null ? 0 : number;
    }

    static long value(Long number) {
        return number == null ? 0 : number;
    }
}
