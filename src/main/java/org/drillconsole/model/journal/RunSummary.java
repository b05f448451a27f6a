package org.drillconsole.model.journal;

import java.time.Duration;
import java.time.Instant;

/**
 * The measured figures of a finished run, journaled with its last event so that history and reports need not
 * replay every event.
 *
 * @param rto null when the clock never stopped
 * @param rpo null when no backup or replication point was known
 * @param cleanupDone null when the run needs no cleanup (a failover, or a runbook without cleanup steps)
 * @param standbyNodes the standby's node count when the run started: the "cost" side of the DR trade-off
 * @param outageStart when the outage began, if the operator set it (failover mode), else null
 * @param outageStartSource why that time was chosen, as the operator wrote it
 * @param recoveryProblem what was not well on the side the run recovered to, by its health when the clock
 *                        stopped (not HEALTHY); null when it was healthy or there was no clock
 */
public record RunSummary(Duration rto, Duration rtoObjective, Duration rpo, Duration rpoObjective,
                         Duration humanTime, Duration clusterTime, Boolean cleanupDone, Integer standbyNodes,
                         Instant outageStart, String outageStartSource, String recoveryProblem) {

    /** A summary of a run that recorded no recovery problem (the form before recovery was judged). */
    public RunSummary(Duration rto, Duration rtoObjective, Duration rpo, Duration rpoObjective,
                      Duration humanTime, Duration clusterTime, Boolean cleanupDone, Integer standbyNodes,
                      Instant outageStart, String outageStartSource) {
        this(rto, rtoObjective, rpo, rpoObjective, humanTime, clusterTime, cleanupDone, standbyNodes, outageStart,
                outageStartSource, null);
    }

    public boolean rtoWithinObjective() {
        return rto != null && (rtoObjective == null || rto.compareTo(rtoObjective) <= 0);
    }

    public boolean rpoWithinObjective() {
        return rpo == null || rpoObjective == null || rpo.compareTo(rpoObjective) <= 0;
    }

    /** What was measured against the objectives; null when there was nothing to measure. */
    public RecoveryVerdict verdict() {
        if (rto == null && rtoObjective == null) {
            return null;
        }
        if (recoveryProblem != null) {
            return RecoveryVerdict.RECOVERY_INCOMPLETE;
        }
        return rtoWithinObjective() && rpoWithinObjective() ? RecoveryVerdict.WITHIN_OBJECTIVE
                : RecoveryVerdict.OBJECTIVE_MISSED;
    }
}
