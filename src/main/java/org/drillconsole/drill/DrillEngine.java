package org.drillconsole.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drillconsole.model.Side;
import org.drillconsole.model.drill.Strategy;
import org.drillconsole.model.journal.RunEvent;
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
     * Where an interrupted run stood (the app was killed), rebuilt from its journal by {@link #resumeFrom(List)}:
     * what is done, when its clock started (an outage does not pause while the console restarts), the time
     * already spent waiting, the backup point already seen, the primary's replicas as recorded at the start,
     * and what the run's scale actions set.
     *
     * @param clockStart when the RTO clock counts from (the outage start when backdated), or null
     * @param rto the RTO when the clock had already stopped, or null
     * @param recoveryProblem what was not well at clock stop, when the clock had already stopped
     */
    public record Resume(boolean preflightDone, Map<String, RunEvent.StepOutcome> finishedSteps, Instant clockStart,
                         Duration rto, String recoveryProblem, Duration humanSoFar, Duration clusterSoFar,
                         Instant newestBackup, Map<String, Integer> primaryReplicas,
                         Map<Side, Map<String, Integer>> scaledTo) {

        public Resume {
            finishedSteps = Map.copyOf(finishedSteps);
            primaryReplicas = Map.copyOf(primaryReplicas);
            Map<Side, Map<String, Integer>> copy = new EnumMap<>(Side.class);
            scaledTo.forEach((side, scaled) -> copy.put(side, Map.copyOf(scaled)));
            scaledTo = Collections.unmodifiableMap(copy);
        }
    }

    /** Rebuilds where a run stands from its journal's typed events; a pure function. */
    public static Resume resumeFrom(List<RunEvent> events, Strategy strategy) {
        Map<String, RunEvent.StepOutcome> finished = new LinkedHashMap<>();
        boolean preflightDone = false;
        Instant clockStart = null;
        Duration rto = null;
        String recoveryProblem = null;
        Duration human = Duration.ZERO;
        Duration cluster = Duration.ZERO;
        Instant newestBackup = null;
        Map<String, Integer> primaryReplicas = Map.of();
        Map<Side, Map<String, Integer>> scaledTo = new EnumMap<>(Side.class);
        for (RunEvent event : events) {
            if (event instanceof RunEvent.StepStarted || event instanceof RunEvent.PreflightOverridden) {
                preflightDone = true;
            } else if (event instanceof RunEvent.StepFinished step) {
                finished.put(step.stepId(), step.result());
                if (step.took() != null && step.waitingFor() != null) {
                    if (step.waitingFor() == RunEvent.WaitingFor.PEOPLE) {
                        human = human.plus(step.took());
                    } else {
                        cluster = cluster.plus(step.took());
                    }
                }
            } else if (event instanceof RunEvent.ClockStarted clock) {
                clockStart = clock.countsFrom();
            } else if (event instanceof RunEvent.ClockStopped clock) {
                rto = clock.rto();
            } else if (event instanceof RunEvent.HealthSnapshot health && health.when() == RunEvent.ClockMark.CLOCK_STOP) {
                recoveryProblem = recoveryProblem(strategy, health.sides());
            } else if (event instanceof RunEvent.CheckResult check && check.backupPoint() != null) {
                newestBackup = newestBackup == null || check.backupPoint().isAfter(newestBackup) ? check.backupPoint()
                        : newestBackup;
            } else if (event instanceof RunEvent.PrimaryReplicasRecorded recorded) {
                primaryReplicas = recorded.replicas();
            } else if (event instanceof RunEvent.ActionApplied applied && applied.cluster() != null) {
                scaledTo.computeIfAbsent(applied.cluster(), side -> new LinkedHashMap<>()).putAll(applied.scaledTo());
            }
        }
        return new Resume(preflightDone, finished, clockStart, rto, recoveryProblem, human, cluster, newestBackup,
                primaryReplicas, scaledTo);
    }

    /**
     * What was not well on the side a run recovers to (the standby, or the primary for a failback) by its
     * health when the clock stopped; null when it was HEALTHY or the run recovers nothing.
     */
    public static String recoveryProblem(Strategy strategy, List<RunEvent.SideHealth> health) {
        Side recovered = switch (strategy) {
            case FAILBACK -> Side.PRIMARY;
            case PILOT_LIGHT, BACKUP_RESTORE -> Side.STANDBY;
            case READINESS -> null;
        };
        if (recovered == null) {
            return null;
        }
        for (RunEvent.SideHealth side : health) {
            if (side.side().equals(recovered.key()) && !"HEALTHY".equals(side.verdict())) {
                return "the " + recovered.key() + " was " + side.verdict() + " when the clock stopped"
                        + (side.reasons().isEmpty() ? "" : ": " + String.join("; ", side.reasons()));
            }
        }
        return null;
    }

    /**
     * @param rto null when the clock never stopped
     * @param rpo the outage start minus the newest backup or replication point a check saw; null when none
     * @param recoveryProblem what was not well on the recovered side at clock stop; null when it was healthy
     */
    public record Result(RunStatus status, Duration rto, Duration rtoObjective, Duration rpo, Duration rpoObjective,
                         Duration humanTime, Duration clusterTime, String summary, String recoveryProblem) {

        public boolean withinObjective() {
            return rto != null && (rtoObjective == null || rto.compareTo(rtoObjective) <= 0) && rpoWithinObjective()
                    && recoveryProblem == null;
        }

        private boolean rpoWithinObjective() {
            return rpo == null || rpoObjective == null || rpo.compareTo(rpoObjective) <= 0;
        }

        /**
         * 0 completed within objectives, 1 completed but an objective missed, not measured, or the recovered
         * side not healthy, 2 aborted or failed.
         */
        public int exitCode() {
            if (status != RunStatus.COMPLETED) {
                return 2;
            }
            return withinObjective() || rtoObjective == null && rto == null && recoveryProblem == null ? 0 : 1;
        }
    }

    /** Hears of each event after it is recorded. */
    @FunctionalInterface
    public interface Listener {
        void recorded(RunEvent event);

        /**
         * A check has not passed yet and will be tried again: what it saw, for the people waiting. Not
         * journaled (the check's result is, once it passes or gives up).
         *
         * @param waited how long the check has been tried so far
         * @param timeout when it gives up (zero: it is tried once)
         */
        default void stillChecking(CheckStep step, String observed, int attempt, Duration waited, Duration timeout) {
        }
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
    /** Monotonic time of the clock's start; meaningful only while {@link #clockRunning}. */
    private volatile long clockStartNanos;
    private volatile boolean clockRunning;
    private volatile Duration backdate = Duration.ZERO;
    private volatile Duration rto;
    private volatile String abortReason;
    private volatile boolean stopWaiting;
    private Instant clockStartWall;
    private long humanNanos;
    private long clusterNanos;
    private int cleanupStepsDone;
    private String recoveryProblem;
    /** The newest backup or replication point any recorded check saw, in this session or before a resume. */
    private Instant newestBackup;

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
        return !clockRunning ? null : Duration.ofNanos(time.nanos() - clockStartNanos).plus(backdate);
    }

    /** True once the RTO clock has stopped (the RTO is measured). */
    public boolean clockStopped() {
        return rto != null;
    }

    public Result run() throws JournalWriteException, InterruptedException {
        RunStatus status = RunStatus.COMPLETED;
        String summary;
        Integer standbyNodes = work.standbyNodes();
        try {
            Resume resume = options.resume();
            if (resume != null) {
                resumeFrom(resume);
            } else {
                record(new RunEvent.PrimaryReplicasRecorded(work.primaryReplicas()));
            }
            if (resume == null || !resume.preflightDone()) {
                preflight();
            }
            for (Step step : drill.spec().steps()) {
                if (resume == null || !resume.finishedSteps().containsKey(step.id())) {
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
                        + HumanTime.duration(rto) + (objective() == null ? ""
                        : " against an RTO objective of " + HumanTime.duration(objective()))
                        + (recoveryProblem == null ? "" : ", but " + recoveryProblem);
            }
        } catch (Stop stop) {
            status = stop.status;
            summary = stop.getMessage();
        }
        if (clockStartWall != null) {
            List<RunEvent.RecordedWarning> warnings = work.warningsRecord();
            if (!warnings.isEmpty()) {
                record(new RunEvent.WarningEvents(warnings));
            }
        }
        Duration rpo = actualRpo();
        Result result = new Result(status, rto, objective(), rpo, rpoObjective(), Duration.ofNanos(humanNanos),
                Duration.ofNanos(clusterNanos), summary, recoveryProblem);
        RunSummary measured = new RunSummary(rto, result.rtoObjective(), rpo, result.rpoObjective(),
                result.humanTime(), result.clusterTime(), cleanupDone(), standbyNodes, options.outageStart(),
                options.outageStart() == null ? null : options.outageStartReason(), recoveryProblem);
        String detail = summary + "; waiting for people " + HumanTime.duration(result.humanTime())
                + ", for the clusters " + HumanTime.duration(result.clusterTime());
        RunEvent.Finished end = new RunEvent.Finished(status,
                measured.verdict() == null ? null : measured.verdict().name(), detail);
        journal.finish(end, measured);
        listener.recorded(end);
        return result;
    }

    private void preflight() throws JournalWriteException, InterruptedException, Stop {
        List<String> failures = new ArrayList<>();
        for (CheckStep step : drill.spec().preflight()) {
            CheckResult result = checkUntilPassOrTimeout(step);
            record(new RunEvent.CheckResult(step.id(), true, result.passed(), result.observed(), result.backupPoint()));
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
        record(new RunEvent.PreflightOverridden(operator.name(), answer.text()));
    }

    /**
     * Stops the run at the next chance: between steps, or while a check waits for its next attempt. Safe to
     * call from any thread; the run is kept and recorded as aborted.
     */
    public void requestAbort(String reason) {
        abortReason = reason == null || reason.isBlank() ? "no reason given" : reason;
    }

    /**
     * Ends the check that is being tried again now, as not passed: the operator then decides as for any failed
     * check (skip, retry, fail or abort; an optional step goes on). Safe to call from any thread; a request
     * made while no check waits is forgotten when the next check starts.
     */
    public void requestStopWaiting() {
        stopWaiting = true;
    }

    private void stopIfAbortRequested(String where) throws Stop {
        String reason = abortReason;
        if (reason != null) {
            throw new Stop(RunStatus.ABORTED, "aborted " + where + " by " + operator.name() + ": " + reason);
        }
    }

    /** @return the step's outcome: DONE, SKIPPED or FAILED (optional steps) */
    private RunEvent.StepOutcome runStep(Step step) throws JournalWriteException, InterruptedException, Stop {
        stopIfAbortRequested("before " + step.id());
        record(new RunEvent.StepStarted(step.id(), step.displayTitle()));
        if (step.clock() == Clock.START && !clockRunning) {
            startClock(); // a resumed run keeps the clock it had
        }
        long started = time.nanos();
        boolean human = step.waitsForPeople();
        RunEvent.StepOutcome outcome;
        String detail;
        while (true) {
            try {
                Done done = execute(step);
                outcome = done.outcome();
                detail = done.detail();
                break;
            } catch (Stop stopped) {
                // Stopped during the step (aborted while a check waited, or at a prompt): its time still counts
                // as waiting for people or for the clusters in the run's summary.
                account(human, started);
                throw stopped;
            } catch (StepFailed failed) {
                if (step.optional()) {
                    outcome = RunEvent.StepOutcome.FAILED;
                    detail = failed.getMessage() + " (optional step: the run goes on)";
                    break;
                }
                Answer answer = operator.stepFailed(step, failed.getMessage());
                if (answer.kind() == Answer.Kind.RETRY) {
                    record(new RunEvent.StepRetried(step.id(), failed.getMessage()));
                    continue;
                }
                if (answer.kind() == Answer.Kind.SKIP) {
                    outcome = RunEvent.StepOutcome.SKIPPED;
                    detail = failed.getMessage() + "; skipped by " + operator.name() + ": " + answer.text();
                    break;
                }
                record(finished(step, RunEvent.StepOutcome.FAILED, failed.getMessage(), account(human, started), human));
                throw new Stop(answer.kind() == Answer.Kind.ABORT ? RunStatus.ABORTED : RunStatus.FAILED,
                        (answer.kind() == Answer.Kind.ABORT ? "aborted at " : "failed at ") + step.id() + ": "
                                + failed.getMessage() + (answer.text().isBlank() ? ""
                                : " (" + operator.name() + ": " + answer.text() + ")"));
            }
        }
        long took = account(human, started);
        // The clock stops before the step is recorded as finished: a kill between the two must not leave a
        // finished serving check with a clock that never stopped.
        if (step.clock() == Clock.STOP && outcome == RunEvent.StepOutcome.DONE) {
            stopClock(step);
        }
        record(finished(step, outcome, detail, took, human));
        return outcome;
    }

    /** How a step ended, and what was seen or done. */
    private record Done(RunEvent.StepOutcome outcome, String detail) {
    }

    private Done execute(Step step) throws JournalWriteException, InterruptedException, Stop, StepFailed {
        return switch (step.type()) {
            case MANUAL, APPROVAL -> answered(step);
            case CHECK -> checked((CheckStep) step);
            case ACTION -> acted((ActionStep) step);
        };
    }

    private Done answered(Step step) throws Stop, StepFailed {
        Answer answer = operator.answer(step);
        return switch (answer.kind()) {
            case DONE -> new Done(RunEvent.StepOutcome.DONE, (step instanceof Step.Approval ? "approved by " : "done by ")
                    + (answer.by().isBlank() ? operator.name() : answer.by()));
            case SKIP -> new Done(RunEvent.StepOutcome.SKIPPED, "skipped by " + operator.name() + ": " + answer.text());
            case ABORT -> throw new Stop(RunStatus.ABORTED, "aborted at " + step.id() + ": " + answer.text());
            case FAIL, RETRY -> throw new StepFailed("marked failed by " + operator.name() + ": " + answer.text());
        };
    }

    private Done checked(CheckStep step) throws JournalWriteException, InterruptedException, Stop, StepFailed {
        CheckResult result = checkUntilPassOrTimeout(step);
        record(new RunEvent.CheckResult(step.id(), false, result.passed(), result.observed(), result.backupPoint()));
        if (!result.passed()) {
            throw new StepFailed(result.observed());
        }
        return new Done(RunEvent.StepOutcome.DONE, result.observed());
    }

    private Done acted(ActionStep step) throws JournalWriteException, StepFailed {
        String changed;
        ActionPlan plan;
        try {
            plan = work.plan(step);
            record(new RunEvent.ActionPlanned(step.id(), plan.context(), plan.summary(),
                    plan.requests().stream().map(ClusterRequest::describe).toList()));
            String typed = operator.confirmAction(step, plan.context(), plan.summary());
            if (typed == null || typed.isBlank()) {
                throw new StepFailed("not confirmed: declined by " + operator.name() + "; nothing was changed");
            }
            if (!plan.context().equals(typed.trim())) {
                throw new StepFailed("not confirmed: the context name typed was \"" + typed
                        + "\", not \"" + plan.context() + "\"; nothing was changed");
            }
            changed = work.apply(step, plan);
        } catch (ClusterWork.StepException e) {
            throw new StepFailed(e.getMessage());
        }
        record(new RunEvent.ActionApplied(step.id(), step.cluster(), changed, ClusterWork.scaledTo(plan)));
        return new Done(RunEvent.StepOutcome.DONE, changed);
    }

    /** A step did not succeed; the operator decides what happens next. */
    private static final class StepFailed extends Exception {
        StepFailed(String message) {
            super(message);
        }
    }

    private CheckResult checkUntilPassOrTimeout(CheckStep step) throws InterruptedException, Stop {
        stopWaiting = false;
        Duration timeout = step.timeout();
        Duration interval = step.interval().isZero() ? DEFAULT_INTERVAL : step.interval();
        long started = time.nanos();
        int attempts = 0;
        while (true) {
            attempts++;
            CheckResult result = work.check(step);
            Duration waited = Duration.ofNanos(time.nanos() - started);
            if (result.passed()) {
                return new CheckResult(true, result.observed() + attemptsNote(attempts, waited), result.backupPoint());
            }
            boolean stillSettling = work.settling() && waited.compareTo(SETTLE_GRACE) < 0;
            if (waited.plus(interval).compareTo(timeout) > 0 && !stillSettling) {
                return new CheckResult(false, result.observed() + attemptsNote(attempts, waited)
                        + (timeout.isZero() ? "" : "; gave up after the timeout of " + HumanTime.duration(timeout)),
                        result.backupPoint());
            }
            listener.stillChecking(step, result.observed(), attempts, waited, timeout);
            // Waits in short slices, so an abort does not wait for the next attempt.
            for (Duration left = interval; !left.isNegative() && !left.isZero(); left = left.minus(ABORT_POLL)) {
                stopIfAbortRequested("while " + step.id() + " waited");
                if (stopWaiting) {
                    stopWaiting = false;
                    return new CheckResult(false, result.observed() + attemptsNote(attempts, waited) + "; "
                            + operator.name() + " stopped waiting", result.backupPoint());
                }
                time.sleep(left.compareTo(ABORT_POLL) < 0 ? left : ABORT_POLL);
            }
        }
    }

    private static String attemptsNote(int attempts, Duration waited) {
        return attempts == 1 ? "" : " (attempt " + attempts + ", after " + HumanTime.duration(waited) + ")";
    }

    /** The outage start minus the newest backup seen (in this session or before a resume), recorded. */
    private Duration actualRpo() throws JournalWriteException {
        Instant newest = newestBackup;
        Instant outage = options.outageStart() != null ? options.outageStart() : clockStartWall;
        if (newest == null || outage == null) {
            return null;
        }
        Duration rpo = newest.isAfter(outage) ? Duration.ZERO : Duration.between(newest, outage);
        record(new RunEvent.RpoMeasured(rpo, newest, outage, rpoObjective()));
        return rpo;
    }

    private Duration rpoObjective() {
        return drill.spec().objectives().rpo();
    }

    private List<RunEvent.SideHealth> recordHealth(RunEvent.ClockMark when) throws JournalWriteException {
        List<RunEvent.SideHealth> health = work.healthRecord();
        if (!health.isEmpty()) {
            record(new RunEvent.HealthSnapshot(when, health));
        }
        return health;
    }

    private void startClock() throws JournalWriteException {
        Instant wallNow = time.now();
        clockStartWall = wallNow;
        clockStartNanos = time.nanos();
        clockRunning = true;
        if (options.outageStart() != null && options.outageStart().isBefore(wallNow)) {
            backdate = Duration.between(options.outageStart(), wallNow);
            record(new RunEvent.ClockStarted(wallNow, options.outageStart(), options.outageStartReason()));
        } else {
            record(new RunEvent.ClockStarted(wallNow, null, null));
        }
        recordHealth(RunEvent.ClockMark.CLOCK_START);
    }

    private void stopClock(Step step) throws JournalWriteException {
        if (!clockRunning || rto != null) {
            return; // validation guarantees start before stop; a skipped start step leaves no clock
        }
        rto = Duration.ofNanos(time.nanos() - clockStartNanos).plus(backdate);
        record(new RunEvent.ClockStopped(step.id(), rto, objective()));
        recoveryProblem = recoveryProblem(drill.spec().strategy(), recordHealth(RunEvent.ClockMark.CLOCK_STOP));
    }

    private void cleanup() throws JournalWriteException, InterruptedException, Stop {
        Resume resume = options.resume();
        for (Step step : drill.spec().cleanup()) {
            RunEvent.StepOutcome before = resume == null ? null : resume.finishedSteps().get(step.id());
            RunEvent.StepOutcome outcome = before != null ? before : runStep(step);
            if (outcome == RunEvent.StepOutcome.DONE) {
                cleanupStepsDone++;
            }
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

    /**
     * Picks the run up where its journal says it was: the clock running since its original start (by the
     * wall clock) or stopped, the time already spent waiting, and the cluster work's memory.
     */
    private void resumeFrom(Resume resume) throws JournalWriteException {
        clockStartWall = resume.clockStart();
        if (resume.rto() != null) {
            rto = resume.rto();
            recoveryProblem = resume.recoveryProblem();
        } else if (resume.clockStart() != null) {
            Duration since = Duration.between(resume.clockStart(), time.now());
            clockStartNanos = time.nanos() - Math.max(0, since.toNanos());
            clockRunning = true;
        }
        humanNanos = resume.humanSoFar().toNanos();
        clusterNanos = resume.clusterSoFar().toNanos();
        newestBackup = resume.newestBackup();
        work.restore(resume.primaryReplicas(), resume.scaledTo());
        record(new RunEvent.Resumed(operator.name(), resume.finishedSteps().size()));
    }

    private static RunEvent.StepFinished finished(Step step, RunEvent.StepOutcome outcome, String detail, long tookNanos,
                                                  boolean human) {
        return new RunEvent.StepFinished(step.id(), outcome, detail, Duration.ofNanos(tookNanos),
                human ? RunEvent.WaitingFor.PEOPLE : RunEvent.WaitingFor.CLUSTER);
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

    private void record(RunEvent event) throws JournalWriteException {
        if (event instanceof RunEvent.CheckResult check && check.backupPoint() != null
                && (newestBackup == null || check.backupPoint().isAfter(newestBackup))) {
            newestBackup = check.backupPoint();
        }
        journal.record(event);
        listener.recorded(event);
    }
}
