package org.drillconsole.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.store.EventCodec;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.report.RunReport.CheckLine;
import org.drillconsole.report.RunReport.ClusterHealth;
import org.drillconsole.report.RunReport.Component;
import org.drillconsole.report.RunReport.Note;
import org.drillconsole.report.RunReport.StepSpan;
import org.drillconsole.report.RunReport.WaitingFor;
import org.drillconsole.report.RunReport.Warning;
import org.drillconsole.store.EventChain;

/** Builds a {@link RunReport} from a run's journal: a pure function of the recorded events. */
public final class RunReports {


    private RunReports() {
    }

    public static RunReport of(RunRecord run, List<JournalEvent> events, Instant generatedAt) {
        RunSummary summary = run.summary();
        Instant clockStart = null;
        Instant clockStop = null;
        String override = null;
        String outcomeDetail = null;
        List<CheckLine> preflight = new ArrayList<>();
        Map<String, StepSpan> steps = new LinkedHashMap<>();
        List<Note> notes = new ArrayList<>();
        List<ClusterHealth> atStart = List.of();
        List<ClusterHealth> atStop = List.of();
        List<Warning> warnings = List.of();
        for (JournalEvent row : events) {
            RunEvent event = EventCodec.decode(row);
            StepSpan open = event.stepId() == null ? null : steps.get(event.stepId());
            switch (event.kind()) {
                case STEP_STARTED -> steps.put(event.stepId(), new StepSpan(event.stepId(),
                        ((RunEvent.StepStarted) event).title(), row.recordedAt(), null, null, null, null,
                        new ArrayList<>()));
                case STEP_FINISHED -> {
                    var e = (RunEvent.StepFinished) event;
                    if (open != null) {
                        steps.put(e.stepId(), new StepSpan(open.stepId(), open.title(), open.started(),
                                row.recordedAt(), e.result(), e.waitingFor() == null ? null
                                : e.waitingFor() == RunEvent.WaitingFor.PEOPLE ? WaitingFor.PEOPLE : WaitingFor.CLUSTER,
                                EventText.stepDetail(e), open.observations()));
                    }
                }
                case CHECK_RESULT -> {
                    var e = (RunEvent.CheckResult) event;
                    if (e.preflight() || open == null) {
                        preflight.add(new CheckLine(e.stepId(), e.outcome(), e.observed()));
                    } else if (!e.passed()) {
                        open.observations().add(e.outcome() + ": " + e.observed()); // a pass is the step's detail
                    }
                }
                case ACTION_PLANNED -> {
                    if (open != null) {
                        open.observations().add("planned " + EventText.describe(event)); // applied: the step's detail
                    }
                }
                case NOTE -> notes.add(new Note(row.recordedAt(), event.stepId(), ((RunEvent.Note) event).text()));
                case PREFLIGHT_OVERRIDDEN -> {
                    var e = (RunEvent.PreflightOverridden) event;
                    override = "by " + e.by() + ": " + e.reason();
                }
                case CLOCK_START -> clockStart = ((RunEvent.ClockStarted) event).countsFrom();
                case CLOCK_STOP -> clockStop = row.recordedAt();
                case HEALTH_SNAPSHOT -> {
                    var e = (RunEvent.HealthSnapshot) event;
                    if (e.when() == RunEvent.ClockMark.CLOCK_START) {
                        atStart = health(e.sides());
                    } else {
                        atStop = health(e.sides());
                    }
                }
                case WARNING_EVENTS -> warnings = ((RunEvent.WarningEvents) event).warnings().stream()
                        .map(w -> new Warning(w.side(), w.lastSeen() == null ? "" : w.lastSeen().toString(), w.object(),
                                w.reason(), w.message(), w.count())).toList();
                case SUMMARY -> summary = summary != null ? summary : ((RunEvent.Summary) event).summary();
                case COMPLETED, FAILED, ABORTED -> outcomeDetail = ((RunEvent.Finished) event).detail();
                case STARTED, ACTION_RESULT, STEP_RETRIED, RESUMED, BACKUP_TIME_ENTERED, PRIMARY_REPLICAS, RPO, UNKNOWN -> {
                    // in the journal list of the HTML, PDF and JSON reports
                }
            }
        }
        String head = events.isEmpty() ? EventChain.GENESIS : events.get(events.size() - 1).hash();
        return new RunReport(run, summary, clockStart, clockStop, List.copyOf(preflight), override,
                steps.values().stream().map(s -> new StepSpan(s.stepId(), s.title(), s.started(), s.finished(),
                        s.outcome(), s.waitingFor(), s.detail(), List.copyOf(s.observations()))).toList(),
                List.copyOf(notes), atStart, atStop, warnings, outcomeDetail, List.copyOf(events), head,
                EventChain.firstBroken(events), generatedAt);
    }

    private static List<ClusterHealth> health(List<RunEvent.SideHealth> sides) {
        return sides.stream().map(s -> new ClusterHealth(s.side(), s.context(), s.state(), s.verdict(), s.nodesReady(),
                s.nodesTotal(), s.runningWorkspaces(), s.reasons(), s.components().stream().map(c -> new Component(
                c.name(), c.kind(), c.status(), c.ready(), c.desired())).toList())).toList();
    }
}
