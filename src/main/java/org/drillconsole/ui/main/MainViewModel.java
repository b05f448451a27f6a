package org.drillconsole.ui.main;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.drillconsole.cluster.ClusterPair;
import org.drillconsole.drill.HumanTime;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.Side;
import org.drillconsole.model.Verdict;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.sandbox.PracticeNetwork;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.Settings;
import org.drillconsole.store.ParameterMemory;
import org.drillconsole.store.SettingsStore;
import org.drillconsole.store.TeamDatabase;
import org.drillconsole.store.TeamReplicator;
import org.drillconsole.ui.DialogService;
import org.drillconsole.ui.SnapshotDispatcher;
import org.drillconsole.ui.TaskExecutor;
import org.drillconsole.ui.cluster.ClusterPaneViewModel;
import org.drillconsole.ui.compare.ComparisonViewModel;
import org.drillconsole.ui.drill.DrillViewModel;
import org.drillconsole.ui.history.HistoryViewModel;

/**
 * The main window's state: which clusters are watched, both panes, the comparison, and the practice
 * clusters when rehearsing. All blocking work (files, starting servers) goes through the executor.
 */
public final class MainViewModel implements AutoCloseable {

    private final TaskExecutor executor;
    private final SettingsStore settingsStore;
    static final int GITPOD_PROBE_SECONDS = 10;
    private java.util.concurrent.ScheduledExecutorService gitpodProbes;
    private java.util.concurrent.ScheduledFuture<?> gitpodProbing;
    private final DialogService dialogs;
    private final Callable<PracticeClusters> practiceStarter;
    private final boolean forcePractice;
    private final ClusterPaneViewModel primary = new ClusterPaneViewModel(Side.PRIMARY);
    private final ClusterPaneViewModel standby = new ClusterPaneViewModel(Side.STANDBY);
    private final ComparisonViewModel comparison = new ComparisonViewModel();
    private final SnapshotDispatcher dispatcher;
    private final ReadOnlyBooleanWrapper practice = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("Starting…");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>(Settings.practice());
    private final ReadOnlyObjectWrapper<PracticeClusters> practiceClusters = new ReadOnlyObjectWrapper<>();
    private final DrillViewModel drill;
    /** When the journal is looked at for an unfinished run at the latest, should the panes never settle. */
    static final java.time.Duration LOOK_FOR_UNFINISHED_AT_LATEST = java.time.Duration.ofSeconds(10);
    /** Whether the journal waits for the drill column rather than for both panes to settle. */
    private boolean journalWithTheDrillColumn;
    /** Whether the journal was looked at for an unfinished run yet (once a start, on the FX thread). */
    private boolean lookedForUnfinished;
    private final HistoryViewModel history;
    private final Callable<JournalStore> journalOpener;
    private JournalStore journal;
    /** Set by {@link #close} (under this object's lock): the journal is closed and never opened again. */
    private boolean journalClosed;
    private final TeamDatabase team;
    private TeamReplicator replicator;
    private final ReadOnlyStringWrapper teamStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TeamReplicator.Health> teamHealth = new ReadOnlyObjectWrapper<>();
    private volatile ClusterPair pair;
    private boolean closed;
    /** The practice clusters the latest connection runs on (null on real clusters), written where it connects. */
    private PracticeClusters connectedClusters;
    /**
     * Guards {@link #pair}, {@link #connection}, {@link #closed} and {@link #connectedClusters} between the FX
     * thread (connect, close) and the background work that connects: a connection that finishes after the
     * window closed, or after another connection started, closes what it opened itself (it used to be left
     * running: monitors probing clusters whose files were gone, seen in a CI log).
     */
    private final Object connecting = new Object();
    /** Bumped on every connect, so snapshots still in flight from the previous clusters are dropped. */
    private volatile long connection;

    /**
     * @param runbookDir where the drill runbooks are ({@code drills/})
     * @param journalOpener opens the drill journal (called once, off the FX thread, when first needed)
     */
    public MainViewModel(TaskExecutor executor, SettingsStore settingsStore, DialogService dialogs,
                         Callable<PracticeClusters> practiceStarter, boolean forcePractice, Path runbookDir,
                         Callable<JournalStore> journalOpener) {
        this(executor, settingsStore, dialogs, practiceStarter, forcePractice, runbookDir, journalOpener, null);
    }

