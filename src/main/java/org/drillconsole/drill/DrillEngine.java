package org.drillconsole.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drillconsole.drill.ClusterWork.ActionPlan;
import org.drillconsole.drill.ClusterWork.CheckResult;
import org.drillconsole.drill.Operator.Answer;
import org.drillconsole.drill.RunJournal.JournalWriteException;
import org.drillconsole.model.drill.ActionStep;
import org.drillconsole.model.drill.CheckStep;
import org.drillconsole.model.drill.Clock;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.drill.Step;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.RunSummary;

/**
 * Runs a drill: preflight, steps, the RTO clock, cleanup. Every state change is recorded in the journal
 * before listeners hear of it. The same engine serves the wizard, the terminal and a real failover.
 */
public final class DrillEngine {

    /**
     * @param outageStart for a real failover: when the outage began (e.g. the first alert), so the RTO runs
     *                    from the outage and not from opening the console; null to start the clock at the
     *                    clock:start step
     */
    public record Options(RunMode mode, Instant outageStart, String outageStartReason, Resume resume) {

        public Options(RunMode mode, Instant outageStart, String outageStartReason) {
            this(mode, outageStart, outageStartReason, null);
        }
    }

    /**
     * Where an interrupted run stood (the app was killed): what is done, and when its clock started. The
     * clock goes on from that start, because an outage does not pause while the console restarts.
     *
     * @param clockStart when the RTO clock started (the outage start when backdated), or null
     * @param rto the RTO when the clock had already stopped, or null
     */
    public record Resume(boolean preflightDone, java.util.Set<String> finishedSteps, Instant clockStart,
                         Duration rto) {
    }

    /**
     * @param rto null when the clock never stopped
     * @param rpo the outage start minus the newest backup or replication point a check saw; null when none
     */
    public record Result(RunStatus status, Duration rto, Duration rtoObjective, Duration rpo, Duration rpoObjective,
                         Duration humanTime, Duration clusterTime, String summary) {

        public boolean withinObjective() {
            return rto != null && (rtoObjective == null || rto.compareTo(rtoObjective) <= 0) && rpoWithinObjective();
        }

        private boolean rpoWithinObjective() {
            return rpo == null || rpoObjective == null || rpo.compareTo(rpoObjective) <= 0;
        }

        /** 0 completed within objectives, 1 completed but an objective missed or not measured, 2 aborted or failed. */
        public int exitCode() {
            if (status != RunStatus.COMPLETED) {
                return 2;
            }
            return withinObjective() || rtoObjective == null && rto == null ? 0 : 1;
        }
    }

    /** Hears of each event after it is recorded. */
    @FunctionalInterface
    public interface Listener {
        void recorded(String kind, String stepId, String outcome, String detail);
    }

    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    private static final Duration ABORT_POLL = Duration.ofMillis(250);
    /** How long a check waits for a just-connected cluster's first object lists, whatever its own timeout. */
    static final Duration SETTLE_GRACE = Duration.ofSeconds(90);

    private final DrillDefinition drill;
    private final Options options;
    private final RunJournal journal;
    private final Operator operator;
    private final ClusterWork work;
    private final RunTime time;
    private final Listener listener;
    private volatile long clockStartNanos = -1;
    private volatile Duration backdate = Duration.ZERO;
    private volatile Duration rto;
    private volatile String abortReason;
    private Instant clockStartWall;
    private long humanNanos;
    private long clusterNanos;
    private int cleanupStepsDone;

    public DrillEngine(DrillDefinition drill, Options options, RunJournal journal, Operator operator,
                       ClusterWork work, RunTime time, Listener listener) {
        this.drill = drill;
        this.options = options;
        this.journal = journal;
        this.operator = operator;
        this.work = work;
        this.time = time;
        this.listener = listener;
    }

    /** Signals that the run stops here (aborted or failed); caught in {@link #run()}. */
    private static final class Stop extends Exception {
        private final RunStatus status;

        Stop(RunStatus status, String reason) {
            super(reason);
            this.status = status;
        }
    }

    /** The RTO clock now: running time since the clock started (plus any backdating), or null before. */
    public Duration elapsed() {
        if (rto != null) {
            return rto;
        }
        return clockStartNanos < 0 ? null : Duration.ofNanos(time.nanos() - clockStartNanos).plus(backdate);
    }

