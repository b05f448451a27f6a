package org.drillconsole.model.journal;

import java.time.Instant;

/**
 * One committed state change of a run.
 *
 * @param seq 1, 2, 3, … within the run
 * @param kind what happened: STARTED, STEP_STARTED, STEP_FINISHED, CHECK_RESULT, ACTION_RESULT, NOTE,
 *             CLOCK_START, CLOCK_STOP, ABORTED, COMPLETED, …
 * @param detail free text or JSON; never a secret
 * @param prevHash the previous event's hash (64 zeros for the first)
 * @param hash SHA-256 over the previous hash and this event's fields
 */
public record JournalEvent(long runId, int seq, Instant recordedAt, String kind, String stepId, String outcome,
                           String detail, String prevHash, String hash) {
}
