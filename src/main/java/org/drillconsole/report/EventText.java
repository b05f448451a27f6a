package org.drillconsole.report;

import java.util.stream.Collectors;
import org.drillconsole.drill.HumanTime;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.Words;

/**
 * Run events in words, one line each: for the terminal, the window's journal list and the reports. Written
 * from the typed fields; nothing reads these lines back.
 */
public final class EventText {

    private EventText() {
    }

    /** An instant as people read it in a log: ISO UTC to the second. */
    static String time(java.time.Instant at) {
        return at == null ? "-" : at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** What a step did, and how long it took waiting for whom. */
    public static String stepDetail(RunEvent.StepFinished e) {
        return e.detail() + (e.took() == null ? "" : "; took " + HumanTime.duration(e.took())
                + (e.waitingFor() == RunEvent.WaitingFor.PEOPLE ? " waiting for people" : " waiting for the cluster"));
    }

    /** In words, with times in ISO UTC (reports). */
    public static String describe(RunEvent event) {
        return describe(event, null);
    }

    /**
     * In words, with times as local times to the second in {@code zone} (the window, the terminal), or ISO UTC
     * when {@code zone} is null (reports).
     */
    public static String describe(RunEvent event, java.time.ZoneId zone) {
        java.util.function.Function<java.time.Instant, String> time = at -> at == null ? "-" : zone == null ? time(at)
                : HumanTime.localDay(at, zone);
        return switch (event.kind()) {
            case STARTED -> {
                var e = (RunEvent.Started) event;
                yield "run of " + e.run().drillName() + " recorded (" + e.run().mode().name().toLowerCase() + " mode, "
                        + e.run().operator() + ")" + (e.run().parameters().isEmpty() ? "" : "; parameters "
                        + e.run().parameters().entrySet().stream().map(p -> p.getKey() + "=" + p.getValue())
                        .collect(Collectors.joining(", ")));
            }
            case STEP_STARTED -> "> " + event.stepId() + ": " + ((RunEvent.StepStarted) event).title();
            case STEP_FINISHED -> {
                var e = (RunEvent.StepFinished) event;
                yield e.result() + ": " + stepDetail(e);
            }
            case CHECK_RESULT -> {
                var e = (RunEvent.CheckResult) event;
                yield (e.preflight() ? "preflight " : "") + "check " + (e.passed() ? "passed" : "failed") + ": "
                        + e.observed()
                        + (e.backupPoint() == null ? "" : "; backup taken " + time.apply(e.backupPoint()));
            }
            case ACTION_PLANNED -> {
                var e = (RunEvent.ActionPlanned) event;
                yield "on " + e.context() + ": " + e.summary();
            }
            case ACTION_RESULT -> ((RunEvent.ActionApplied) event).summary();
            case CLOCK_START -> {
                var e = (RunEvent.ClockStarted) event;
                yield e.outageStart() == null ? "RTO clock started at " + time.apply(e.at())
                        : "RTO clock started; the outage began " + time.apply(e.outageStart()) + " (" + e.outageReason() + ")";
            }
            case CLOCK_STOP -> {
                var e = (RunEvent.ClockStopped) event;
                yield "RTO clock stopped: RTO " + HumanTime.duration(e.rto()) + (e.objective() == null ? ""
                        : " (objective " + HumanTime.duration(e.objective()) + ")");
            }
            case NOTE -> "note: " + ((RunEvent.Note) event).text();
            case STEP_RETRIED -> "retried after: " + ((RunEvent.StepRetried) event).after();
            case PREFLIGHT_OVERRIDDEN -> {
                var e = (RunEvent.PreflightOverridden) event;
                yield "preflight overridden by " + e.by() + ": " + e.reason();
            }
            case RESUMED -> {
                var e = (RunEvent.Resumed) event;
                yield "resumed by " + e.by() + "; " + Words.count(e.stepsDone(), "step") + " already done";
            }
            case BACKUP_TIME_ENTERED -> "newest backup entered: " + time.apply(((RunEvent.BackupTimeEntered) event).backupPoint());
            case PRIMARY_REPLICAS -> {
                int workloads = ((RunEvent.PrimaryReplicasRecorded) event).replicas().size();
                yield workloads == 0 ? "no replicas recorded on the primary (it runs no workload, or could not be read)"
                        : "recorded the primary's replicas: " + Words.count(workloads, "workload");
            }
            case RPO -> {
                var e = (RunEvent.RpoMeasured) event;
                yield "RPO " + HumanTime.duration(e.rpo()) + ": newest backup " + time.apply(e.newestBackup()) + ", outage "
                        + time.apply(e.outageStart()) + (e.objective() == null ? "" : " (objective " + HumanTime.duration(e.objective()) + ")");
            }
            case HEALTH_SNAPSHOT -> {
                var e = (RunEvent.HealthSnapshot) event;
                yield "health at " + (e.when() == RunEvent.ClockMark.CLOCK_START ? "clock start" : "clock stop") + ": "
                        + e.sides().stream().map(s -> s.side() + " " + s.verdict()).collect(Collectors.joining(", "));
            }
            case WARNING_EVENTS -> Words.count(((RunEvent.WarningEvents) event).warnings().size(), "Warning event")
                    + " copied in";
            case SUMMARY -> "figures recorded";
            case COMPLETED, FAILED, ABORTED -> {
                var e = (RunEvent.Finished) event;
                yield e.status() + (e.verdict() == null ? "" : " " + e.verdict()) + ": " + e.detail();
            }
            case UNKNOWN -> {
                var e = (RunEvent.Unknown) event;
                yield e.kindName() + ": " + e.text();
            }
        };
    }
}
