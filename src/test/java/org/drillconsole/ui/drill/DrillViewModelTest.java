package org.drillconsole.ui.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.drillconsole.cluster.ClusterPair;
import org.drillconsole.drill.Briefing;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.Side;
import org.drillconsole.sandbox.PracticeNetwork;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.ParameterMemory;
import org.drillconsole.support.PracticeClustersExtension;
import org.drillconsole.ui.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drill's view model without a running toolkit: its results are handed over to one thread of the test's
 * own, which stands for the JavaFX application thread, and every read of its state is made there.
 */
class DrillViewModelTest {

    @RegisterExtension
    static final PracticeClustersExtension practice = new PracticeClustersExtension(Duration.ofMillis(100));

    static final Path SHIPPED = Path.of("drills").toAbsolutePath();

    @TempDir
    Path dir;

    final ExecutorService fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));
    final TaskExecutor executor = new TaskExecutor(fx);
    ClusterPair clusters;
    JournalStore journal;

    @AfterEach
    void close() throws Exception {
        executor.close();
        fx.shutdownNow();
        if (clusters != null) {
            clusters.close();
        }
        if (journal != null) {
            journal.close();
        }
    }

    DrillViewModel viewModel(Path runbookDir, boolean onPractice) {
        return new DrillViewModel(executor, runbookDir, new DrillViewModel.Wiring(() -> clusters, () -> onPractice,
                this::journal, () -> new PracticeNetwork(clusters), new ParameterMemory(dir.resolve("parameters.json"))));
    }

    synchronized JournalStore journal() throws Exception {
        if (journal == null) {
            journal = JournalStore.openIn(dir.resolve("data"), Clock.systemUTC());
        }
        return journal;
    }

    <T> T onFx(Callable<T> read) throws Exception {
        return fx.submit(read).get(10, TimeUnit.SECONDS);
    }

    void onFx(Runnable work) throws Exception {
        fx.submit(work).get(10, TimeUnit.SECONDS);
    }

    /** Waits until {@code condition}, read on the stand-in FX thread, holds. */
    void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                fail("not within 30 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theRunbookFolderListsItsRunbooksInOrderAndNothingElse() throws Exception {
        Files.writeString(dir.resolve("b.yaml"), "x");
        Files.writeString(dir.resolve("a.yaml"), "x");
        Files.writeString(dir.resolve("notes.txt"), "x");
        DrillViewModel drill = viewModel(dir, true);
        onFx(drill::refreshRunbooks);
        await("the runbooks listed", () -> drill.runbooks().size() == 2);
        assertEquals(List.of(dir.resolve("a.yaml"), dir.resolve("b.yaml")), onFx(() -> List.copyOf(drill.runbooks())));
    }

    /**
     * The picker says what each runbook is before one is chosen: its title, strategy and objectives, even for a
     * runbook whose parameters have no value yet (the failover's domain), and that a broken one has problems.
     */
    @Test
    void eachRunbookIsListedWithItsTitleStrategyAndObjectives() throws Exception {
        Files.copy(SHIPPED.resolve("pilot-light-failover.yaml"), dir.resolve("pilot-light-failover.yaml"));
        Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v0\n");
        DrillViewModel drill = viewModel(dir, true);
        onFx(drill::refreshRunbooks);
        await("the runbooks listed", () -> drill.runbooks().size() == 2);
        DrillViewModel.RunbookChoice failover = onFx(() -> drill.runbookChoices()
                .get(dir.resolve("pilot-light-failover.yaml")));
        assertEquals(new DrillViewModel.RunbookChoice("Fail over to the pilot-light standby",
                "pilot-light · RTO 30m · RPO 15m · pilot-light-failover.yaml", false), failover);
        DrillViewModel.RunbookChoice broken = onFx(() -> drill.runbookChoices().get(dir.resolve("broken.yaml")));
        assertTrue(broken.broken() && broken.facts().startsWith("✖ "), broken.toString());
    }

    @Test
    void aShippedRunbookOnThePracticeClustersIsFilledWithThePracticeValuesAndReady() throws Exception {
        DrillViewModel drill = viewModel(SHIPPED, true);
        onFx(() -> drill.inspect(SHIPPED.resolve("pilot-light-failover.yaml")));
        await("the runbook ready", () -> drill.runbookReadyProperty().get());
        assertEquals(List.of(), onFx(() -> List.copyOf(drill.runbookProblems())));
        DrillViewModel.ParameterField domain = onFx(() -> drill.parameterFields().stream()
                .filter(f -> f.name().equals("domain")).findFirst().orElseThrow());
        assertEquals("gitpod.example.com", onFx(() -> domain.value().get()));
        assertTrue(onFx(() -> drill.briefingProperty().get()).text().contains("Practice mode"),
                "a briefing before the start");
        assertNotNull(onFx(() -> drill.rpoObjectiveProperty().get()), "the panes are given the RPO objective");
    }

    @Test
    void aParameterEditedToABadValueIsListedAsAProblemAndTheRunbookCannotStart() throws Exception {
        DrillViewModel drill = viewModel(SHIPPED, true);
        onFx(() -> drill.inspect(SHIPPED.resolve("pilot-light-failover.yaml")));
        await("the runbook ready", () -> drill.runbookReadyProperty().get());
        onFx(() -> drill.parameterFields().stream().filter(f -> f.name().equals("domain")).findFirst().orElseThrow()
                .value().set("not a host name!"));
        await("a problem listed", () -> !drill.runbookProblems().isEmpty());
        assertFalse(onFx(() -> drill.runbookReadyProperty().get()));
        String problem = onFx(() -> drill.runbookProblems().get(0));
        assertTrue(problem.contains("domain") && !problem.contains("java."), problem);
    }

    @Test
    void aBrokenRunbookListsEveryProblemWithItsLineAndCannotStart() throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, """
                apiVersion: drills.gitpod-dr/v1
                kind: Drill
                metadata:
                  name: broken
                  title: Broken
                spec:
                  strategy: sideways
                  objectives: { rto: soon }
                """);
        DrillViewModel drill = viewModel(dir, true);
        onFx(() -> drill.inspect(broken));
        await("problems listed", () -> drill.runbookProblems().size() >= 2);
        List<String> problems = onFx(() -> List.copyOf(drill.runbookProblems()));
        assertTrue(problems.stream().anyMatch(p -> p.contains("broken.yaml:7:")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("broken.yaml:8:")), problems.toString());
        assertFalse(onFx(() -> drill.runbookReadyProperty().get()));
        assertNull(onFx(() -> drill.briefingProperty().get()), "no briefing for a runbook that cannot start");
    }

    /** Before the start, the briefing says what each action would change now, as the clusters' dry runs say. */
    @Test
    void theBriefingCarriesWhatTheClustersSayOfEachActionNow() throws Exception {
        clusters = ClusterPair.open(new ClusterPair.Source(practice.clusters().kubeconfig(Side.PRIMARY), null),
                new ClusterPair.Source(practice.clusters().kubeconfig(Side.STANDBY), null), "gitpod", s -> { },
                Clock.systemUTC());
        await("both sides read", () -> clusters.monitor(Side.PRIMARY).snapshot().verdict() != null
                && !clusters.monitor(Side.PRIMARY).snapshot().components().isEmpty());
        DrillViewModel drill = viewModel(SHIPPED, true);
        onFx(() -> drill.inspect(SHIPPED.resolve("pilot-light-failover.yaml")));
        await("the dry runs in the briefing", () -> drill.briefingProperty().get() != null
                && drill.briefingProperty().get().changes().stream().anyMatch(c -> c.dryRun() != null));
        String briefing = onFx(() -> drill.briefingProperty().get().text());
        assertTrue(briefing.contains("now: scale ws-manager 1 → 0 in namespace gitpod"), briefing);
        assertTrue(briefing.matches("(?s).*now: scale .*server 0 → 2.*"), briefing);

        // A value that changes none of the actions (the domain) keeps the dry runs: not asked again, never emptied.
        List<Briefing> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        // Every briefing set, equal or not (a change listener hears only unequal ones).
        onFx(() -> drill.briefingProperty().addListener((javafx.beans.Observable briefed) ->
                seen.add(drill.briefingProperty().get())));
        DrillViewModel.ParameterField domain = onFx(() -> drill.parameterFields().stream()
                .filter(f -> f.name().equals("domain")).findFirst().orElseThrow());
        onFx(() -> domain.value().set("gitpod.acme.test"));
        await("the edited value checked", () -> !seen.isEmpty() && drill.runbookReadyProperty().get());
        assertTrue(seen.stream().allMatch(b -> b != null && b.changes().stream()
                .filter(c -> !c.cleanup()).allMatch(c -> c.dryRun() != null)), seen.toString());
    }

    @Test
    void aReadinessDrillOnThePracticeClustersRunsToItsEndAndIsJournaled() throws Exception {
        clusters = ClusterPair.open(new ClusterPair.Source(practice.clusters().kubeconfig(Side.PRIMARY), null),
                new ClusterPair.Source(practice.clusters().kubeconfig(Side.STANDBY), null), "gitpod", s -> { },
                Clock.systemUTC());
        DrillViewModel drill = viewModel(SHIPPED, true);
        Path runbook = SHIPPED.resolve("standby-readiness.yaml");
        onFx(() -> drill.inspect(runbook));
        await("the runbook ready", () -> drill.runbookReadyProperty().get());
        onFx(() -> drill.start(runbook, RunMode.PRACTICE, "tester", null, null));
        await("the drill ended", () -> !drill.outcomeProperty().get().isEmpty());
        assertFalse(onFx(() -> drill.runningProperty().get()));
        String outcome = onFx(() -> drill.outcomeProperty().get());
        assertTrue(outcome.startsWith("COMPLETED"), outcome + "\n" + onFx(() -> String.join("\n", drill.log())));
        List<StepRow> steps = onFx(() -> List.copyOf(drill.steps()));
        assertEquals(5, steps.size(), steps.toString());
        assertTrue(steps.stream().allMatch(s -> !s.status().isBlank()), steps.toString());
        assertNotNull(onFx(() -> drill.finishedRunProperty().get()), "the run's record, for export and history");
        assertEquals(1, journal().runs().size(), "journaled");
    }
}
