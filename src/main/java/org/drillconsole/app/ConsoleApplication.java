package org.drillconsole.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.drillconsole.cluster.ClusterPair;
import org.drillconsole.cluster.ClusterReading;
import org.drillconsole.cluster.Comparison;
import org.drillconsole.model.BuildInfo;
import org.drillconsole.model.Side;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.sandbox.SandboxOptions;
import org.drillconsole.store.Settings;
import org.drillconsole.store.SettingsStore;
import org.drillconsole.store.WindowState;
import org.drillconsole.store.WindowStateStore;
import org.drillconsole.ui.AfterLayout;
import org.drillconsole.ui.FxDialogService;
import org.drillconsole.ui.TaskExecutor;
import org.drillconsole.ui.main.MainView;
import org.drillconsole.ui.main.MainViewModel;
import org.drillconsole.ui.main.StartingView;

/** The JavaFX application: paints the window first, then connects in the background. */
public final class ConsoleApplication extends Application {

    /** What the command line asked for; JavaFX instantiates the Application itself, hence the static. */
    /** @param team the team database runs are copied to and the history read from, or null */
    record StartOptions(boolean practice, Path settingsFile, Path runbookDir, JournalOptions journal,
                        org.drillconsole.store.TeamDatabase team) {

        StartOptions withTeam(org.drillconsole.store.TeamDatabase named) {
            return new StartOptions(practice, settingsFile, runbookDir, journal, named);
        }
    }

    private static volatile StartOptions options = new StartOptions(false, null, Path.of("drills"),
            new JournalOptions(), null);
    /** Read while the toolkit starts ({@link #readBeforeTheWindow}), written after it ends: never on the FX thread. */
    private static volatile WindowState restored = WindowState.DEFAULT;
    private static volatile boolean systemDark;
    /** The saved connection settings, read while the toolkit starts (null when none), or why they could not be. */
    private static volatile Settings savedSettings;
    private static volatile String settingsProblem;
    /** When the user's command started, for the startup timing: read from the system while the toolkit starts. */
    private static volatile long commandStart;
    private static volatile WindowState toRemember;
    /** Why the full window could not be built after the first frame, or null. */
    private static volatile RuntimeException notBuilt;
    /** The reads of {@link #readBeforeTheWindow}, made while the toolkit starts. */
    private static volatile CompletableFuture<Void> firstReads;
    /**
     * The kubeconfigs of the saved settings, being read (and their clients built) since the settings were read
     * (null: practice clusters).
     */
    private static volatile ClusterPair.ReadAhead kubeconfigs;
    /** Why the team database the settings name cannot be used: the window is not opened. */
    private static volatile org.drillconsole.store.TeamDatabase.TeamDbException teamProblem;
    /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");
    private MainViewModel model;
    private TaskExecutor executor;
    private Stage stage;
    private MainView view;

    /** Set once a signal asked the window to close, perhaps before the toolkit started. */
    private static volatile boolean closeRequested;
    /** The main window, once shown: what a signal's close keeps (every other window is a dialog to close first). */
    private static volatile Stage mainStage;

    /** @return the command's exit status: 0, or 128 + the number of the signal that closed the window */
    static int launchWindow(StartOptions startOptions) throws org.drillconsole.store.TeamDatabase.TeamDbException {
        options = startOptions;
        WindowSignals signals = new WindowSignals(ConsoleApplication::requestClose, System::exit).install();
        WindowStateStore windows = startOptions.settingsFile() == null ? WindowStateStore.inUserConfigDir()
                : new WindowStateStore(startOptions.settingsFile().toAbsolutePath().resolveSibling("window.json"));
        // Read while the toolkit starts, on the other processor: the launcher thread waits for them in init(),
        // before the first frame is built; the FX thread never waits for a file.
        firstReads = CompletableFuture.runAsync(() -> readBeforeTheWindow(windows), work -> {
            Thread reader = new Thread(work, "window-first-reads");
            reader.setDaemon(true);
            reader.start();
        });
        // JavaFX warns at every start that it was loaded from the class path (the shaded jar, the package):
        // how this app is built, not something a user can act on, so it stays off the terminal.
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        Application.launch(ConsoleApplication.class);
        if (teamProblem != null) {
            throw teamProblem;
        }
        RuntimeException failed = notBuilt;
        if (failed != null) {
            // As JavaFX reports a start() that failed: the command says so and exits 2.
            throw new IllegalStateException("the window could not be built"
                    + (failed.getMessage() == null ? "" : ": " + failed.getMessage()), failed);
        }
        if (toRemember != null) {
            String problem = windows.save(toRemember);
            if (problem != null) {
                System.err.println("warning: " + problem);
            }
        }
        return signals.status().orElse(0);
    }