    public Result run() throws JournalWriteException, InterruptedException {
        RunStatus status = RunStatus.COMPLETED;
        String summary;
        Integer standbyNodes = work.standbyNodes();
        try {
            Resume resume = options.resume();
            if (resume != null) {
                resumeFrom(resume);
            }
            if (resume == null || !resume.preflightDone()) {
                preflight();
            }
            for (Step step : drill.spec().steps()) {
                if (resume == null || !resume.finishedSteps().contains(step.id())) {
                    runStep(step);
                }
            }
            if (options.mode() != RunMode.FAILOVER) {
                cleanup();
            }
            if (drill.spec().steps().isEmpty()) {
                summary = "all " + drill.spec().preflight().size() + " preflight checks done";
            } else {
                summary = rto == null ? "completed, but the RTO clock never stopped" : "completed in "
                        + Durations.format(rto) + (objective() == null ? ""
                        : " against an RTO objective of " + Durations.format(objective()));
            }
        } catch (Stop stop) {
            status = stop.status;
            summary = stop.getMessage();
        }
        if (clockStartWall != null) {
            String warnings = work.warningsRecord();
            if (warnings != null) {
                record("WARNING_EVENTS", null, null, warnings);
            }
        }
        Duration rpo = actualRpo();
        Result result = new Result(status, rto, objective(), rpo, rpoObjective(), Duration.ofNanos(humanNanos),
                Duration.ofNanos(clusterNanos), summary);
        RunSummary measured = new RunSummary(rto, result.rtoObjective(), rpo, result.rpoObjective(),
                result.humanTime(), result.clusterTime(), cleanupDone(), standbyNodes, options.outageStart(),
                options.outageStart() == null ? null : options.outageStartReason());
        String detail = summary + "; waiting for people " + Durations.format(result.humanTime())
                + ", for the clusters " + Durations.format(result.clusterTime());
        journal.finish(status, measured.verdict(), detail, measured);
        listener.recorded(status.name(), null, measured.verdict(), detail);
        return result;
    }

