package org.drillconsole.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.RecoveryVerdict;
import org.drillconsole.model.journal.RunEvent.StepOutcome;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunSummary;

/**
 * Everything a report says about one run, derived from its journal: the same content in every format.
 *
 * @param summary the measured figures; null for a run that never finished
 * @param clockStart when the RTO clock started (the outage start when backdated); null if it never did
 * @param outcomeDetail the closing event's words, or null while the run is under way
 * @param chainHead the hash of the last event: quote it to pin the evidence
 * @param firstBrokenSeq the first event whose hash does not match, or -1 when the chain is intact
 */
public record RunReport(RunRecord run, RunSummary summary, Instant clockStart, Instant clockStop,
                        List<CheckLine> preflight, String preflightOverride, List<StepSpan> steps,
                        List<Note> notes, List<ClusterHealth> healthAtStart, List<ClusterHealth> healthAtStop,
                        List<Warning> warnings, String outcomeDetail, List<JournalEvent> events, String chainHead,
                        int firstBrokenSeq, Instant generatedAt) {

    /** Who waits during a step: a person (manual, approval) or the clusters (check, action). */
    public enum WaitingFor {
        PEOPLE,
        CLUSTER
    }

    /** @param finished null for a step under way when the run was interrupted; so is its outcome */
    public record StepSpan(String stepId, String title, Instant started, Instant finished, StepOutcome outcome,
                           WaitingFor waitingFor, String detail, List<String> observations) {

        public Duration duration() {
            return finished == null ? null : Duration.between(started, finished);
        }
    }

    public record CheckLine(String stepId, String outcome, String observed) {
    }

    public record Note(Instant at, String stepId, String text) {
    }

    public record ClusterHealth(String side, String context, String state, String verdict, int nodesReady,
                                int nodesTotal, int runningWorkspaces, List<String> reasons,
                                List<Component> components) {
    }

    public record Component(String name, String kind, String status, int ready, int desired) {
    }

    public record Warning(String side, String lastSeen, String object, String reason, String message, int count) {
    }

    public boolean chainIntact() {
        return firstBrokenSeq < 0;
    }

    /** "COMPLETED, within objectives", "COMPLETED, recovery incomplete", "ABORTED", … */
    public String outcome() {
        return outcome(run);
    }

    /** The same for a run in a list: "COMPLETED, objective missed". */
    public static String outcome(RunRecord run) {
        String status = run.status().name();
        RecoveryVerdict verdict = run.summary() == null ? null : run.summary().verdict();
        return verdict == null ? status : status + ", " + verdict.words();
    }

    /** Whether the run finished within its objectives, with the side it recovered to healthy. */
    public boolean withinObjectives() {
        return summary != null && summary.verdict() == RecoveryVerdict.WITHIN_OBJECTIVE;
    }

    /** The time from the first event to the last: the whole run, not just the RTO. */
    public Duration wallTime() {
        return events.isEmpty() ? Duration.ZERO
                : Duration.between(events.get(0).recordedAt(), events.get(events.size() - 1).recordedAt());
    }
}