    /**
     * What the first frame needs, read once: the build, the window's last place and theme, the saved settings
     * (and the team database they name, unless {@code --team-db} named one), the desktop's theme.
     */
    private static void readBeforeTheWindow(WindowStateStore windows) {
        if (Boolean.getBoolean("drillconsole.timing")) {
            commandStart = StartupClock.commandStarted().toEpochMilli();
        }
        BuildInfo.current();
        restored = windows.load();
        try {
            savedSettings = settingsStore(options).load();
        } catch (SettingsStore.SettingsException e) {
            settingsProblem = e.getMessage();
        }
        Settings saved = savedSettings;
        if (options.team() == null && saved != null && saved.teamDb() != null && !saved.teamDb().isBlank()) {
            try {
                options = options.withTeam(org.drillconsole.store.TeamDatabase.of(saved.teamDb().strip(),
                        TeamOptions.environment));
            } catch (org.drillconsole.store.TeamDatabase.TeamDbException e) {
                teamProblem = e;
            }
        }
        // Not waited for here: the connection takes them once the first frame is painted.
        kubeconfigs = teamProblem == null ? MainViewModel.readAhead(saved, settingsProblem, options.practice()) : null;
        systemDark = restored.theme() == null && SystemTheme.prefersDark();
    }

    /** On the launcher thread, once the toolkit has started: the first reads are done before start() runs. */
    @Override
    public void init() {
        firstReads.join();
    }

