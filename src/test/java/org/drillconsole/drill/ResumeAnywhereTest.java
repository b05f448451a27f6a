package org.drillconsole.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.drillconsole.model.Side;
import org.drillconsole.model.drill.Action;
import org.drillconsole.model.drill.ActionStep;
import org.drillconsole.model.drill.CheckStep;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.drill.ResourceKind;
import org.drillconsole.model.drill.Step;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.store.EventCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped runbook, stopped dead after each event it records (as a kill -9 would stop it: the event is
 * committed, nothing after it is), then resumed from what its journal holds, read back through the codec.
 * The resumed run must finish the drill without redoing finished steps, with the primary's replicas as
 * recorded at its start (not as the primary is now), with its RPO when a backup time was given before the
 * kill, and with the time spent waiting in both sessions.
 */
class ResumeAnywhereTest {

    static final Instant BACKUP = Instant.parse("2026-11-25T09:50:00Z");
    static final Map<String, Integer> RECORDED = Map.of("server", 2, "ws-manager", 1);

    /** Thrown by the journal after the chosen event: the process is gone. */
    static final class Killed extends RuntimeException {
        Killed() {
            super("killed", null, false, false);
        }
    }

    static Stream<Arguments> runbooks() throws Exception {
        ParameterValues practice = ParameterValues.none().file(Path.of("drills/values/practice.yaml"));
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("drills"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                DrillDefinition drill = DrillLoader.load(file, practice);
                for (RunMode mode : List.of(RunMode.PRACTICE, RunMode.FAILOVER)) {
                    int events = record(drill, mode, Integer.MAX_VALUE, new ArrayList<>(), null).size();
                    for (int kill = 1; kill < events; kill++) {
                        cases.add(Arguments.of(file.getFileName().toString(), mode, kill));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} in {1} mode, killed after event {2}")
    @MethodSource("runbooks")
    void aRunKilledAfterAnyEventResumesFromItsJournalAlone(String runbook, RunMode mode, int kill) throws Exception {
        DrillDefinition drill = DrillLoader.load(Path.of("drills", runbook),
                ParameterValues.none().file(Path.of("drills/values/practice.yaml")));
        List<JournalEvent> journal = new ArrayList<>();
        List<RunEvent> beforeKill = record(drill, mode, kill, journal, null);
        assertEquals(kill, beforeKill.size());

        // A new console: nothing in memory, only the journal's rows, decoded.
        List<RunEvent> decoded = journal.stream().map(EventCodec::decode).toList();
        assertEquals(beforeKill, decoded, "the codec gives back exactly what was recorded");
        DrillEngine.Resume resume = DrillEngine.resumeFrom(decoded, drill.spec().strategy());
        List<RunEvent> after = record(drill, mode, Integer.MAX_VALUE, journal, resume);

        RunEvent.Finished end = (RunEvent.Finished) after.get(after.size() - 1);
        assertEquals(RunStatus.COMPLETED, end.status(), after.toString());
        List<RunEvent> all = journal.stream().map(EventCodec::decode).toList();
        List<String> finishedTwice = new ArrayList<>();
        Map<String, Integer> finishes = new LinkedHashMap<>();
        all.stream().filter(RunEvent.StepFinished.class::isInstance).forEach(e -> finishes.merge(e.stepId(), 1, Integer::sum));
        finishes.forEach((step, times) -> {
            if (times > 1) {
                finishedTwice.add(step);
            }
        });
        assertTrue(finishedTwice.isEmpty(), "steps done twice: " + finishedTwice);
        for (Step step : allSteps(drill, mode)) {
            assertTrue(finishes.containsKey(step.id()), "step " + step.id() + " never finished");
        }
        // Scale actions after the kill used the primary's replicas as recorded before it.
        for (RunEvent e : after) {
            if (e instanceof RunEvent.ActionApplied applied) {
                applied.scaledTo().forEach((name, replicas) -> {
                    if (replicas > 0) {
                        assertEquals(RECORDED.get(name), replicas, "replicas for " + name + " after the resume");
                    }
                });
            }
        }
        RunEvent.Summary summary = (RunEvent.Summary) all.stream().filter(RunEvent.Summary.class::isInstance)
                .reduce((a, b) -> b).orElseThrow();
        RunSummary s = summary.summary();
        boolean backupSeen = all.stream().anyMatch(e -> e instanceof RunEvent.CheckResult c && c.backupPoint() != null);
        boolean clocked = all.stream().anyMatch(RunEvent.ClockStarted.class::isInstance);
        if (backupSeen && clocked) {
            assertNotNull(s.rpo(), "the RPO survives the kill when the backup time was given before it: " + all);
        }
        if (!drill.spec().steps().isEmpty()) {
            assertNotNull(s.rto(), "the clock stopped: " + after);
        }
        Duration waited = Stream.of(s.humanTime(), s.clusterTime()).reduce(Duration.ZERO, Duration::plus);
        Duration recorded = all.stream().filter(RunEvent.StepFinished.class::isInstance).map(e -> ((RunEvent.StepFinished) e).took())
                .reduce(Duration.ZERO, Duration::plus);
        assertEquals(recorded, waited, "waiting time counts both sessions");
        assertFalse(all.stream().anyMatch(RunEvent.Unknown.class::isInstance));
    }

    /** The steps a run finishes one by one (preflight checks are recorded as check results only). */
    static List<Step> allSteps(DrillDefinition drill, RunMode mode) {
        List<Step> steps = new ArrayList<>(drill.spec().steps());
        if (mode != RunMode.FAILOVER) {
            steps.addAll(drill.spec().cleanup());
        }
        return steps;
    }

    /**
     * Runs the drill until {@code killAfter} events are recorded (appending rows to {@code journal} as the
     * store would), or to its end; returns the events of this session.
     */
    static List<RunEvent> record(DrillDefinition drill, RunMode mode, int killAfter, List<JournalEvent> journal,
                                 DrillEngine.Resume resume) throws Exception {
        List<RunEvent> session = new ArrayList<>();
        DrillEngineTest.FakeTime time = new DrillEngineTest.FakeTime();
        RunJournal sink = new RunJournal() {
            @Override
            public void record(RunEvent event) {
                if (session.size() >= killAfter) {
                    throw new Killed();
                }
                session.add(event);
                journal.add(new JournalEvent(1, journal.size() + 1, Instant.parse("2026-11-25T10:00:00Z")
                        .plusSeconds(journal.size()), event.kind().name(), event.stepId(), event.outcome(),
                        EventCodec.encode(event), "", ""));
            }

            @Override
            public void finish(RunEvent.Finished end, RunSummary summary) {
                record(new RunEvent.Summary(summary));
                record(end);
            }
        };
        Operator operator = new Operator() {
            @Override
            public String name() {
                return "alex";
            }

            @Override
            public Answer answer(Step step) {
                time.advance(Duration.ofSeconds(30));
                return Answer.done("alex");
            }

            @Override
            public Answer preflightFailed(List<String> failures) {
                return Answer.abort("unexpected: " + failures);
            }

            @Override
            public Answer stepFailed(Step step, String why) {
                return Answer.abort("unexpected: " + why);
            }

            @Override
            public String confirmAction(Step step, String context, String plan) {
                return context;
            }
        };
        // After a kill the primary has changed (ws-manager stopped there): only the journal knows what it ran.
        Map<String, Integer> primaryNow = resume == null ? RECORDED : Map.of("server", 2, "ws-manager", 0);
        ClusterWork work = new ClusterWork() {
            Map<String, Integer> primary = primaryNow;

            @Override
            public CheckResult check(CheckStep step) {
                time.advance(Duration.ofSeconds(5));
                boolean backup = step.check() instanceof org.drillconsole.model.drill.Check.BackupAge;
                return new CheckResult(true, "fine", backup ? BACKUP : null);
            }

            @Override
            public ActionPlan plan(ActionStep step) {
                List<ClusterRequest> requests = new ArrayList<>();
                if (step.action() instanceof Action.Scale scale) {
                    primary.forEach((name, replicas) -> requests.add(new ClusterRequest.Scale(ResourceKind.DEPLOYMENT,
                            name, 0, scale.replicas() instanceof Action.Replicas.Fixed f ? f.count() : replicas)));
                }
                return new ActionPlan(step.cluster() == Side.PRIMARY ? "practice-primary" : "practice-standby",
                        "planned", requests);
            }

            @Override
            public String apply(ActionStep step, ActionPlan plan) {
                time.advance(Duration.ofSeconds(10));
                return "done";
            }

            @Override
            public Map<String, Integer> primaryReplicas() {
                return primary;
            }

            @Override
            public void restore(Map<String, Integer> recordedOnPrimary, Map<Side, Map<String, Integer>> scaledTo) {
                if (!recordedOnPrimary.isEmpty()) {
                    primary = recordedOnPrimary;
                }
            }
        };
        Instant outage = mode == RunMode.FAILOVER ? Instant.parse("2026-11-25T09:55:00Z") : null;
        DrillEngine engine = new DrillEngine(drill, new DrillEngine.Options(mode, outage, outage == null ? null
                : "first alert", resume), sink, operator, work, time, event -> { });
        try {
            engine.run();
        } catch (Killed killed) {
            // the process is gone; what it committed is in the journal
        }
        return session;
    }
}
