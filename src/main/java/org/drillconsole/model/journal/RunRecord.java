package org.drillconsole.model.journal;

import java.time.Instant;

/**
 * A run as the journal lists it.
 *
 * @param id the run's number on the workstation that recorded it (no gaps)
 * @param finishedAt null while the run is under way
 * @param summary the measured figures; null while the run is under way
 * @param uid the run's globally unique id (the team journal's key); empty for a record not from a journal
 * @param workstation the workstation that recorded it
 */
public record RunRecord(long id, NewRun run, Instant createdAt, RunStatus status, Instant finishedAt,
                        RunSummary summary, String uid, String workstation) {

    public RunRecord(long id, NewRun run, Instant createdAt, RunStatus status, Instant finishedAt, RunSummary summary) {
        this(id, run, createdAt, status, finishedAt, summary, "", "");
    }

    public RunRecord(long id, NewRun run, Instant createdAt, RunStatus status) {
        this(id, run, createdAt, status, null, null);
    }

    /** How people name the run across the team: "alex-laptop/12", or "12" alone on one workstation. */
    public String label() {
        return workstation == null || workstation.isEmpty() ? Long.toString(id) : workstation + "/" + id;
    }
}