    /** @param team the team database every run is copied to, or null for this workstation alone */
    public MainViewModel(TaskExecutor executor, SettingsStore settingsStore, DialogService dialogs,
                         Callable<PracticeClusters> practiceStarter, boolean forcePractice, Path runbookDir,
                         Callable<JournalStore> journalOpener, TeamDatabase team) {
        this.team = team;
        this.executor = executor;
        this.dispatcher = new SnapshotDispatcher(this::apply, executor::onFxThread);
        this.journalOpener = journalOpener;
        this.drill = new DrillViewModel(executor, runbookDir, new DrillViewModel.Wiring(this::clusters,
                practice::get, this::journal, () -> new PracticeNetwork(clusters()),
                new ParameterMemory(settingsStore.file().toAbsolutePath().resolveSibling("parameters.json"))));
        this.history = new HistoryViewModel(executor, this::journal, () -> team, dialogs, Clock.systemUTC());
        // Both panes judge the newest backup they can see against the chosen runbook's RPO.
        drill.rpoObjectiveProperty().addListener((obs, old, objective) -> {
            primary.setRpoObjective(objective);
            standby.setRpoObjective(objective);
        });
        this.settingsStore = settingsStore;
        this.dialogs = dialogs;
        this.practiceStarter = practiceStarter;
        this.forcePractice = forcePractice;
    }

    /** Loads the saved settings and connects; with nothing configured, starts the practice clusters. */
    public void start() {
        status.set("loading settings…");
        executor.run(() -> {
            Settings saved = settingsStore.load();
            return saved == null || forcePractice ? Settings.practice() : saved;
        }, this::connect, error -> {
            dialogs.showWarning("Settings not loaded", error.getMessage());
            connect(Settings.practice());
        });
        executor.later(LOOK_FOR_UNFINISHED_AT_LATEST, this::lookForAnUnfinishedRun);
    }

    /**
     * Starts with settings read before the window was built (by the bootstrap, off the FX thread). The bootstrap
     * calls it once the first frame (a {@link StartingView}) is painted, so the clusters are reached while the
     * full window is built; started before that, the threads it starts delay the first frame on two cores
     * (docs/benchmarks.md).
     *
     * @param saved the settings read, or null when there were none
     * @param problem why they could not be read, or null
     */
    public void start(Settings saved, String problem) {
        start(saved, problem, null);
    }

    /**
     * As {@link #start(Settings, String)}, taking the kubeconfigs (and clients) {@link #readAhead} began to read.
     *
     * @param ahead what {@link #readAhead} returned for the same settings, or null
     */
    public void start(Settings saved, String problem, ClusterPair.ReadAhead ahead) {
        if (problem != null) {
            dialogs.showWarning("Settings not loaded", problem);
        }
        connect(chosen(saved, problem, forcePractice), ahead);
        executor.later(LOOK_FOR_UNFINISHED_AT_LATEST, this::lookForAnUnfinishedRun);
    }

    /**
     * Begins reading the kubeconfigs that {@link #start(Settings, String, ClusterPair.ReadAhead)} will connect
     * to with the same arguments, and building their clients, on threads of their own: the bootstrap calls it as
     * soon as the settings are read, while the toolkit starts. Null when the start reaches the practice clusters
     * (nothing to read).
     */
    public static ClusterPair.ReadAhead readAhead(Settings saved, String problem, boolean forcePractice) {
        Settings next = chosen(saved, problem, forcePractice);
        try {
            return next.usePractice() ? null
                    : ClusterPair.ReadAhead.start(source(next, Side.PRIMARY), source(next, Side.STANDBY));
        } catch (java.nio.file.InvalidPathException notAPath) {
            return null; // refused where settings are read (SettingsStore); else the connection says why
        }
    }

    /**
     * Says which clusters {@link #start(Settings, String)} will reach (the banner, the status), reaching nothing
     * yet: for the window's first frame.
     */
    public void announce(Settings saved, String problem) {
        announce(chosen(saved, problem, forcePractice));
    }

    private static Settings chosen(Settings saved, String problem, boolean forcePractice) {
        return saved == null || forcePractice || problem != null ? Settings.practice() : saved;
    }

    private static ClusterPair.Source source(Settings settings, Side side) {
        return new ClusterPair.Source(path(settings.kubeconfig(side)), settings.context(side));
    }

    private void announce(Settings next) {
        settings.set(next);
        practice.set(next.usePractice());
        banner.set(next.usePractice() ? "PRACTICE CLUSTERS: two local API servers shaped like a Gitpod install; "
                + "nothing you do here touches a real cluster" : "REAL CLUSTERS: actions affect production");
        status.set(next.usePractice() ? "starting the practice clusters…" : "connecting…");
    }

    /** Switches to other clusters (or to the practice ones) and remembers the choice. */
    public void connect(Settings next) {
        connect(next, null);
    }

