package org.drillconsole.ui.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.drillconsole.cluster.ClusterPair;
import org.drillconsole.drill.Briefing;
import org.drillconsole.drill.DrillEngine;
import org.drillconsole.model.drill.CheckStep;
import org.drillconsole.drill.DrillLoader;
import org.drillconsole.drill.KubernetesClusterWork;
import org.drillconsole.drill.ParameterValues;
import org.drillconsole.drill.DrillSession;
import org.drillconsole.drill.Durations;
import org.drillconsole.drill.HumanTime;
import org.drillconsole.drill.Network;
import org.drillconsole.drill.Operator.Answer;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.drill.Step;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.report.EventText;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.ParameterMemory;
import org.drillconsole.ui.TaskExecutor;
import org.drillconsole.model.Words;

/**
 * The guided drill beside the health panes: choose a runbook and a mode, then answer the steps as the
 * engine reaches them. The engine runs on a background thread; every event it reports is already in the
 * journal.
 */
public final class DrillViewModel {

    /** A step that kept someone waiting this long is announced when it ends. */
    private static final java.time.Duration LONG_WAIT = java.time.Duration.ofSeconds(30);

    /** What the drill needs from the rest of the window, looked up when a run starts. */
    /** @param parameters the parameter values last used per runbook and environment */
    public record Wiring(Supplier<ClusterPair> clusters, Supplier<Boolean> practice,
                         Callable<JournalStore> journal, Supplier<Network> practiceNetwork, ParameterMemory parameters) {
    }

    /** One parameter of the chosen runbook, as the form shows it; the value is typed by the operator. */
    public record ParameterField(String name, String description, String example, StringProperty value) {
    }

    private final TaskExecutor executor;
    /** Whether {@link #startClock} has run (on the FX thread). */
    private boolean clockStarted;
    private final Path runbookDir;
    private final Wiring wiring;
    private final ObservableList<Path> runbooks = FXCollections.observableArrayList();
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<StepRow> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No drill running");
    private final ReadOnlyStringWrapper stopwatch = new ReadOnlyStringWrapper("RTO —");
    private final ReadOnlyStringWrapper stopwatchStyle = new ReadOnlyStringWrapper("status-unknown");
    /** The share of the RTO objective used so far (0 to 1 and beyond); -1 when there is no clock or objective. */
    private final javafx.beans.property.ReadOnlyDoubleWrapper budget = new javafx.beans.property.ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper budgetText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nextStep = new ReadOnlyStringWrapper("");
    /** What the run measured, in lines for people, once it has ended; empty before. */
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RunRecord> finishedRun = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    /** Worth a desktop notification when the window is in the background: a long wait over, a run ended. */
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper();
    private final java.util.Map<String, Long> stepStarted = new java.util.HashMap<>();
    private final ReadOnlyObjectWrapper<Prompt> prompt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunRecord> unfinished = new ReadOnlyObjectWrapper<>();
    /** Whether the journal has been looked at (or found unreadable) for an unfinished run. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper unfinishedLookedFor =
            new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ObservableList<ParameterField> parameterFields = FXCollections.observableArrayList();
    private final ObservableList<String> runbookProblems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper runbookReady = new ReadOnlyBooleanWrapper(false);
    /** Bumped on every inspection, so an older answer never overwrites a newer one. */
    private long inspection;
    private Path inspected;
    private volatile DrillSession session;
    private FxOperator operator;
    private Duration objective;

    public DrillViewModel(TaskExecutor executor, Path runbookDir, Wiring wiring) {
        this.executor = executor;
        this.runbookDir = runbookDir;
        this.wiring = wiring;
    }

    /**
     * A runbook as the picker shows it: its title, and its strategy and objectives (or that it has problems).
     *
     * @param title the runbook's title, or its file name when it cannot be read
     * @param facts "pilot-light · RTO 30m · RPO 15m · pilot-light-failover.yaml", or its problems
     */
    public record RunbookChoice(String title, String facts, boolean broken) {

