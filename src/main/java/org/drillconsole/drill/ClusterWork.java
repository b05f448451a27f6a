package org.drillconsole.drill;

import java.util.List;
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

    /** Both clusters' health as JSON, stored when the clock starts and stops; null when not available. */
    default String healthRecord() {
        return null;
    }

    /** The Warning events both clusters reported (Kubernetes keeps them about an hour), as JSON; or null. */
    default String warningsRecord() {
        return null;
    }

    /** The newest backup or replication point any check has seen, for the actual RPO; or null. */
    default java.time.Instant newestBackup() {
        return null;
    }

    /** @param observed what was seen, in words, for the record ("13/13 workloads rolled out") */
    record CheckResult(boolean passed, String observed) {
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
