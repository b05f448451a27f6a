package org.drillconsole.ui.history;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.StepTiming;
import org.drillconsole.report.HistoryExport;
import org.drillconsole.report.HistoryFilter;
import org.drillconsole.report.ReportFiles;
import org.drillconsole.report.ReportFormat;
import org.drillconsole.report.Reports;
import org.drillconsole.report.RunReport;
import org.drillconsole.report.Trends;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.TeamDatabase;
import org.drillconsole.store.TeamHistory;
import org.drillconsole.report.RunReports;
import org.drillconsole.ui.DialogService;
import org.drillconsole.ui.TaskExecutor;
import org.drillconsole.model.Words;

/**
 * The drill history: every recorded run, filtered and sorted; the selected run's report; trends over runs;
 * exports. The journal is read and files are written on the executor, never on the FX thread.
 */
public final class HistoryViewModel {

    /** The history as a file: the filtered runs, newest first. */
    public enum HistoryFormat {
        CSV("csv"),
        JSON("json"),
        HTML("html");

        private final String extension;

        HistoryFormat(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private record Loaded(List<RunRecord> runs, List<StepTiming> timings, boolean fromTeam, String note) {
    }

    private final TaskExecutor executor;
    /** Whether {@link #startFollowing} has run (on the FX thread). */
    private boolean following;
    private final Callable<JournalStore> journal;
    private final java.util.function.Supplier<TeamDatabase> team;
    /** Whether the runs shown came from the team database (then reports are read from there too). */
    private volatile boolean fromTeam;
    private final DialogService dialogs;
    private final Clock clock;
    private final ObservableList<RunRecord> all = FXCollections.observableArrayList();
    private final FilteredList<RunRecord> filtered = new FilteredList<>(all);
    private final ObservableList<String> drillNames = FXCollections.observableArrayList();
    private final ObservableList<String> drillNamesView = FXCollections.unmodifiableObservableList(drillNames);
    private final ObjectProperty<String> drillFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<RunMode> modeFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<RunStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> fromFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toFilter = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<RunReport> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper trendDrill = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Trends.Series> rtoTrend = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Trends.Series> rpoTrend = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Trends.StrategyCost> costs = FXCollections.observableArrayList();
    private final ObservableList<Trends.StrategyCost> costsView = FXCollections.unmodifiableObservableList(costs);
    private final ObservableList<StepTiming> slowSteps = FXCollections.observableArrayList();
    private final ObservableList<StepTiming> slowStepsView = FXCollections.unmodifiableObservableList(slowSteps);
    private List<StepTiming> allTimings = List.of();
    /** Bumped on every selection, so a slow load of an earlier selection never overwrites a later one. */
    private long selection;

    public HistoryViewModel(TaskExecutor executor, Callable<JournalStore> journal, DialogService dialogs, Clock clock) {
        this(executor, journal, () -> null, dialogs, clock);
    }

    /** @param team the team database whose history is shown when it answers (null: this workstation only) */
    public HistoryViewModel(TaskExecutor executor, Callable<JournalStore> journal,
                            java.util.function.Supplier<TeamDatabase> team, DialogService dialogs, Clock clock) {
        this.team = team;
        this.executor = executor;
        this.journal = journal;
        this.dialogs = dialogs;
        this.clock = clock;
        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> filter()::matches, drillFilter,
                modeFilter, statusFilter, fromFilter, toFilter));
        drillFilter.addListener((obs, old, drill) -> updateTrends());
    }

    public HistoryFilter filter() {
        return new HistoryFilter(drillFilter.get(), modeFilter.get(), statusFilter.get(), fromFilter.get(),
                toFilter.get(), ZoneId.systemDefault());
    }

    /** Reads every run (and the step timings) from the journal. */
    public void refresh() {
        busy.set(true);
        message.set("reading the journal…");
        long mine = ++loads;
        executor.run(() -> {
            JournalStore store = journal.call();
            TeamDatabase database = team.get();
            if (database != null) {
                try (TeamHistory history = TeamHistory.open(database)) {
                    return new Loaded(history.runs(), store.stepTimings(null), true, "");
                } catch (TeamDatabase.TeamDbException e) {
                    return new Loaded(store.runs(), store.stepTimings(null), false, e.getMessage()
                            + ": showing this workstation's runs only");
                }
            }
            return new Loaded(store.runs(), store.stepTimings(null), false, "");
        }, loaded -> {
            if (mine != loads) {
                return; // a newer reading is on its way: it decides what is shown
            }
            busy.set(false);
            fromTeam = loaded.fromTeam();
            List<RunRecord> newestFirst = new ArrayList<>(loaded.runs());
            newestFirst.sort(Comparator.comparing(RunRecord::createdAt).thenComparing(RunRecord::id).reversed());
            all.setAll(newestFirst);
            Long wanted = selectAfterRefresh;
            selectAfterRefresh = null;
            if (wanted != null) {
                newestFirst.stream().filter(r -> r.id() == wanted && (r.workstation().isEmpty()
                        || r.workstation().equals(org.drillconsole.store.JournalStore.WORKSTATION)))
                        .findFirst().ifPresent(toSelect::set);
            }
            drillNames.setAll(newestFirst.stream().map(r -> r.run().drillName()).distinct().sorted().toList());
            allTimings = loaded.timings();
            message.set(!loaded.note().isEmpty() ? loaded.note() : Words.count(newestFirst.size(), "run") + " recorded"
                    + (loaded.fromTeam() ? " by the team (every workstation)" : ""));
            updateTrends();
        }, error -> {
            busy.set(false);
            message.set("the history could not be read: " + error.getMessage());
        });
    }

