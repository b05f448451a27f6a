package org.drillconsole.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drillconsole.drill.ClusterWork.ActionPlan;
import org.drillconsole.drill.ClusterWork.CheckResult;
import org.drillconsole.drill.Operator.Answer;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.drill.Step;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine with a fake clock, a scripted operator and scripted clusters. */
class DrillEngineTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    /** Time that only moves when someone waits. */
    static final class FakeTime implements RunTime {
        long nanos;

        @Override
        public Instant now() {
            return T0.plusNanos(nanos);
        }

        @Override
        public long nanos() {
            return nanos;
        }

        @Override
        public void sleep(Duration duration) {
            advance(duration);
        }

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }
    }

    final FakeTime time = new FakeTime();
    final List<String> journal = new ArrayList<>();
    final List<String> heard = new ArrayList<>();
    final Deque<Answer> answers = new ArrayDeque<>();
    final Map<String, Deque<Boolean>> checks = new HashMap<>();
    final List<String> applied = new ArrayList<>();
    String typedContext = "practice-standby";
    Duration humanThinks = Duration.ofMinutes(2);
    Duration actionTakes = Duration.ofSeconds(30);

    final Operator operator = new Operator() {
        @Override
        public String name() {
            return "alex";
        }

        @Override
        public Answer answer(Step step) {
            time.advance(humanThinks);
            return answers.isEmpty() ? Answer.done("alex") : answers.poll();
        }

        @Override
        public Answer preflightFailed(List<String> failures) {
            return answers.isEmpty() ? Answer.abort("preflight failed") : answers.poll();
        }

        @Override
        public Answer stepFailed(Step step, String why) {
            return answers.isEmpty() ? Answer.abort("giving up") : answers.poll();
        }

        @Override
        public String confirmAction(Step step, String context, String plan) {
            return typedContext;
        }
    };

    /** How many more times the fake clusters say they are still listing their objects. */
    int settlingFor;

    /** What the fake clusters report as both sides' health. */
    List<org.drillconsole.model.journal.RunEvent.SideHealth> health = List.of();

    final ClusterWork work = new ClusterWork() {
        @Override
        public List<org.drillconsole.model.journal.RunEvent.SideHealth> healthRecord() {
            return health;
        }

        @Override
        public boolean settling() {
            return settlingFor-- > 0;
        }

        @Override
        public CheckResult check(org.drillconsole.model.drill.CheckStep step) {
            Deque<Boolean> script = checks.getOrDefault(step.id(), new ArrayDeque<>(List.of(true)));
            boolean passed = script.size() > 1 ? script.poll() : script.peek();
            return new CheckResult(passed, passed ? "all good" : "not yet");
        }

        @Override
        public ActionPlan plan(org.drillconsole.model.drill.ActionStep step) {
            return new ActionPlan("practice-standby", "scale 13 workloads up", List.of());
        }

        @Override
        public String apply(org.drillconsole.model.drill.ActionStep step, ActionPlan plan) {
            time.advance(actionTakes);
            applied.add(step.id());
            return "scaled 13 workloads";
        }
    };

    DrillDefinition drill;

    @BeforeEach
    void loadSmallDrill() throws Exception {
        drill = DrillLoader.load(java.nio.file.Files.writeString(
                java.nio.file.Files.createTempDirectory("drill").resolve("d.yaml"), """
                apiVersion: drills.gitpod-dr/v1
                kind: Drill
                metadata: { name: small, title: Small }
                spec:
                  strategy: pilot-light
                  objectives: { rto: 10m }
                  preflight:
                    - { id: standby-answers, type: check, cluster: standby, check: { kind: apiReachable } }
                  steps:
                    - { id: declare, type: manual, clock: start, instructions: Declare. }
                    - { id: scale-up, type: action, cluster: standby, action: { kind: scale, selector: app=gitpod, replicasFrom: primarySnapshot } }
                    - { id: ready, type: check, cluster: standby, timeout: 5m, interval: 30s, check: { kind: workloadsReady, selector: app=gitpod } }
                    - { id: serving, type: check, clock: stop, check: { kind: httpGet, url: "https://gitpod.example.com/api/version" } }
                  cleanup:
                    - { id: back-to-zero, type: action, cluster: standby, action: { kind: scale, selector: app=gitpod, replicas: 0 } }
                """));
    }

    DrillEngine.Result run(RunMode mode, Instant outageStart) throws Exception {
        return new DrillEngine(drill, new DrillEngine.Options(mode, outageStart, "first alert"),
                event -> journal.add(event.kind() + (event.stepId() == null ? "" : " " + event.stepId())
                        + (event.outcome() == null ? "" : " " + event.outcome())),
                operator, work, time, event -> heard.add(event.kind().name())).run();
    }

    @Test
    void measuresTheRtoFromClockStartToTheServingCheck() throws Exception {
        checks.put("ready", new ArrayDeque<>(List.of(false, false, true)));
        DrillEngine.Result result = run(RunMode.PRACTICE, null);
        assertEquals(RunStatus.COMPLETED, result.status());
        // 2 min declaring + 30 s scaling + 2 x 30 s waiting for readiness; the cleanup comes after the stop
        assertEquals(Duration.ofSeconds(210), result.rto());
        assertTrue(result.withinObjective());
        assertEquals(0, result.exitCode());
        assertEquals(Duration.ofMinutes(2), result.humanTime());
        assertEquals(List.of("scale-up", "back-to-zero"), applied);
        assertTrue(journal.contains("CLOCK_STOP serving WITHIN_OBJECTIVE"), journal.toString());
    }

    @Test
    void recordsEveryEventBeforeAnyoneHearsOfIt() throws Exception {
        run(RunMode.PRACTICE, null);
        assertEquals(journal.size(), heard.size());
        assertEquals(journal.stream().map(e -> e.split(" ")[0]).toList(), heard);
    }

    @Test
    void countsTheOutageFromABackdatedStartInAFailover() throws Exception {
        DrillEngine.Result result = run(RunMode.FAILOVER, T0.minus(Duration.ofMinutes(9)));
        assertEquals(Duration.ofSeconds(9 * 60 + 150), result.rto());
        assertEquals(1, result.exitCode(), "9 min before the clock plus 2.5 min of drill misses the 10 min objective");
        assertTrue(journal.contains("CLOCK_START BACKDATED"), journal.toString());
        assertTrue(applied.equals(List.of("scale-up")), "no cleanup after a real failover: " + applied);
    }

    @Test
    void retriesAPreflightCheckWhileAJustConnectedClusterIsStillListingItsObjects() throws Exception {
        checks.put("standby-answers", new ArrayDeque<>(List.of(false, false, true)));
        settlingFor = 2;
        DrillEngine.Result result = run(RunMode.DRILL, null);
        assertEquals(RunStatus.COMPLETED, result.status(), journal.toString());
        assertTrue(journal.contains("CHECK_RESULT standby-answers PASSED"), journal.toString());
        assertFalse(journal.contains("PREFLIGHT_OVERRIDDEN"), "no failure was shown to the operator");
    }

    @Test
    void abortsWhenPreflightFailsAndTheOperatorStops() throws Exception {
        checks.put("standby-answers", new ArrayDeque<>(List.of(false)));
        DrillEngine.Result result = run(RunMode.DRILL, null);
        assertEquals(RunStatus.ABORTED, result.status());
        assertEquals(2, result.exitCode());
        assertNull(result.rto());
        assertTrue(applied.isEmpty());
    }

    @Test
    void goesOnWhenTheOperatorOverridesAFailedPreflightWithAReason() throws Exception {
        checks.put("standby-answers", new ArrayDeque<>(List.of(false)));
        answers.add(Answer.skip("standby API flaps, known issue INC-42"));
        DrillEngine.Result result = run(RunMode.DRILL, null);
        assertEquals(RunStatus.COMPLETED, result.status());
        assertTrue(journal.contains("PREFLIGHT_OVERRIDDEN"), journal.toString());
    }

    @Test
    void refusesAnActionWhenTheTypedContextIsWrong() throws Exception {
        typedContext = "practice-primary";
        DrillEngine.Result result = run(RunMode.PRACTICE, null);
        assertEquals(RunStatus.ABORTED, result.status());
        assertTrue(applied.isEmpty(), "nothing was changed");
        assertTrue(result.summary().contains("not confirmed"), result.summary());
    }

    static org.drillconsole.model.journal.RunEvent.SideHealth side(String side, String verdict, String... reasons) {
        return new org.drillconsole.model.journal.RunEvent.SideHealth(side, "practice-" + side, "http://127.0.0.1:1",
                "ONLINE", verdict, 2, 2, 0, "203.0.113.20", List.of(reasons), List.of());
    }

    @Test
    void neverEndsWithinObjectivesWhileTheStandbyItRecoveredToIsNotHealthy() throws Exception {
        health = List.of(side("primary", "DOWN", "API server unreachable"),
                side("standby", "DEGRADED", "partly scaled to zero: ws-manager"));
        DrillEngine.Result result = run(RunMode.PRACTICE, null);
        assertEquals(RunStatus.COMPLETED, result.status());
        assertFalse(result.withinObjective());
        assertEquals(1, result.exitCode());
        assertTrue(result.summary().contains("the standby was DEGRADED when the clock stopped: partly scaled to zero:"
                + " ws-manager"), result.summary());
        assertTrue(journal.get(journal.size() - 1).equals("COMPLETED RECOVERY_INCOMPLETE"), journal.toString());
    }

    @Test
    void endsWithinObjectivesWhenTheStandbyIsHealthyAtClockStop() throws Exception {
        health = List.of(side("primary", "DOWN"), side("standby", "HEALTHY"));
        DrillEngine.Result result = run(RunMode.PRACTICE, null);
        assertTrue(result.withinObjective(), result.summary());
        assertEquals(0, result.exitCode());
    }

    @Test
    void aFailbackRecoversToThePrimary() {
        assertEquals(null, DrillEngine.recoveryProblem(org.drillconsole.model.drill.Strategy.FAILBACK,
                List.of(side("primary", "HEALTHY"), side("standby", "IDLE"))));
        assertTrue(DrillEngine.recoveryProblem(org.drillconsole.model.drill.Strategy.FAILBACK,
                List.of(side("primary", "DEGRADED", "server 1/2"), side("standby", "HEALTHY"))).startsWith(
                "the primary was DEGRADED"));
        assertEquals(null, DrillEngine.recoveryProblem(org.drillconsole.model.drill.Strategy.READINESS,
                List.of(side("standby", "DOWN"))));
    }

    /** A check tried again tells the people waiting what it saw each time, and is journaled once, at its end. */
    @Test
    void aCheckTriedAgainSaysWhatItSawWhileItWaits() throws Exception {
        checks.put("ready", new ArrayDeque<>(List.of(false, false, true)));
        List<String> said = new ArrayList<>();
        DrillEngine.Listener listener = new DrillEngine.Listener() {
            @Override
            public void recorded(org.drillconsole.model.journal.RunEvent event) {
                heard.add(event.kind().name());
            }

            @Override
            public void stillChecking(org.drillconsole.model.drill.CheckStep step, String observed, int attempt,
                                      Duration waited, Duration timeout) {
                said.add(step.id() + ": " + observed + ", attempt " + attempt + " after " + waited.toSeconds()
                        + " s of " + timeout.toMinutes() + " min");
            }
        };
        DrillEngine.Result result = new DrillEngine(drill, new DrillEngine.Options(RunMode.PRACTICE, null, null),
                event -> journal.add(event.kind() + (event.stepId() == null ? "" : " " + event.stepId())),
                operator, work, time, listener).run();
        assertEquals(RunStatus.COMPLETED, result.status());
        assertEquals(List.of("ready: not yet, attempt 1 after 0 s of 5 min", "ready: not yet, attempt 2 after 30 s of 5 min"),
                said);
        assertEquals(1, journal.stream().filter(e -> e.equals("CHECK_RESULT ready")).count(), journal.toString());
    }

    /** The operator can end a long wait at once and skip the check, with the reason journaled. */
    @Test
    void theOperatorStopsWaitingForACheckAndSkipsIt() throws Exception {
        checks.put("ready", new ArrayDeque<>(List.of(false)));
        answers.add(Answer.done("alex")); // declare
        answers.add(Answer.skip("the standby is known to be ready"));
        DrillEngine[] engine = new DrillEngine[1];
        DrillEngine.Listener listener = new DrillEngine.Listener() {
            @Override
            public void recorded(org.drillconsole.model.journal.RunEvent event) {
            }

            @Override
            public void stillChecking(org.drillconsole.model.drill.CheckStep step, String observed, int attempt,
                                      Duration waited, Duration timeout) {
                engine[0].requestStopWaiting();
            }
        };
        engine[0] = new DrillEngine(drill, new DrillEngine.Options(RunMode.PRACTICE, null, null),
                event -> journal.add(event.kind() + (event.stepId() == null ? "" : " " + event.stepId())
                        + (event.outcome() == null ? "" : " " + event.outcome())),
                operator, work, time, listener);
        Instant before = time.now();
        DrillEngine.Result result = engine[0].run();
        assertEquals(RunStatus.COMPLETED, result.status());
        assertTrue(journal.contains("CHECK_RESULT ready FAILED"), journal.toString());
        assertTrue(journal.contains("STEP_FINISHED ready SKIPPED"), journal.toString());
        assertTrue(Duration.between(before, time.now()).compareTo(Duration.ofMinutes(4)) < 0,
                "it did not wait out the 5-minute timeout");
    }

    @Test
    void givesUpOnACheckAfterItsTimeoutAndLetsTheOperatorRetry() throws Exception {
        checks.put("ready", new ArrayDeque<>(List.of(false, false, false, false, false, false, false, false, false,
                false, false, true)));
        answers.add(Answer.done("alex")); // declare
        answers.add(Answer.retry());      // after the first 5 minutes
        DrillEngine.Result result = run(RunMode.PRACTICE, null);
        assertEquals(RunStatus.COMPLETED, result.status());
        assertTrue(journal.contains("CHECK_RESULT ready FAILED"), journal.toString());
        assertTrue(journal.contains("STEP_RETRIED ready RETRY"), journal.toString());
    }

    @Test
    void keepsTheRunWhenTheOperatorAbortsMidway() throws Exception {
        answers.add(Answer.abort("wrong standby chosen"));
        DrillEngine.Result result = run(RunMode.PRACTICE, null);
        assertEquals(RunStatus.ABORTED, result.status());
        assertTrue(journal.get(journal.size() - 1).startsWith("ABORTED"), journal.toString());
        assertTrue(result.summary().contains("wrong standby chosen"));
        // The two minutes the operator spent on the step before aborting count as waiting for people.
        assertEquals(Duration.ofMinutes(2), result.humanTime());
    }

    @Test
    void abortsWhileACheckWaitsWithoutWaitingForTheNextAttempt() throws Exception {
        checks.put("ready", new ArrayDeque<>(List.of(false)));
        DrillEngine[] engine = new DrillEngine[1];
        engine[0] = new DrillEngine(drill, new DrillEngine.Options(RunMode.PRACTICE, null, null),
                event -> journal.add(event.kind() + (event.stepId() == null ? "" : " " + event.stepId())),
                operator, new ClusterWork() {
                    @Override
                    public CheckResult check(org.drillconsole.model.drill.CheckStep step) {
                        if (step.id().equals("ready")) {
                            engine[0].requestAbort("standby in the wrong region");
                        }
                        return work.check(step);
                    }

                    @Override
                    public ActionPlan plan(org.drillconsole.model.drill.ActionStep step) throws StepException {
                        return work.plan(step);
                    }

                    @Override
                    public String apply(org.drillconsole.model.drill.ActionStep step, ActionPlan plan) throws StepException {
                        return work.apply(step, plan);
                    }
                }, time, event -> { });
        long before = time.nanos();
        DrillEngine.Result result = engine[0].run();
        assertEquals(RunStatus.ABORTED, result.status());
        assertTrue(result.summary().contains("standby in the wrong region"), result.summary());
        assertTrue(Duration.ofNanos(time.nanos() - before).compareTo(Duration.ofMinutes(4)) < 0,
                "did not wait out the 5 minute timeout");
        assertTrue(applied.equals(List.of("scale-up")), "no cleanup after an abort: " + applied);
    }

    @Test
    void runsAReadinessDrillWithoutClock() throws Exception {
        drill = DrillLoader.load(Path.of("drills/standby-readiness.yaml"));
        DrillEngine.Result result = run(RunMode.PRACTICE, null);
        assertEquals(RunStatus.COMPLETED, result.status());
        assertNull(result.rto());
        assertEquals(0, result.exitCode());
        assertEquals(5, journal.stream().filter(e -> e.startsWith("CHECK_RESULT")).count());
    }
}
