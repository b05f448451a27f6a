package org.drillconsole.model.journal;

import java.time.Instant;

/**
 * A run as the journal lists it.
 *
 * @param finishedAt null while the run is under way
 * @param summary the measured figures; null while the run is under way
 */
public record RunRecord(long id, NewRun run, Instant createdAt, RunStatus status, Instant finishedAt,
                        RunSummary summary) {

    public RunRecord(long id, NewRun run, Instant createdAt, RunStatus status) {
        this(id, run, createdAt, status, null, null);
    }
}