        static RunbookChoice of(Path file, DrillLoader.Checked checked) {
            String name = file.getFileName().toString();
            int problems = checked.problems().size();
            if (problems > 0 || checked.outline() == null) {
                return new RunbookChoice(name, "✖ " + Words.count(Math.max(1, problems), "problem")
                        + ": choose it to see where", true);
            }
            var outline = checked.outline();
            var objectives = outline.objectives();
            return new RunbookChoice(outline.metadata().title(), outline.strategy().key()
                    + (objectives.rto() == null ? "" : " · RTO " + Durations.format(objectives.rto()))
                    + (objectives.rpo() == null ? "" : " · RPO " + Durations.format(objectives.rpo()))
                    + " · " + name, false);
        }
    }

    private final javafx.collections.ObservableMap<Path, RunbookChoice> choices = FXCollections.observableHashMap();

    /** What the picker shows of each runbook listed, read off the FX thread; absent until read. */
    public javafx.collections.ObservableMap<Path, RunbookChoice> runbookChoices() {
        return FXCollections.unmodifiableObservableMap(choices);
    }

    private record Listed(List<Path> files, Map<Path, RunbookChoice> choices) {
    }

    /** Lists the runbooks in the runbook folder, each with its title and objectives (off the FX thread). */
    public void refreshRunbooks() {
        executor.run(() -> {
            List<Path> files;
            try (Stream<Path> listed = Files.list(runbookDir)) {
                files = listed.filter(f -> f.toString().endsWith(".yaml")).map(f -> f.toAbsolutePath().normalize())
                        .sorted().toList();
            } catch (IOException e) {
                files = List.of();
            }
            Map<Path, RunbookChoice> read = new java.util.HashMap<>();
            files.forEach(file -> read.put(file, choiceOf(file)));
            return new Listed(files, read);
        }, listed -> {
            choices.putAll(listed.choices());
            runbooks.setAll(listed.files());
        }, error -> log.add("cannot list runbooks in " + runbookDir + ": " + error.getMessage()));
    }

    private static RunbookChoice choiceOf(Path file) {
        return RunbookChoice.of(file, DrillLoader.check(file, ParameterValues.none(), false));
    }