    private void preflight() throws JournalWriteException, InterruptedException, Stop {
        List<String> failures = new ArrayList<>();
        for (CheckStep step : drill.spec().preflight()) {
            CheckResult result = checkUntilPassOrTimeout(step);
            record("CHECK_RESULT", step.id(), result.passed() ? "PASSED" : "FAILED", result.observed());
            if (!result.passed()) {
                failures.add(step.displayTitle() + ": " + result.observed());
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        Answer answer = operator.preflightFailed(failures);
        if (answer.kind() == Answer.Kind.ABORT) {
            throw new Stop(RunStatus.ABORTED, "aborted at preflight: " + answer.text());
        }
        record("PREFLIGHT_OVERRIDDEN", null, null, "by " + operator.name() + ": " + answer.text());
    }

    /**
     * Stops the run at the next chance: between steps, or while a check waits for its next attempt. Safe to
     * call from any thread; the run is kept and recorded as aborted.
     */
    public void requestAbort(String reason) {
        abortReason = reason == null || reason.isBlank() ? "no reason given" : reason;
    }

    private void stopIfAbortRequested(String where) throws Stop {
        String reason = abortReason;
        if (reason != null) {
            throw new Stop(RunStatus.ABORTED, "aborted " + where + " by " + operator.name() + ": " + reason);
        }
    }

    /** @return the step's outcome: DONE, SKIPPED or FAILED (optional steps) */
    private String runStep(Step step) throws JournalWriteException, InterruptedException, Stop {
        stopIfAbortRequested("before " + step.id());
        record("STEP_STARTED", step.id(), null, step.displayTitle());
        if (step.clock() == Clock.START && clockStartNanos < 0) {
            startClock(); // a resumed run keeps the clock it had
        }
        long started = time.nanos();
        boolean human = step.waitsForPeople();
        String outcome;
        String detail;
        while (true) {
            try {
                String[] done = execute(step);
                outcome = done[0];
                detail = done[1];
                break;
            } catch (StepFailed failed) {
                if (step.optional()) {
                    outcome = "FAILED";
                    detail = failed.getMessage() + " (optional step: the run goes on)";
                    break;
                }
                Answer answer = operator.stepFailed(step, failed.getMessage());
                if (answer.kind() == Answer.Kind.RETRY) {
                    record("NOTE", step.id(), "RETRY", "retried after: " + failed.getMessage());
                    continue;
                }
                if (answer.kind() == Answer.Kind.SKIP) {
                    outcome = "SKIPPED";
                    detail = failed.getMessage() + "; skipped by " + operator.name() + ": " + answer.text();
                    break;
                }
                record("STEP_FINISHED", step.id(), "FAILED", failed.getMessage() + tookNote(account(human, started), human));
                throw new Stop(answer.kind() == Answer.Kind.ABORT ? RunStatus.ABORTED : RunStatus.FAILED,
                        (answer.kind() == Answer.Kind.ABORT ? "aborted at " : "failed at ") + step.id() + ": "
                                + failed.getMessage() + (answer.text().isBlank() ? ""
                                : " (" + operator.name() + ": " + answer.text() + ")"));
            }
        }
        record("STEP_FINISHED", step.id(), outcome, detail + tookNote(account(human, started), human));
        if (step.clock() == Clock.STOP && outcome.equals("DONE")) {
            stopClock(step);
        }
        return outcome;
    }

    /** @return outcome and detail */
    private String[] execute(Step step) throws JournalWriteException, InterruptedException, Stop, StepFailed {
        return switch (step.type()) {
            case MANUAL, APPROVAL -> answered(step);
            case CHECK -> checked((CheckStep) step);
            case ACTION -> acted((ActionStep) step);
        };
    }

    private String[] answered(Step step) throws Stop, StepFailed {
        Answer answer = operator.answer(step);
        return switch (answer.kind()) {
            case DONE -> new String[] {"DONE", (step instanceof Step.Approval ? "approved by " : "done by ")
                    + (answer.by().isBlank() ? operator.name() : answer.by())};
            case SKIP -> new String[] {"SKIPPED", "skipped by " + operator.name() + ": " + answer.text()};
            case ABORT -> throw new Stop(RunStatus.ABORTED, "aborted at " + step.id() + ": " + answer.text());
            case FAIL, RETRY -> throw new StepFailed("marked failed by " + operator.name() + ": " + answer.text());
        };
    }

    private String[] checked(CheckStep step) throws JournalWriteException, InterruptedException, Stop, StepFailed {
        CheckResult result = checkUntilPassOrTimeout(step);
        record("CHECK_RESULT", step.id(), result.passed() ? "PASSED" : "FAILED", result.observed());
        if (!result.passed()) {
            throw new StepFailed(result.observed());
        }
        return new String[] {"DONE", result.observed()};
    }

    private String[] acted(ActionStep step) throws JournalWriteException, StepFailed {
        String changed;
        try {
            ActionPlan plan = work.plan(step);
            record("ACTION_PLANNED", step.id(), null, "on " + plan.context() + ": " + plan.summary());
            String typed = operator.confirmAction(step, plan.context(), plan.summary());
            if (!plan.context().equals(typed == null ? "" : typed.trim())) {
                throw new StepFailed("not confirmed: the context name typed was \"" + typed
                        + "\", not \"" + plan.context() + "\"");
            }
            changed = work.apply(step, plan);
        } catch (ClusterWork.StepException e) {
            throw new StepFailed(e.getMessage());
        }
        record("ACTION_RESULT", step.id(), "APPLIED", changed);
        return new String[] {"DONE", changed};
    }

    /** A step did not succeed; the operator decides what happens next. */
    private static final class StepFailed extends Exception {
        StepFailed(String message) {
            super(message);
        }
    }

    private CheckResult checkUntilPassOrTimeout(CheckStep step) throws InterruptedException, Stop {
        Duration timeout = step.timeout();
        Duration interval = step.interval().isZero() ? DEFAULT_INTERVAL : step.interval();
        long started = time.nanos();
        int attempts = 0;
        while (true) {
            attempts++;
            CheckResult result = work.check(step);
            Duration waited = Duration.ofNanos(time.nanos() - started);
            if (result.passed()) {
                return new CheckResult(true, result.observed() + attemptsNote(attempts, waited));
            }
            boolean stillSettling = work.settling() && waited.compareTo(SETTLE_GRACE) < 0;
            if (waited.plus(interval).compareTo(timeout) > 0 && !stillSettling) {
                return new CheckResult(false, result.observed() + attemptsNote(attempts, waited)
                        + (timeout.isZero() ? "" : "; gave up after the timeout of " + Durations.format(timeout)));
            }
            // Waits in short slices, so an abort does not wait for the next attempt.
            for (Duration left = interval; !left.isNegative() && !left.isZero(); left = left.minus(ABORT_POLL)) {
                stopIfAbortRequested("while " + step.id() + " waited");
                time.sleep(left.compareTo(ABORT_POLL) < 0 ? left : ABORT_POLL);
            }
        }
    }

    private static String attemptsNote(int attempts, Duration waited) {
        return attempts == 1 ? "" : " (attempt " + attempts + ", after " + Durations.format(waited) + ")";
    }

    /** The outage start minus the newest backup seen, recorded with the objective. */
    private Duration actualRpo() throws JournalWriteException {
        Instant newest = work.newestBackup();
        Instant outage = options.outageStart() != null ? options.outageStart() : clockStartWall;
        if (newest == null || outage == null) {
            return null;
        }
        Duration rpo = newest.isAfter(outage) ? Duration.ZERO : Duration.between(newest, outage);
        Duration objective = rpoObjective();
        record("RPO", null, objective == null ? null
                : rpo.compareTo(objective) <= 0 ? "WITHIN_OBJECTIVE" : "OBJECTIVE_MISSED",
                "RPO " + Durations.format(rpo) + ": newest backup " + newest + ", outage " + outage
                        + (objective == null ? "" : " (objective " + Durations.format(objective) + ")"));
        return rpo;
    }

    private Duration rpoObjective() {
        return drill.spec().objectives().rpo();
    }

    private void recordHealth(String when) throws JournalWriteException {
        String health = work.healthRecord();
        if (health != null) {
            record("HEALTH_SNAPSHOT", null, when, health);
        }
    }

    private void startClock() throws JournalWriteException {
        Instant wallNow = time.now();
        clockStartWall = wallNow;
        clockStartNanos = time.nanos();
        if (options.outageStart() != null && options.outageStart().isBefore(wallNow)) {
            backdate = Duration.between(options.outageStart(), wallNow);
            record("CLOCK_START", null, "BACKDATED", "outage started " + options.outageStart() + " ("
                    + Durations.format(backdate) + " before the clock was started): " + options.outageStartReason());
        } else {
            record("CLOCK_START", null, null, "at " + wallNow);
        }
        recordHealth("CLOCK_START");
    }

    private void stopClock(Step step) throws JournalWriteException {
        if (clockStartNanos < 0) {
            return; // validation guarantees start before stop; a skipped start step leaves no clock
        }
        rto = Duration.ofNanos(time.nanos() - clockStartNanos).plus(backdate);
        Duration objective = objective();
        record("CLOCK_STOP", step.id(), objective == null ? null
                : rto.compareTo(objective) <= 0 ? "WITHIN_OBJECTIVE" : "OBJECTIVE_MISSED",
                "RTO " + Durations.format(rto) + (objective == null ? "" : " (objective " + Durations.format(objective) + ")"));
        recordHealth("CLOCK_STOP");
    }

    private void cleanup() throws JournalWriteException, InterruptedException, Stop {
        Resume resume = options.resume();
        for (Step step : drill.spec().cleanup()) {
            if (resume == null || !resume.finishedSteps().contains(step.id())) {
                if (!"DONE".equals(runStep(step))) {
                    continue;
                }
            }
            cleanupStepsDone++;
        }
    }

    /** Whether the standby was returned to rest: null when the run needs no cleanup. */
    private Boolean cleanupDone() {
        int required = drill.spec().cleanup().size();
        if (options.mode() == RunMode.FAILOVER || required == 0) {
            return null;
        }
        return cleanupStepsDone == required;
    }

    /** Picks the clock up where it was: running since its original start (by the wall clock), or stopped. */
    private void resumeFrom(Resume resume) throws JournalWriteException {
        String detail = resume.finishedSteps().size() + " step(s) already done";
        if (resume.rto() != null) {
            rto = resume.rto();
            detail += "; the RTO clock had stopped at " + Durations.format(rto);
        } else if (resume.clockStart() != null) {
            clockStartWall = resume.clockStart();
            Duration since = Duration.between(resume.clockStart(), time.now());
            clockStartNanos = time.nanos() - Math.max(0, since.toNanos());
            detail += "; the RTO clock runs on from " + resume.clockStart() + " (" + Durations.format(
                    Duration.ofSeconds(Math.max(0, since.getSeconds()))) + " so far)";
        }
        record("RESUMED", null, null, "by " + operator.name() + ": " + detail);
    }

    /** "; took 2m 5s waiting for people": reports read who was being waited for from this ending. */
    private static String tookNote(long tookNanos, boolean human) {
        return "; took " + Durations.format(Duration.ofNanos(tookNanos))
                + (human ? " waiting for people" : " waiting for the cluster");
    }

    private long account(boolean human, long startedNanos) {
        long took = time.nanos() - startedNanos;
        if (human) {
            humanNanos += took;
        } else {
            clusterNanos += took;
        }
        return took;
    }

    private Duration objective() {
        return drill.spec().objectives().rto();
    }

    private void record(String kind, String stepId, String outcome, String detail) throws JournalWriteException {
        journal.record(kind, stepId, outcome, detail);
        listener.recorded(kind, stepId, outcome, detail);
    }
}
