package org.drillconsole.model.drill;

/**
 * One step of a runbook.
 *
 * @param type manual, approval, check or action
 * @param cluster primary or standby, for checks and actions that talk to one cluster
 * @param clock start or stop: where the RTO clock starts and stops
 * @param instructions Markdown shown to the operator (manual and approval steps, optional elsewhere)
 * @param approver who must confirm an approval step (a role or a name)
 * @param timeout how long a check is retried, e.g. "10m"
 * @param interval how often a check is retried, e.g. "10s"
 * @param optional true when a failure is recorded but does not fail the run (e.g. a step on a primary
 *                 that may not answer during a real outage)
 */
public record Step(String id, String title, String type, String cluster, String clock, String instructions,
                   String approver, Check check, Action action, String timeout, String interval, Boolean optional) {
}