    private void connect(Settings next, ClusterPair.ReadAhead ahead) {
        announce(next);
        probeGitpodUrls(next);
        ClusterPair previous;
        long thisConnection;
        synchronized (connecting) {
            previous = pair;
            pair = null;
            thisConnection = ++connection;
        }
        dispatcher.clear();
        PracticeClusters running = practiceClusters.get();
        executor.run(() -> {
            if (previous != null) {
                previous.close();
            }
            PracticeClusters clusters = running;
            if (next.usePractice() && clusters == null) {
                clusters = practiceStarter.call();
            } else if (!next.usePractice() && clusters != null) {
                clusters.close();
                clusters = null;
            }
            ClusterPair.Source p;
            ClusterPair.Source s;
            if (clusters != null) {
                p = new ClusterPair.Source(clusters.kubeconfig(Side.PRIMARY), clusters.context(Side.PRIMARY));
                s = new ClusterPair.Source(clusters.kubeconfig(Side.STANDBY), clusters.context(Side.STANDBY));
            } else {
                p = source(next, Side.PRIMARY);
                s = source(next, Side.STANDBY);
            }
            ClusterPair opened = ClusterPair.open(p, s, ahead, next.namespaceOrDefault(), snapshot -> {
                if (connection == thisConnection) {
                    dispatcher.accept(snapshot);
                }
            }, Clock.systemUTC());
            boolean windowClosed;
            boolean superseded;
            synchronized (connecting) {
                windowClosed = closed;
                superseded = connection != thisConnection;
                if (!windowClosed && !superseded) {
                    pair = opened;
                    connectedClusters = clusters;
                }
            }
            // Closed meanwhile, or another connection started: nothing else will close what this one opened.
            if (windowClosed || superseded) {
                opened.close();
            }
            // Practice clusters this connection started itself (the window's own are closed with the window).
            if (clusters != null && clusters != running && (windowClosed || superseded)) {
                clusters.close();
            }
            return new Connected(opened, clusters);
        }, connected -> {
            if (connection != thisConnection) {
                return; // a newer connection is shown
            }
            practiceClusters.set(connected.clusters());
            status.set(connected.pair().sameClusterWarning().orElse(""));
            connected.pair().sameClusterWarning().ifPresent(w -> dialogs.showWarning("Same cluster twice", w));
        }, error -> {
            lookForAnUnfinishedRun();
            status.set("could not connect: " + error.getMessage());
            dialogs.showError(next.usePractice() ? "Practice clusters did not start" : "Could not connect",
                    String.valueOf(error.getMessage()));
        });
    }

    /** Connects and saves the choice, unless only the practice clusters were forced for this run. */
    public void connectAndRemember(Settings next) {
        connect(next);
        executor.run(() -> {
            settingsStore.save(next);
            return settingsStore.file();
        }, file -> status.set("settings saved to " + file), error -> dialogs.showWarning("Settings not saved",
                error.getMessage()));
    }

    private record Connected(ClusterPair pair, PracticeClusters clusters) {
    }

    private void apply(ClusterSnapshot snapshot) {
        pane(snapshot.side()).apply(snapshot);
        comparison.update(primary.snapshot(), standby.snapshot());
        if (!journalWithTheDrillColumn && settled(primary.snapshot()) && settled(standby.snapshot())) {
            lookForAnUnfinishedRun();
        }
    }

    /**
     * For a window that adds its drill column once both panes are on the screen: the journal is looked at for an
     * unfinished run when the column is shown ({@link #drillColumnShown()}), not as the panes settle, while the
     * window is still filling them (opening it takes a third of a second of a processor on a cold JVM).
     */
    public void lookForAnUnfinishedRunWithTheDrillColumn() {
        journalWithTheDrillColumn = true;
    }

    /** The drill column, where an unfinished run is offered, is in the window. */
    public void drillColumnShown() {
        if (journalWithTheDrillColumn) {
            lookForAnUnfinishedRun();
        }
    }

    /**
     * Whether a pane shows what its cluster is: judged objects, or why there are none (refused, unreachable,
     * misconfigured). Not while the console is still connecting or listing.
     */
    static boolean settled(ClusterSnapshot snapshot) {
        return snapshot != null && snapshot.state() != ConnectionState.CONNECTING
                && (!snapshot.state().answers() || snapshot.objectsKnown());
    }

    /**
     * Offers to resume a run the console never finished, once a window's start: when both panes have settled,
     * when connecting failed, or {@link #LOOK_FOR_UNFINISHED_AT_LATEST} after the start, whichever comes first.
     * Looking opens the journal (H2 and its Flyway migrations, about 1,100 classes on a cold JVM), which competed
     * with the first frame and the panes for two cores: both came 0.2 - 0.3 s later (docs/benchmarks.md).
     */
    private void lookForAnUnfinishedRun() {
        if (!lookedForUnfinished) {
            lookedForUnfinished = true;
            drill.checkUnfinished();
        }
    }