    private volatile Long selectAfterRefresh;
    /** Bumped on every reading of the history, so only the newest reading's answer is shown. */
    private long loads;
    private final ReadOnlyObjectWrapper<RunRecord> toSelect = new ReadOnlyObjectWrapper<>();

    /** Reads the history again and then selects this workstation's run {@code id} (a drill that just ended). */
    public void refreshAndSelect(long id) {
        selectAfterRefresh = id;
        refresh();
    }

    /** A run the view should select (set after {@link #refreshAndSelect}). */
    public ReadOnlyObjectProperty<RunRecord> toSelectProperty() {
        return toSelect.getReadOnlyProperty();
    }

    /** Loads the run's report for the detail pane; null clears it. */
    public void select(RunRecord run) {
        long mine = ++selection;
        if (run == null) {
            detail.set(null);
            return;
        }
        boolean team = fromTeam;
        executor.run(() -> load(run, team), report -> {
            if (mine == selection) {
                detail.set(report);
                updateTrends();
            }
        }, error -> message.set("run " + run.id() + " could not be read: " + error.getMessage()));
    }

    private RunReport load(RunRecord run, boolean fromTeamDatabase) throws Exception {
        TeamDatabase database = team.get();
        if (fromTeamDatabase && database != null && !run.uid().isEmpty()) {
            try (TeamHistory history = TeamHistory.open(database)) {
                return RunReports.of(run, history.events(run), clock.instant());
            }
        }
        return Reports.load(journal.call(), run.id(), clock);
    }

    /** Starts {@link #followTick} once a second on the FX thread, for as long as the window is open. */
    public void startFollowing() {
        if (!following) {
            following = true;
            executor.every(java.time.Duration.ofSeconds(1), this::followTick);
        }
    }

    /**
     * Every second ({@link #startFollowing}): a selected run that is still running is read again, so an
     * incident commander follows a drill another workstation runs (through the team database) as it happens.
     */
    public void followTick() {
        RunReport shown = detail.get();
        if (shown == null || shown.run().status() != RunStatus.RUNNING || !fromTeam) {
            return;
        }
        long mine = selection;
        RunRecord run = shown.run();
        executor.run(() -> {
            TeamDatabase database = team.get();
            try (TeamHistory history = TeamHistory.open(database)) {
                RunRecord now = history.run(run.uid()).orElse(run);
                return RunReports.of(now, history.events(now), clock.instant());
            }
        }, report -> {
            if (mine == selection) {
                detail.set(report);
            }
        }, error -> message.set("following run " + run.label() + ": " + error.getMessage()));
    }

    /** Writes the selected run's report; the result is reported in {@link #messageProperty()}. */
    public void exportRun(ReportFormat format, Path target) {
        RunReport report = detail.get();
        if (report == null) {
            return;
        }
        export("run " + report.run().id() + " as " + format.name(), target,
                () -> ReportFiles.write(target, out -> format.write(report, out)));
    }

    /** Writes the runs the filter shows, newest first. */
    public void exportHistory(HistoryFormat format, Path target) {
        List<RunRecord> runs = List.copyOf(filtered);
        String described = filter().describe();
        export(Words.count(runs.size(), "run") + " as " + format.name(), target, () -> ReportFiles.write(target, out -> {
            switch (format) {
                case CSV -> HistoryExport.csv(runs, out);
                case JSON -> HistoryExport.json(runs, out);
                case HTML -> HistoryExport.html(runs, described, out);
            }
        }));
    }

    @FunctionalInterface
    private interface Export {
        void run() throws Exception;
    }

    private void export(String what, Path target, Export work) {
        busy.set(true);
        message.set("exporting " + what + "…");
        executor.run(() -> {
            work.run();
            return target;
        }, written -> {
            busy.set(false);
            message.set("wrote " + written);
        }, error -> {
            busy.set(false);
            message.set("export failed");
            dialogs.showError("Export failed", error.getMessage());
        });
    }

    /** Trends follow the runbook filter, else the selected run's runbook, else the most run runbook. */
    private void updateTrends() {
        String drill = drillFilter.get();
        if (drill == null && detail.get() != null) {
            drill = detail.get().run().run().drillName();
        }
        if (drill == null && !all.isEmpty()) {
            drill = all.stream().collect(Collectors.groupingBy(r -> r.run().drillName(), Collectors.counting()))
                    .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }
        trendDrill.set(drill);
        rtoTrend.set(drill == null ? null : Trends.rto(all, drill));
        rpoTrend.set(drill == null ? null : Trends.rpo(all, drill));
        costs.setAll(Trends.byStrategy(all));
        String shown = drill;
        slowSteps.setAll(allTimings.stream().filter(t -> t.drillName().equals(shown)).limit(10).toList());
    }

    public ObservableList<RunRecord> runs() {
        return filtered;
    }

    public ObservableList<String> drillNames() {
        return drillNamesView;
    }

    public ObjectProperty<String> drillFilterProperty() {
        return drillFilter;
    }

    public ObjectProperty<RunMode> modeFilterProperty() {
        return modeFilter;
    }

    public ObjectProperty<RunStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<LocalDate> fromFilterProperty() {
        return fromFilter;
    }

    public ObjectProperty<LocalDate> toFilterProperty() {
        return toFilter;
    }

    public ReadOnlyObjectProperty<RunReport> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trendDrillProperty() {
        return trendDrill.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Trends.Series> rtoTrendProperty() {
        return rtoTrend.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Trends.Series> rpoTrendProperty() {
        return rpoTrend.getReadOnlyProperty();
    }

    public ObservableList<Trends.StrategyCost> costs() {
        return costsView;
    }

    public ObservableList<StepTiming> slowSteps() {
        return slowStepsView;
    }
}
