package org.drillconsole.drill;

import java.util.List;
import java.util.Map;
import org.drillconsole.model.Side;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.drill.ActionStep;
import org.drillconsole.model.drill.CheckStep;

/** What the engine asks of the clusters: evaluate a check once, plan an action, apply it. */
public interface ClusterWork {

    /** One evaluation of a check step; never blocks longer than a few seconds. */
    CheckResult check(CheckStep step);

    /**
     * What an action step would change, and on which cluster context, without changing it: the requests are
     * computed once and checked by the API server as a server-side dry run.
     */
    ActionPlan plan(ActionStep step) throws StepException;

    /** Sends exactly the plan's requests, the ones the operator confirmed; returns what was changed. */
    String apply(ActionStep step, ActionPlan plan) throws StepException;

    /** The replicas each Deployment or StatefulSet was scaled to by a plan (empty for other actions). */
    static Map<String, Integer> scaledTo(ActionPlan plan) {
        Map<String, Integer> scaled = new java.util.LinkedHashMap<>();
        for (ClusterRequest request : plan.requests()) {
            if (request instanceof ClusterRequest.Scale scale) {
                scaled.put(scale.name(), scale.to());
            }
        }
        return scaled;
    }

    /**
     * True while a cluster that answers has not listed its objects yet (just connected): a check that
     * needs them is retried for a while instead of failing at once.
     */
    default boolean settling() {
        return false;
    }

    /** The standby's node count now, or null when unknown. */
    default Integer standbyNodes() {
        return null;
    }

    /** Both clusters' health, stored when the clock starts and stops; empty when not available. */
    default List<RunEvent.SideHealth> healthRecord() {
        return List.of();
    }

    /** The Warning events both clusters reported (Kubernetes keeps them about an hour); or empty. */
    default List<RunEvent.RecordedWarning> warningsRecord() {
        return List.of();
    }

    /** What the primary ran when the run started (name to replicas), recorded for replicasFrom: primarySnapshot. */
    default Map<String, Integer> primaryReplicas() {
        return Map.of();
    }

    /**
     * A resumed run's memory, rebuilt from its journal: the primary's replicas as recorded at its start and
     * what this run's scale actions set, so a resumed run acts on what the first session saw.
     */
    default void restore(Map<String, Integer> primaryReplicas, Map<Side, Map<String, Integer>> scaledTo) {
    }

    /**
     * @param observed what was seen, in words, for the record ("13/13 workloads rolled out")
     * @param backupPoint the newest backup or replication point the check saw, or null
     */
    record CheckResult(boolean passed, String observed, java.time.Instant backupPoint) {

        public CheckResult(boolean passed, String observed) {
            this(passed, observed, null);
        }
    }

    /**
     * @param context the kubeconfig context the action changes, which the operator must type to confirm
     * @param requests what will be sent, in order: replayed as confirmed, never recomputed
     */
    record ActionPlan(String context, String summary, List<ClusterRequest> requests) {
        public ActionPlan {
            requests = List.copyOf(requests);
        }
    }

    /** An action that cannot be planned or carried out, in words. */
    final class StepException extends Exception {
        public StepException(String message) {
            super(message);
        }
    }
}