    private static Path path(String text) {
        return text == null || text.isBlank() ? null : Path.of(text);
    }

    /** Whether both sides have a verdict: each is judged, or known to be down, refused or misconfigured. */
    public boolean bothSidesJudged() {
        return primary.verdictProperty().get() != Verdict.UNKNOWN && standby.verdictProperty().get() != Verdict.UNKNOWN;
    }

    public ClusterPaneViewModel primary() {
        return primary;
    }

    public ClusterPaneViewModel standby() {
        return standby;
    }

    public ComparisonViewModel comparison() {
        return comparison;
    }

    public ReadOnlyBooleanProperty practiceProperty() {
        return practice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PracticeClusters> practiceClustersProperty() {
        return practiceClusters.getReadOnlyProperty();
    }

    /**
     * The journal, opened on first use (called off the FX thread); with a team database, its runs are copied
     * there from then on, in the background.
     */
    private synchronized JournalStore journal() throws Exception {
        if (journalClosed) {
            // work still under way when the window closed: its journal is closed, and none is opened again
            throw new java.util.concurrent.CancellationException("the window has closed");
        }
        if (journal == null) {
            journal = journalOpener.call();
            if (team != null) {
                replicator = new TeamReplicator(journal, team, this::showTeamState, Clock.systemUTC());
                showTeamState(replicator.state());
                replicator.start();
            }
        }
        return journal;
    }

    /** Called on the replicator's thread (and once where the journal opens); the properties change on the FX thread. */
    private void showTeamState(TeamReplicator.State state) {
        executor.onFxThread(() -> {
            teamHealth.set(state.health());
            teamStatus.set(state.describe(at -> HumanTime.localDay(at, java.time.ZoneId.systemDefault())));
        });
    }

    /** The team database's state in words ("team database: catching up, 12 events to copy"); empty without one. */
    public ReadOnlyStringProperty teamStatusProperty() {
        return teamStatus.getReadOnlyProperty();
    }

    /** Where copying to the team database stands; null without a team database (or before the journal opens). */
    public ReadOnlyObjectProperty<TeamReplicator.Health> teamHealthProperty() {
        return teamHealth.getReadOnlyProperty();
    }

    public DrillViewModel drill() {
        return drill;
    }

    public HistoryViewModel history() {
        return history;
    }

    /** The clusters being watched now, or null while connecting. */
    public ClusterPair clusters() {
        return pair;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    /** A side's pane. */
    private ClusterPaneViewModel pane(Side side) {
        return side == Side.PRIMARY ? primary : standby;
    }

    /**
     * Probes each side's Gitpod URL (when one is set for real clusters) every {@link #GITPOD_PROBE_SECONDS} s on a
     * thread of its own, and shows the answer in that side's pane.
     */
    private void probeGitpodUrls(Settings next) {
        if (gitpodProbing != null) {
            gitpodProbing.cancel(true);
            gitpodProbing = null;
        }
        primary.setGitpodAnswer(null);
        standby.setGitpodAnswer(null);
        java.util.Map<Side, String> urls = new java.util.EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            String url = next.usePractice() ? null : next.gitpodUrl(side);
            String wrong = url == null ? null : org.drillconsole.model.drill.Names.url(url);
            if (wrong != null) {
                pane(side).setGitpodUrlRefused(url, wrong);
            } else if (url != null) {
                urls.put(side, url);
            }
        }
        if (urls.isEmpty()) {
            return;
        }
        if (gitpodProbes == null) {
            gitpodProbes = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "gitpod-url-probe");
                thread.setDaemon(true);
                return thread;
            });
        }
        org.drillconsole.cluster.GitpodUrlProbe probe = new org.drillconsole.cluster.GitpodUrlProbe(Clock.systemUTC());
        gitpodProbing = gitpodProbes.scheduleWithFixedDelay(() -> urls.forEach((side, url) -> {
            var answer = probe.probe(url);
            executor.onFxThread(() -> {
                if (settings.get() == next) {
                    pane(side).setGitpodAnswer(answer);
                }
            });
        }), 0, GITPOD_PROBE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ClusterPair current;
        PracticeClusters connected;
        synchronized (connecting) {
            closed = true;
            current = pair;
            connected = connectedClusters;
        }
        if (gitpodProbes != null) {
            gitpodProbes.shutdownNow();
        }
        if (current != null) {
            current.close();
        }
        PracticeClusters clusters = practiceClusters.get();
        if (clusters != null) {
            clusters.close();
        }
        if (connected != null && connected != clusters) {
            connected.close(); // started by a connection whose result has not reached the FX thread yet
        }
        synchronized (this) {
            journalClosed = true;
            if (replicator != null) {
                replicator.close();
            }
            if (journal != null) {
                journal.close();
            }
        }
    }
}