    /** Adds a runbook from outside the runbook folder to the choices; returns it, to be selected. */
    public Path addRunbook(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!runbooks.contains(absolute)) {
            runbooks.add(absolute);
            executor.run(() -> choiceOf(absolute), choice -> choices.put(absolute, choice), error -> { });
        }
        return absolute;
    }

    public Path runbookDir() {
        return runbookDir;
    }

    /**
     * Starts a run. Bad input (an invalid runbook, no clusters, an unwritable journal) is said in the log,
     * never as a stack trace.
     */
    public void start(Path runbook, RunMode mode, String operatorName, Instant outageStart, String outageReason) {
        if (mode == RunMode.FAILOVER && outageStart != null && (outageReason == null || outageReason.isBlank())) {
            log.add("say where the outage start comes from (e.g. the first alert) before starting");
            return;
        }
        ParameterValues values = runbook.equals(inspected) ? formValues(runbook) : ParameterValues.none();
        launch(runbook, values, mode, operatorName, (request, clusters, store, network) -> DrillSession.start(
                new DrillSession.Request(request.drill(), request.runbookDir(), mode, operatorName, outageStart,
                        outageReason), clusters, store, operator, operator::newestBackup, network, listener));
    }

    /**
     * Reads the chosen runbook (off the FX thread): its parameters, filled with the values last used in this
     * environment (on the practice clusters, else with {@code values/practice.yaml} beside the runbooks), and
     * every problem with its line. Start stays disabled while there are problems.
     */
    public void inspect(Path runbook) {
        inspected = runbook;
        parameterFields.clear();
        runbookProblems.clear();
        runbookReady.set(false);
        if (runbook == null) {
            return;
        }
        long ticket = ++inspection;
        String environment = environment();
        boolean practice = wiring.practice().get();
        executor.run(() -> {
            DrillLoader.Checked declared = DrillLoader.check(runbook, ParameterValues.none(), false);
            String name = declared.drill() != null ? declared.drill().metadata().name()
                    : runbook.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            Map<String, String> initial = new LinkedHashMap<>();
            if (practice) {
                // The practice values beside the runbook, else beside the shipped runbooks.
                Path beside = runbook.toAbsolutePath().getParent().resolve("values").resolve("practice.yaml");
                Path shipped = runbookDir.resolve("values").resolve("practice.yaml");
                Path practiceValues = Files.isRegularFile(beside) ? beside : shipped;
                if (Files.isRegularFile(practiceValues)) {
                    ParameterValues.none().file(practiceValues).values().forEach((k, v) -> initial.put(k, v.value()));
                }
            }
            initial.putAll(wiring.parameters().recall(name, environment));
            ParameterValues values = ParameterValues.none();
            for (var p : declared.parameters()) {
                String value = initial.getOrDefault(p.name(), p.defaultValue());
                if (value != null) {
                    values.put(p.name(), value, runbook);
                }
            }
            return new Inspected(declared, values, DrillLoader.check(runbook, values, true));
        }, result -> {
            if (ticket != inspection) {
                return;
            }
            DrillLoader.Checked declared = result.declared();
            ParameterValues values = result.values();
            List<ParameterField> fields = new java.util.ArrayList<>();
            for (var p : declared.parameters()) {
                var given = values.values().get(p.name());
                StringProperty value = new SimpleStringProperty(given == null ? "" : given.value());
                value.addListener((obs, old, now) -> revalidate(runbook));
                fields.add(new ParameterField(p.name(), p.description(), p.type().example(), value));
            }
            parameterFields.setAll(fields); // one change: the form is built once
            showProblems(result.withValues());
        }, error -> runbookProblems.setAll("the runbook cannot be read: " + error.getMessage()));
    }

    /** A runbook read for the form: its parameters, the values it starts with, and what is wrong with them. */
    private record Inspected(DrillLoader.Checked declared, ParameterValues values, DrillLoader.Checked withValues) {
    }

    /** Checks the runbook again with the values in the form, after an edit. */
    private void revalidate(Path runbook) {
        long ticket = ++inspection;
        ParameterValues values = formValues(runbook);
        executor.run(() -> DrillLoader.check(runbook, values, true), checked -> {
            if (ticket == inspection) {
                showProblems(checked);
            }
        }, error -> runbookProblems.setAll("the runbook cannot be read: " + error.getMessage()));
    }

    private void showProblems(DrillLoader.Checked checked) {
        runbookProblems.setAll(checked.problems().stream().map(p -> p.toString()).toList());
        runbookReady.set(checked.drill() != null);
        inspectedDrill = checked.drill();
        rpoObjective.set(checked.drill() == null ? null : checked.drill().spec().objectives().rpo());
        Planned now = checked.drill() == null ? null : Planned.of(wiring.clusters().get(), inspected, checked.drill());
        boolean samePlan = now != null && now.equals(planned);
        if (!samePlan) {
            dryRuns = Map.of();
            planned = now;
        }
        briefing.set(checked.drill() == null ? null
                : Briefing.of(checked.drill(), briefingMode).withDryRuns(dryRuns));
        if (!samePlan) {
            askTheClustersAbout(checked.drill(), now);
        }
    }

    /** What the clusters said of the chosen runbook's actions (server-side dry runs), by step id. */
    private Map<String, String> dryRuns = Map.of();
    /**
     * What {@link #dryRuns} are asked for (answered or not yet): a parameter edited that changes none of it is
     * not asked again. Read by the asking thread to give up once something else is asked for.
     */
    private volatile Planned planned;

    /**
     * What a briefing's dry runs depend on: the clusters, the runbook, its namespace and its steps' actions. A
     * value typed in the form that changes none of these (the domain, used by checks) keeps the dry runs: asked
     * again at every keystroke, they sent a batch of requests to the clusters and emptied the briefing's lines.
     */
    private record Planned(ClusterPair clusters, Path runbook, String namespace, List<Step> actions) {
        static Planned of(ClusterPair clusters, Path runbook, DrillDefinition drill) {
            return new Planned(clusters, runbook, drill.spec().namespace(), drill.spec().steps().stream()
                    .filter(org.drillconsole.model.drill.ActionStep.class::isInstance).toList());
        }
    }

    /**
     * The briefing's changes as the clusters see them now: each step's action planned with a server-side dry run
     * (off the FX thread), shown under it once they answer; nothing when no clusters are connected.
     */
    private void askTheClustersAbout(DrillDefinition drill, Planned plan) {
        ClusterPair clusters = plan == null ? null : plan.clusters();
        if (drill == null || clusters == null || plan.runbook() == null) {
            return;
        }
        Path runbookDir = plan.runbook().toAbsolutePath().getParent();
        executor.run(() -> {
            // The primary's replicas are what a scale-up copies: planned before its objects are read, the plan
            // would find nothing to scale. A primary that never answers is planned after 15 s, and says so.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
            while (!clusters.monitor(org.drillconsole.model.Side.PRIMARY).snapshot().objectsKnown()
                    && System.nanoTime() < deadline && plan.equals(planned)) {
                Thread.sleep(250);
            }
            return Briefing.dryRuns(drill, KubernetesClusterWork.forPlanning(clusters, drill, runbookDir));
        },
                said -> {
                    if (plan.equals(planned) && briefing.get() != null) {
                        dryRuns = said;
                        briefing.set(briefing.get().withDryRuns(said));
                    }
                }, error -> { });
    }

    private DrillDefinition inspectedDrill;
    private final javafx.beans.property.ReadOnlyObjectWrapper<java.time.Duration> rpoObjective =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private RunMode briefingMode = RunMode.PRACTICE;

    /** The chosen runbook's RPO objective, or null: the panes judge the newest backup's age against it. */
    public javafx.beans.property.ReadOnlyObjectProperty<java.time.Duration> rpoObjectiveProperty() {
        return rpoObjective.getReadOnlyProperty();
    }
    private final javafx.beans.property.ReadOnlyObjectWrapper<Briefing> briefing =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();

    /** What the chosen runbook will do in the chosen mode, told before it starts; null while it cannot start. */
    public javafx.beans.property.ReadOnlyObjectProperty<Briefing> briefingProperty() {
        return briefing.getReadOnlyProperty();
    }

    /** The mode chosen in the form, for the briefing. */
    public void briefFor(RunMode mode) {
        briefingMode = mode;
        briefing.set(inspectedDrill == null ? null : Briefing.of(inspectedDrill, briefingMode).withDryRuns(dryRuns));
    }

    private ParameterValues formValues(Path runbook) {
        ParameterValues values = ParameterValues.none();
        for (ParameterField field : parameterFields) {
            if (!field.value().get().isBlank()) {
                values.put(field.name(), field.value().get().strip(), runbook);
            }
        }
        return values;
    }

    /** Where the drill runs, for remembering parameter values: the practice clusters or a pair of contexts. */
    private String environment() {
        if (wiring.practice().get()) {
            return "practice";
        }
        ClusterPair clusters = wiring.clusters().get();
        if (clusters == null) {
            return "unknown";
        }
        var p = clusters.monitor(org.drillconsole.model.Side.PRIMARY).clusterTarget();
        var st = clusters.monitor(org.drillconsole.model.Side.STANDBY).clusterTarget();
        return (p == null ? "" : p.context()) + "|" + (st == null ? "" : st.context());
    }

    public ObservableList<ParameterField> parameterFields() {
        return parameterFields;
    }

    /** The chosen runbook's problems, each as {@code file:line:column path: message}. */
    public ObservableList<String> runbookProblems() {
        return runbookProblems;
    }

    /** True when the chosen runbook is valid and every parameter has a valid value. */
    public ReadOnlyBooleanProperty runbookReadyProperty() {
        return runbookReady.getReadOnlyProperty();
    }

    /** Looks for a run the console never finished (it was killed), to offer resuming it. */
    public void checkUnfinished() {
        executor.run(() -> wiring.journal().call().unfinishedRun().orElse(null), run -> {
            unfinished.set(run);
            unfinishedLookedFor.set(true);
        }, error -> {
            log.add("the journal cannot be read: " + error.getMessage());
            unfinishedLookedFor.set(true);
        });
    }

    /** Continues the unfinished run: done steps are kept, its clock runs on from the original start. */
    public void resumeUnfinished(String operatorName) {
        RunRecord run = unfinished.get();
        if (run == null) {
            return;
        }
        Path runbook = runbookDir.resolve(run.run().drillName() + ".yaml");
        ParameterValues values = ParameterValues.none();
        run.run().parameters().forEach((name, value) -> values.put(name, value, runbook));
        launch(runbook, values, run.run().mode(), operatorName, (request, clusters, store, network) -> DrillSession.resume(
                run, request, clusters, store, operator, operator::newestBackup, network, listener));
    }

    /** How a run is begun: a new one, or one resumed. */
    @FunctionalInterface
    private interface SessionFactory {
        DrillSession open(DrillSession.Request request, ClusterPair clusters, JournalStore store, Network network)
                throws Exception;
    }

    /**
     * The mode a drill starts in unless the operator chooses another: practice on the practice clusters, a
     * planned drill on real ones (a failover is always chosen on purpose).
     */
    public static RunMode modeFor(boolean practiceClusters) {
        return practiceClusters ? RunMode.PRACTICE : RunMode.DRILL;
    }

    private void launch(Path runbook, ParameterValues values, RunMode mode, String operatorName,
                        SessionFactory factory) {
        if (running.get()) {
            return;
        }
        if (mode == RunMode.PRACTICE && !wiring.practice().get()) {
            log.add("practice mode runs on the practice clusters: connect to them first, or choose drill or failover");
            return;
        }
        ClusterPair clusters = wiring.clusters().get();
        if (clusters == null) {
            log.add("the clusters are not connected yet");
            return;
        }
        running.set(true);
        outcome.set("");
        summary.set("");
        finishedRun.set(null);
        nextStep.set("");
        log.clear();
        steps.clear();
        operator = new FxOperator(operatorName, next -> executor.onFxThread(() -> prompt.set(next)));
        Network network = mode == RunMode.PRACTICE ? wiring.practiceNetwork().get() : Network.REAL;
        String environment = environment();
        executor.run(() -> {
            DrillDefinition drill = DrillLoader.load(runbook, values);
            try {
                wiring.parameters().remember(drill.metadata().name(), environment, drill.parameterValues());
            } catch (IOException notRemembered) {
                executor.onFxThread(() -> log.add("the parameter values could not be remembered: "
                        + notRemembered.getMessage()));
            }
            JournalStore store = wiring.journal().call();
            executor.onFxThread(() -> prepare(drill, mode));
            session = factory.open(new DrillSession.Request(drill, runbook.toAbsolutePath().getParent(), mode,
                    operatorName, null, null), clusters, store, network);
            executor.onFxThread(() -> unfinished.set(null));
            return session.engine().run();
        }, this::finished, error -> {
            running.set(false);
            prompt.set(null);
            log.add("the drill could not run: " + error.getMessage());
        });
    }

    private final DrillEngine.Listener listener = new DrillEngine.Listener() {
        @Override
        public void recorded(RunEvent event) {
            executor.onFxThread(() -> DrillViewModel.this.recorded(event));
        }

        @Override
        public void stillChecking(CheckStep step, String observed, int attempt, Duration waited, Duration timeout) {
            // Times of day, not "so far": the card stays true between attempts (a minute apart, for some checks).
            Instant now = Instant.now();
            java.time.ZoneId zone = java.time.ZoneId.systemDefault();
            String text = "Checking: " + step.displayTitle() + "\nseen at " + HumanTime.localTime(now, zone) + ": "
                    + observed + "\nattempt " + attempt + (timeout.isZero() ? ""
                    : " · gives up at " + HumanTime.localTime(now.minus(waited).plus(timeout), zone) + " ("
                    + HumanTime.duration(timeout) + " after its first try)");
            executor.onFxThread(() -> checking.set(text));
        }
    };

    private final ReadOnlyStringWrapper checking = new ReadOnlyStringWrapper("");

    /** While a check is tried again: which, what it saw last, and for how long it has been tried; else empty. */
    public ReadOnlyStringProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }


    private void prepare(DrillDefinition drill, RunMode mode) {
        title.set(drill.metadata().title() + " · " + mode.name().toLowerCase() + " mode");
        objective = drill.spec().objectives().rto();
        addRows("preflight", drill.spec().preflight());
        addRows("step", drill.spec().steps());
        if (mode != RunMode.FAILOVER) {
            addRows("cleanup", drill.spec().cleanup());
        }
    }

    private void addRows(String section, List<? extends Step> list) {
        for (Step step : list) {
            steps.add(new StepRow(step.id(), step.displayTitle(), section, "○", ""));
        }
    }

    private void recorded(RunEvent event) {
        if (event instanceof RunEvent.CheckResult || event instanceof RunEvent.StepFinished
                || event instanceof RunEvent.StepStarted || event instanceof RunEvent.Finished) {
            checking.set("");
        }
        log.add(HumanTime.localTime(Instant.now(), java.time.ZoneId.systemDefault()) + "  "
                + EventText.describe(event, java.time.ZoneId.systemDefault()));
        if (event instanceof RunEvent.StepStarted started) {
            int at = -1;
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).id().equals(started.stepId())) {
                    at = i;
                }
            }
            nextStep.set(at >= 0 && at + 1 < steps.size() ? "next: " + steps.get(at + 1).title() : "next: the end of the drill");
        }
        String stepId = event.stepId();
        if (stepId == null) {
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            StepRow row = steps.get(i);
            if (!row.id().equals(stepId)) {
                continue;
            }
            if (event instanceof RunEvent.StepStarted) {
                steps.set(i, row.with("▶", ""));
                stepStarted.put(stepId, System.nanoTime());
            } else if (event instanceof RunEvent.StepFinished finished) {
                String took = finished.took() == null ? "" : HumanTime.duration(finished.took())
                        + (finished.waitingFor() == RunEvent.WaitingFor.PEOPLE ? " waiting for people"
                        : " waiting for the cluster");
                steps.set(i, row.with(symbol(finished.result().name()), took, finished.took()));
                Long started = stepStarted.remove(stepId);
                if (started != null && System.nanoTime() - started >= LONG_WAIT.toNanos()) {
                    notice.set(row.title() + ": " + finished.result().name().toLowerCase() + " after " + took);
                }
            } else if (event instanceof RunEvent.CheckResult check && check.preflight()) {
                steps.set(i, row.with(symbol(check.passed() ? "DONE" : "FAILED"), ""));
            }
        }
    }

    private static String symbol(String result) {
        return switch (result == null ? "" : result) {
            case "DONE" -> "✔";
            case "SKIPPED" -> "↷";
            case "FAILED" -> "✖";
            default -> "•";
        };
    }

    private void finished(DrillEngine.Result result) {
        running.set(false);
        prompt.set(null);
        tick();
        outcome.set(result.status() + ": " + result.summary());
        summary.set(summaryOf(result));
        DrillSession ended = session;
        finishedRun.set(ended == null ? null : ended.run());
        notice.set("Drill " + result.status().name().toLowerCase() + ": " + result.summary());
    }

    /** The end of a drill in plain lines: objectives, where the time went, the slowest steps, the cleanup. */
    private String summaryOf(DrillEngine.Result result) {
        StringBuilder text = new StringBuilder();
        text.append("RTO ").append(result.rto() == null ? "not measured" : HumanTime.duration(result.rto()))
                .append(result.rtoObjective() == null ? "" : " of " + HumanTime.duration(result.rtoObjective())
                        + (result.rto() == null ? "" : result.rto().compareTo(result.rtoObjective()) <= 0
                        ? " ✔ within" : " ✖ over"));
        if (result.rpo() == null) {
            text.append("   ·   RPO not measured (no check saw a backup time)").append(result.rpoObjective() == null ? ""
                    : "; objective " + HumanTime.duration(result.rpoObjective()));
        } else {
            text.append("   ·   RPO ").append(HumanTime.duration(result.rpo())).append(result.rpoObjective() == null ? ""
                    : " of " + HumanTime.duration(result.rpoObjective()) + (result.rpo().compareTo(result.rpoObjective())
                    <= 0 ? " ✔ within" : " ✖ over"));
        }
        text.append("\nWaiting for people ").append(HumanTime.duration(result.humanTime()))
                .append(", for the clusters ").append(HumanTime.duration(result.clusterTime()));
        List<StepRow> slowest = steps.stream().filter(r -> r.took() != null)
                .sorted(java.util.Comparator.comparing(StepRow::took).reversed()).limit(3).toList();
        if (!slowest.isEmpty()) {
            text.append("\nSlowest steps: ").append(String.join("; ", slowest.stream()
                    .map(r -> r.title() + " " + r.split()).toList()));
        }
        if (result.recoveryProblem() != null) {
            text.append("\n✖ Not recovered: ").append(result.recoveryProblem());
        }
        long cleanup = steps.stream().filter(r -> r.section().equals("cleanup")).count();
        long cleaned = steps.stream().filter(r -> r.section().equals("cleanup") && r.status().equals("✔")).count();
        text.append("\nCleanup: ").append(cleanup == 0 ? "none needed" : cleaned == cleanup ? "✔ done"
                : "✖ " + cleaned + " of " + Words.count(cleanup, "step") + " done: the standby may not be back at rest");
        return text.toString();
    }

    /** Writes the finished run's report (off the FX thread); what happened is said in the log. */
    public void exportFinished(org.drillconsole.report.ReportFormat format, Path target) {
        RunRecord run = finishedRun.get();
        if (run == null) {
            return;
        }
        executor.run(() -> {
            var report = org.drillconsole.report.Reports.load(wiring.journal().call(), run.id(), java.time.Clock.systemUTC());
            org.drillconsole.report.ReportFiles.write(target, out -> format.write(report, out));
            return target;
        }, file -> log.add(HumanTime.localTime(Instant.now(), java.time.ZoneId.systemDefault()) + " wrote " + file),
                error -> log.add("the report could not be written: " + error.getMessage()));
    }

    /** Puts the summary away: the start form comes back for the next drill (the run stays in the history). */
    public void dismissSummary() {
        summary.set("");
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The run that ended (for its report and the history); null while none has. */
    public ReadOnlyObjectProperty<RunRecord> finishedRunProperty() {
        return finishedRun.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyDoubleProperty budgetProperty() {
        return budget.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty budgetTextProperty() {
        return budgetText.getReadOnlyProperty();
    }

    /** The step after the one under way ("next: Point DNS at the standby"); empty at the end. */
    public ReadOnlyStringProperty nextStepProperty() {
        return nextStep.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Starts the stopwatch's tick, once a second on the FX thread, for as long as the window is open. */
    public void startClock() {
        if (!clockStarted) {
            clockStarted = true;
            executor.every(java.time.Duration.ofSeconds(1), this::tick);
        }
    }

    /** Every second ({@link #startClock}): the RTO clock against the objective, coloured at 75 % and 100 %. */
    public void tick() {
        DrillSession current = session;
        Duration elapsed = current == null ? null : current.engine().elapsed();
        if (elapsed == null) {
            stopwatch.set("RTO —" + (objective == null ? "" : " of " + HumanTime.duration(objective)));
            stopwatchStyle.set("status-unknown");
            budget.set(objective == null ? -1 : 0);
            budgetText.set(objective == null ? "" : "the clock has not started");
            return;
        }
        stopwatch.set("RTO " + HumanTime.duration(elapsed) + (objective == null ? "" : " of "
                + HumanTime.duration(objective)));
        double used = objective == null ? 0 : (double) elapsed.toMillis() / objective.toMillis();
        stopwatchStyle.set(used >= 1 ? "status-danger" : used >= 0.75 ? "status-warning" : "status-success");
        budget.set(objective == null ? -1 : used);
        boolean stopped = current.engine().clockStopped();
        budgetText.set(objective == null ? "" : used <= 1 ? (stopped ? "clock stopped with "
                + HumanTime.duration(objective.minus(elapsed)) + " to spare" : HumanTime.duration(objective.minus(elapsed))
                + " left" + (used >= 0.75 ? " ⚠" : "")) : "✖ over the objective by "
                + HumanTime.duration(elapsed.minus(objective)) + (stopped ? " (clock stopped)" : ""));
    }

    // Answers from the prompt's buttons; each hands the engine its answer and clears the prompt.

    public void done(String by) {
        reply(Answer.done(by == null || by.isBlank() ? operator.name() : by));
    }

    public void skip(String reason) {
        reply(Answer.skip(reason));
    }

    public void fail(String reason) {
        reply(Answer.fail(reason));
    }

    public void retry() {
        reply(Answer.retry());
    }

    public void abort(String reason) {
        reply(Answer.abort(reason));
    }

    /**
     * Confirms the action when the context name is typed exactly; otherwise nothing is sent and the reason is
     * returned, to be said beside the field with the typed text kept: a typo must not leave a step undone (an
     * optional step went on without its change at the first wrong letter).
     */
    public Optional<String> confirm(String typed) {
        Prompt now = prompt.get();
        if (now == null || now.kind() != Prompt.Kind.CONFIRM) {
            return Optional.empty();
        }
        String text = typed == null ? "" : typed.strip();
        if (!text.equals(now.context())) {
            return Optional.of((text.isEmpty() ? "type " : "\"" + text + "\" is not the context name: type ")
                    + now.context() + " exactly to apply it, or Do not (Alt+N) to leave it undone");
        }
        reply(text);
        return Optional.empty();
    }

    /** The operator does not want the action: nothing is changed, and the step is failed as declined. */
    public void decline() {
        Prompt now = prompt.get();
        if (now != null && now.kind() == Prompt.Kind.CONFIRM) {
            reply("");
        }
    }

    public void backupTakenAt(Instant time) {
        reply(time);
    }

    /** Aborts the whole run now, whatever it waits for; the run is kept and recorded as aborted. */
    public void abortRun(String reason) {
        DrillSession current = session;
        if (!running.get() || reason == null || reason.isBlank()) {
            return;
        }
        if (current != null) {
            current.engine().requestAbort(reason);
        }
        prompt.set(null);
        operator.abortAll(reason);
    }

    /**
     * Stops waiting for the check being tried again: it ends now as not passed, and the operator is asked what
     * next as for any failed check (an optional one goes on by itself).
     */
    public void stopWaiting() {
        DrillSession current = session;
        if (current != null && !checking.get().isEmpty()) {
            current.engine().requestStopWaiting();
        }
    }

    /** A note on the current step, committed to the journal off the FX thread. */
    public void note(String text) {
        DrillSession current = session;
        Prompt now = prompt.get();
        if (current == null || text == null || text.isBlank()) {
            return;
        }
        String stepId = now == null ? null : now.stepId();
        executor.run(() -> {
            current.note(stepId, operator.name() + ": " + text);
            return text;
        }, saved -> log.add("NOTE " + (stepId == null ? "" : stepId + " ") + operator.name() + ": " + saved),
                error -> log.add("note NOT recorded: " + error.getMessage()));
    }

    private void reply(Object value) {
        prompt.set(null);
        operator.reply(value);
    }

    public ObservableList<Path> runbooks() {
        return runbooks;
    }

    public ObservableList<StepRow> steps() {
        return stepsView;
    }

    public ObservableList<String> log() {
        return logView;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stopwatchProperty() {
        return stopwatch.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stopwatchStyleProperty() {
        return stopwatchStyle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty unfinishedLookedForProperty() {
        return unfinishedLookedFor.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunRecord> unfinishedProperty() {
        return unfinished.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Prompt> promptProperty() {
        return prompt.getReadOnlyProperty();
    }
}