    /**
     * A signal's request: the window closes as by its own close; before the toolkit runs, once it starts. A dialog
     * that is open (waiting in an event loop of its own) is closed first, and the toolkit stopped after its loop
     * has ended: stopped under it, JavaFX threw from the dialog's loop and its GTK glass crashed the JVM
     * (SIGSEGV in destroy_and_delete_ctx, seen with the connection dialog open and SIGTERM).
     */
    private static void requestClose() {
        closeRequested = true;
        try {
            Platform.runLater(() -> {
                List.copyOf(Window.getWindows()).stream().filter(window -> window != mainStage).forEach(Window::hide);
                Platform.runLater(Platform::exit);
            });
        } catch (RuntimeException toolkitNotRunning) {
            // start() sees closeRequested
        }
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        mainStage = stage;
        if (closeRequested || teamProblem != null) {
            Platform.exit();
            return;
        }
        executor = new TaskExecutor();
        SettingsStore settings = settingsStore(options);
        FxDialogService dialogs = new FxDialogService(stage);
        model = new MainViewModel(executor, settings, dialogs, ConsoleApplication::startPracticeClusters,
                options.practice(), options.runbookDir(), options.journal()::open, options.team());
        model.announce(savedSettings, settingsProblem);
        StartingView starting = new StartingView(model, restored.dark(systemDark));
        // Never larger than the screen: the default (or a size saved on a bigger monitor) must not cut the window.
        javafx.geometry.Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(starting, Math.min(restored.width(), screen.getWidth()),
                Math.min(restored.height(), screen.getHeight()));
        scene.getStylesheets().add(ConsoleApplication.class.getResource("/org/drillconsole/ui/console.css")
                .toExternalForm());
        stage.setTitle("DR Drill Console");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            // Loaded in the background: the window does not wait for its icon.
            stage.getIcons().add(new Image(ConsoleApplication.class.getResource(
                    "/org/drillconsole/icons/drill-console-" + size + ".png").toExternalForm(), true));
        }
        stage.setScene(scene);
        WindowState last = restored;
        if (last.positioned() && !Screen.getScreensForRectangle(last.x(), last.y(), last.width(), last.height())
                .isEmpty()) {
            stage.setX(last.x());
            stage.setY(last.y());
        }
        stage.setMaximized(last.maximized());
        stage.show();
        boolean timing = Boolean.getBoolean("drillconsole.timing");
        if (timing) {
            reportStartupTimes(scene);
        }
        if (Boolean.getBoolean("drillconsole.aot.training")) {
            exitOnceTheWindowIsUp();
        }
        // The first frame is on the screen before anything else is built: then the clusters are reached while
        // the full window is built. Started before it, their threads would delay it on two cores.
        FirstFrame.whenPainted(scene, executor, () -> {
            if (timing) {
                startupTime("first frame painted");
            }
        }, () -> {
            model.start(savedSettings, settingsProblem, kubeconfigs);
            kubeconfigs = null;
            buildView(scene, last);
        });
    }

    /** The full window, in place of the {@link StartingView}; not when the window was closed meanwhile. */
    private void buildView(Scene scene, WindowState last) {
        if (!stage.isShowing()) {
            return;
        }
        try {
            MainView built = new MainView(model, MainView.DRILL_COLUMN_AT_LATEST);
            built.restoreLayout(last, systemDark);
            view = built;
        } catch (RuntimeException e) {
            // Built after start() returned, so JavaFX would only print it and leave the first frame up.
            notBuilt = e;
            Platform.exit();
            return;
        }
        scene.setRoot(view);
    }

    /**
     * The packaging's AOT training run: open the window on the practice clusters, show the history, read them
     * once as {@code health} does, and quit once both panes are filled, so the JVM caches the classes a real
     * start loads and links (not how their methods ran: only the quick compiler runs, see AotTraining).
     */
    private void exitOnceTheWindowIsUp() {
        javafx.animation.PauseTransition quit = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(3));
        quit.setOnFinished(e -> Platform.exit());
        javafx.beans.InvalidationListener filled = ignored -> {
            if (model.bothSidesJudged()) {
                model.history().refresh();
                PracticeClusters practice = model.practiceClustersProperty().get();
                if (practice != null) {
                    // The same cache serves the command line: `health` reads the practice clusters once too.
                    Thread health = new Thread(() -> trainHealth(practice), "aot-training-health");
                    health.setDaemon(true);
                    health.start();
                }
                quit.playFromStart();
            }
        };
        model.primary().verdictProperty().addListener(filled);
        model.standby().verdictProperty().addListener(filled);
        javafx.animation.PauseTransition giveUp = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(60));
        giveUp.setOnFinished(e -> Platform.exit());
        giveUp.play();
    }

    /**
     * For the benchmarks: milliseconds from the command's start ({@link #commandStart}, read from the system
     * while the toolkit started, so no file is read here on the FX thread) to the first frame (the
     * {@link StartingView}) laid out and painted ({@link FirstFrame}), to the full window laid out, to both
     * verdicts known, to both panes laid out with them, and to the journal looked at (after the drill column joins).
     */
    private void reportStartupTimes(Scene scene) {
        AfterLayout.once(scene, () -> true, () -> startupTime("first frame laid out"));
        AfterLayout.once(scene, () -> view != null && scene.getRoot() == view, () -> startupTime("full window laid out"));
        // Both verdicts known (what the earlier builds reported as "both panes filled"), then laid out on screen.
        javafx.beans.InvalidationListener whenJudged = new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable ignored) {
                if (model.bothSidesJudged()) {
                    startupTime("both sides judged");
                    model.primary().verdictProperty().removeListener(this);
                    model.standby().verdictProperty().removeListener(this);
                }
            }
        };
        model.primary().verdictProperty().addListener(whenJudged);
        model.standby().verdictProperty().addListener(whenJudged);
        AfterLayout.once(scene, () -> view != null && scene.getRoot() == view && model.bothSidesJudged(),
                () -> startupTime("both panes filled"));
        // Then the drill column joins, and the journal is opened and looked at for an unfinished run.
        model.drill().unfinishedLookedForProperty().addListener((obs, was, looked) -> startupTime("journal looked at"));
    }

    private static void startupTime(String what) {
        System.err.println("timing: " + what + " after " + (System.currentTimeMillis() - commandStart) + " ms");
    }

    private static SettingsStore settingsStore(StartOptions start) {
        return start.settingsFile() == null ? SettingsStore.inUserConfigDir() : new SettingsStore(start.settingsFile());
    }

    private static void trainHealth(PracticeClusters practice) {
        Cli.commandLine("health", "--help"); // the command's model, as picocli builds it by reflection
        ClusterReading.Pair read = ClusterReading.read(new ClusterPair.Source(practice.kubeconfig(Side.PRIMARY), null),
                new ClusterPair.Source(practice.kubeconfig(Side.STANDBY), null), Settings.DEFAULT_NAMESPACE,
                java.time.Duration.ofSeconds(15), java.time.Clock.systemUTC());
        var comparison = Comparison.compare(read.primary(), read.standby());
        HealthOutput.text(read.primary(), read.standby(), comparison, null);
        HealthJson.render(read.primary(), read.standby(), comparison, null);
    }

    private static PracticeClusters startPracticeClusters() throws IOException {
        Path dir = Files.createTempDirectory("drill-console-practice");
        PracticeClusters clusters = PracticeClusters.start(dir, SandboxOptions.defaults());
        // deleteOnExit runs in reverse order of registration: the files first, then their directory.
        dir.toFile().deleteOnExit();
        for (Side side : Side.values()) {
            clusters.kubeconfig(side).toFile().deleteOnExit();
        }
        return clusters;
    }

    @Override
    public void stop() {
        if (view != null) {
            toRemember = view.captureLayout(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                    stage.isMaximized());
        }
        if (model != null) {
            model.close();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
