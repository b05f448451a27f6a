package org.drillconsole.ui.main;

import java.time.Duration;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.StatusBar;
import org.drillconsole.model.BuildInfo;
import org.drillconsole.model.Verdict;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.store.TeamReplicator;
import org.drillconsole.store.WindowState;
import org.drillconsole.ui.AfterLayout;
import org.drillconsole.ui.StyleClasses;
import org.drillconsole.ui.cluster.ClusterPaneView;
import org.drillconsole.ui.compare.ComparisonView;
import org.drillconsole.ui.connect.ConnectionDialog;
import org.drillconsole.ui.drill.DrillView;
import org.drillconsole.ui.history.HistoryView;
import org.drillconsole.ui.practice.PracticeControlsView;

/** The main window: both clusters side by side, their comparison below, practice controls on the right. */
public final class MainView extends BorderPane {

    private final MainViewModel model;
    /** The right-hand side: the drill, and the practice controls when on practice clusters. */
    private final TabPane side = new TabPane();
    /** The middle: both clusters side by side, or the history of runs. */
    private final TabPane center = new TabPane();
    private final SplitPane sides;
    private final SplitPane health;
    /** Built when the History tab is first shown: the window's first frame does not wait for its charts. */
    private HistoryView history;
    private double historyDivider = WindowState.DEFAULT.historyDivider();
    /** Built when the drill column first shows ({@link #drillView()}), not in the FX thread's way to the panes. */
    private DrillView drillView;
    /** The theme chosen in the menu this session or before; null follows the system. */
    private String chosenTheme;
    private final CheckMenuItem darkTheme = new CheckMenuItem("Dark theme");
    /** The drill fills the window (both clusters in a compact strip above it); off: the full panes. */
    private final javafx.beans.property.BooleanProperty drillMode = new javafx.beans.property.SimpleBooleanProperty(false);
    private final javafx.scene.layout.BorderPane drillScreen = new javafx.scene.layout.BorderPane();
    private final ScrollPane drillScroll = new ScrollPane();
    /** The drill column's scroll pane, in the Drill tab. */
    private final ScrollPane sideScroll = new ScrollPane();
    /** Whether the drill view and the practice controls are in the window (see the constructor with a wait). */
    private boolean drillColumnShown;
    /**
     * How long a window's drill column waits for the panes at most, should a side take long to be judged: as long
     * as a probe of a server that does not answer (3 s). At one second, it joined before the panes on a slow start
     * (the panes come 0.9 - 1.2 s after the full window on the build machine, and machines differ twice in speed).
     */
    public static final Duration DRILL_COLUMN_AT_LATEST = Duration.ofSeconds(3);

    public MainView(MainViewModel model) {
        this(model, null);
    }

    /**
     * A window's start, where the first styling and layout of the whole window is what the panes wait for: the
     * drill column and the practice controls join the window once both panes are filled and on the screen, and
     * the journal is looked at for an unfinished run then.
     *
     * @param drillColumnAtLatest how long the drill column waits for the panes at most, from the window's showing
     *                            (a side can take its probe's whole timeout to be judged); null: no wait, the
     *                            drill column is built with the panes
     */
    public MainView(MainViewModel model, Duration drillColumnAtLatest) {
        this.model = model;
        setId("mainView");
        Label banner = new Label();
        banner.setId("banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(model.bannerProperty());
        banner.getStyleClass().add("banner");
        model.practiceProperty().addListener((obs, old, practice) -> styleBanner(banner, practice));
        styleBanner(banner, model.practiceProperty().get());

        sides = new SplitPane(new ClusterPaneView(model.primary()), new ClusterPaneView(model.standby()));
        sides.setId("sides");
        health = new SplitPane(sides, new ComparisonView(model.comparison()));
        health.setOrientation(Orientation.VERTICAL);
        health.setDividerPositions(0.72);
        Tab clustersTab = new Tab("Clusters", health);
        clustersTab.setId("clustersTab");
        Tab historyTab = new Tab("History");
        historyTab.setId("historyTab");
        // The history is read when it is looked at, and again after each run ends.
        historyTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                if (history == null) {
                    history = new HistoryView(model.history(), model.dialogs());
                    history.setDividerPosition(historyDivider);
                    historyTab.setContent(history);
                }
                model.history().refresh();
            }
        });
        model.drill().runningProperty().addListener((obs, was, running) -> {
            if (!running && historyTab.isSelected()) {
                model.history().refresh();
            }
        });
        center.getTabs().addAll(clustersTab, historyTab);
        center.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(center);

        Tab drillTab = new Tab("Drill", sideScroll);
        drillTab.setId("drillTab");
        sideScroll.setFitToWidth(true);
        side.getTabs().add(drillTab);
        side.setPrefWidth(380);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setRight(side);
        model.practiceClustersProperty().addListener((obs, old, clusters) -> showPracticeControls(clusters));
        if (drillColumnAtLatest != null) {
            Label loading = new Label("Loading the drill…");
            loading.setId("drillLoading");
            loading.getStyleClass().add("muted");
            loading.setPadding(new Insets(10));
            sideScroll.setContent(loading);
            model.lookForAnUnfinishedRunWithTheDrillColumn();
            showDrillColumnOncePanesAreShown(drillColumnAtLatest);
        } else {
            showDrillColumn();
        }

        setTop(new VBox(menuBar(), banner));
        drillScreen.setId("drillScreen");
        drillScreen.setTop(compactClusters());
        drillScroll.setFitToWidth(true);
        drillScreen.setCenter(drillScroll);
        // Starting a drill gives it the window; leaving drill mode (Ctrl+Shift+D) never stops the drill.
        model.drill().runningProperty().addListener((obs, was, running) -> {
            if (running) {
                drillMode.set(true);
            }
        });
        drillMode.addListener((obs, was, on) -> applyDrillMode(on));
        darkTheme.setSelected(false);
        darkTheme.selectedProperty().addListener((obs, was, dark) -> applyTheme(dark));
        notifyInBackground();

        StatusBar status = new StatusBar();
        status.setId("statusBar");
        status.textProperty().bind(model.statusProperty());
        Label team = new Label();
        team.setId("teamStatus");
        team.textProperty().bind(model.teamStatusProperty());
        team.visibleProperty().bind(model.teamStatusProperty().isNotEmpty());
        // The driver's reason can be long: the bar shows its start, the tooltip all of it.
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(model.teamStatusProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        team.setTooltip(whole);
        model.teamHealthProperty().addListener((obs, old, now) -> {
            if (now != null) {
                StyleClasses.choose(team, "status-", teamStyle(now));
            }
        });
        status.getRightItems().add(team);
        setBottom(status);
    }

    /**
     * Waits for the first layout at which both sides are judged, with the window showing; then, on the next pulse,
     * adds the drill column. Measured on two cores (docs/benchmarks.md): styled and laid out with the panes, its
     * nodes (a third of the window's, most of them hidden: the drill's other forms, the practice tab) kept the
     * panes off the screen.
     */
    private void showDrillColumnOncePanesAreShown(Duration wait) {
        sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> obs, Scene old, Scene scene) {
                if (scene != null) {
                    sceneProperty().removeListener(this);
                    // Not in that pulse: the panes' frame is rendered first.
                    AfterLayout.once(scene, () -> drillColumnShown || model.bothSidesJudged(),
                            () -> Platform.runLater(MainView.this::showDrillColumn));
                    // The executor's timer, not a PauseTransition: an animation keeps the toolkit pulsing 60 times
                    // a second while it runs (about 120 pulses of nothing in a start's first seconds).
                    model.executor().later(wait, MainView.this::showDrillColumn);
                }
            }
        });
    }

    private DrillView drillView() {
        if (drillView == null) {
            drillView = new DrillView(model.drill(), model.dialogs(), System.getProperty("user.name", ""),
                    model.practiceProperty());
            drillView.onOpenHistory(() -> {
                drillMode.set(false);
                center.getSelectionModel().select(1);
                var ended = model.drill().finishedRunProperty().get();
                if (ended != null) {
                    model.history().refreshAndSelect(ended.id());
                } else {
                    model.history().refresh();
                }
            });
        }
        return drillView;
    }

    /** The drill (its runbook picker and wizard) and the practice controls, in the right-hand column; once. */
    private void showDrillColumn() {
        if (drillColumnShown) {
            return;
        }
        drillColumnShown = true;
        if (!drillMode.get()) {
            sideScroll.setContent(drillView());
            fillHeightOf(sideScroll);
        }
        showPracticeControls(model.practiceClustersProperty().get());
        model.drillColumnShown();
    }

    private void showPracticeControls(PracticeClusters clusters) {
        side.getTabs().removeIf(tab -> "practiceTab".equals(tab.getId()));
        if (clusters == null || !drillColumnShown) {
            return;
        }
        ScrollPane scroll = new ScrollPane(new PracticeControlsView(clusters.controls(), model.executor()));
        scroll.setFitToWidth(true);
        Tab practice = new Tab("Practice controls", scroll);
        practice.setId("practiceTab");
        side.getTabs().add(practice);
    }

    private void applyDrillMode(boolean on) {
        showDrillColumn();
        if (on) {
            sideScroll.setContent(null);
            drillScroll.setContent(drillView());
            fillHeightOf(drillScroll);
            setCenter(drillScreen);
            setRight(null);
        } else {
            drillScroll.setContent(null);
            sideScroll.setContent(drillView());
            fillHeightOf(sideScroll);
            setCenter(center);
            setRight(side);
        }
        // The answer field has the keys again wherever the drill is now shown: after a look at the full panes,
        // Enter answered nothing (the focus stayed in the part of the window just taken away).
        javafx.application.Platform.runLater(() -> drillView().press("reasonField"));
    }

    /**
     * The drill is at least as tall as the scroll pane that shows it, so its checklist and journal take the
     * room a large screen has (at 1920x1080 a sixth of the window stayed empty under them); on a small one it
     * scrolls as before.
     */
    private void fillHeightOf(ScrollPane holder) {
        drillView().minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> holder.getViewportBounds().getHeight(), holder.viewportBoundsProperty()));
    }

    /** Both clusters in one line each: connection, verdict and what is not fine, live. */
    private VBox compactClusters() {
        VBox strip = new VBox(4, compact("Primary", "compactPrimary", model.primary()),
                compact("Standby", "compactStandby", model.standby()));
        Label hint = new Label("Ctrl+Shift+D: the full cluster panes (the drill goes on)");
        hint.getStyleClass().add("muted");
        strip.getChildren().add(hint);
        strip.setId("compactClusters");
        strip.getStyleClass().add("compact-clusters");
        return strip;
    }

    private static javafx.scene.layout.HBox compact(String name, String id, org.drillconsole.ui.cluster.ClusterPaneViewModel side) {
        Label title = new Label(name);
        title.getStyleClass().add("section-title");
        title.setMinWidth(80);
        Label state = ClusterPaneView.stateBadge(side, id + "State");
        Label verdict = ClusterPaneView.verdictBadge(side, id + "Verdict");
        Label reasons = new Label();
        reasons.setId(id + "Reasons");
        reasons.textProperty().bind(side.reasonsProperty());
        reasons.setWrapText(true);
        javafx.scene.layout.HBox.setHgrow(reasons, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox line = new javafx.scene.layout.HBox(10, title, state, verdict, reasons);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return line;
    }

    private MenuBar menuBar() {
        MenuItem connect = new MenuItem("Connect to clusters…");
        connect.setId("connectMenu");
        connect.setAccelerator(KeyCombination.keyCombination("Shortcut+K"));
        connect.setOnAction(e -> openConnectionDialog());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> {
            Window window = getScene().getWindow();
            window.hide();
        });
        Menu file = new Menu("File", null, connect, new SeparatorMenuItem(), quit);
        MenuItem about = new MenuItem("About DR Drill Console");
        about.setId("aboutMenu");
        about.setOnAction(e -> model.dialogs().showInfo("About DR Drill Console", "DR Drill Console "
                + BuildInfo.current().describe(System.getProperty("javafx.runtime.version", "?"))
                + "\n\nDisaster-recovery drills for self-hosted Gitpod: both clusters side by side, an honest RTO "
                + "stopwatch, and evidence an auditor accepts."));
        Menu help = new Menu("Help", null, about);
        MenuItem showClusters = new MenuItem("Clusters");
        showClusters.setId("showClustersMenu");
        showClusters.setAccelerator(KeyCombination.keyCombination("Shortcut+1"));
        showClusters.setOnAction(e -> center.getSelectionModel().select(0));
        MenuItem showHistory = new MenuItem("History");
        showHistory.setId("showHistoryMenu");
        showHistory.setAccelerator(KeyCombination.keyCombination("Shortcut+2"));
        showHistory.setOnAction(e -> center.getSelectionModel().select(1));
        darkTheme.setId("darkThemeMenu");
        darkTheme.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+T"));
        darkTheme.setOnAction(e -> chosenTheme = darkTheme.isSelected() ? "dark" : "light");
        javafx.scene.control.CheckMenuItem drillModeItem = new javafx.scene.control.CheckMenuItem("Drill mode");
        drillModeItem.setId("drillModeMenu");
        drillModeItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        drillModeItem.selectedProperty().bindBidirectional(drillMode);
        showClusters.setOnAction(e -> {
            drillMode.set(false);
            center.getSelectionModel().select(0);
        });
        showHistory.setOnAction(e -> {
            drillMode.set(false);
            center.getSelectionModel().select(1);
        });
        Menu view = new Menu("View", null, showClusters, showHistory, drillModeItem, new SeparatorMenuItem(), darkTheme);
        return new MenuBar(file, view, drillMenu(), help);
    }

    /** Every answer of the wizard from the keyboard, with its shortcut shown; each acts on the current prompt. */
    private Menu drillMenu() {
        Menu drill = new Menu("Drill");
        drill.setId("drillMenu");
        String[][] answers = {
                {"Answer field", "Shortcut+L", "reasonField"},
                {"Done", "Shortcut+Enter", "doneButton"},
                {"Skip (with the reason typed)", "Shortcut+Shift+K", "skipButton"},
                {"Fail (with the reason typed)", "Shortcut+Shift+F", "failButton"},
                {"Note (the text typed)", "Shortcut+Shift+N", "noteButton"},
                {"Confirm the action", "Shortcut+Shift+C", "confirmButton"},
                {"Abort (with the reason typed)", "Shortcut+Shift+A", "abortButton"}};
        for (String[] answer : answers) {
            MenuItem item = new MenuItem(answer[0]);
            item.setId("menu-" + answer[2]);
            item.setAccelerator(KeyCombination.keyCombination(answer[1]));
            item.disableProperty().bind(model.drill().promptProperty().isNull());
            item.setOnAction(e -> drillView().press(answer[2]));
            drill.getItems().add(item);
        }
        MenuItem stopWaiting = new MenuItem("Stop waiting for the check");
        stopWaiting.setId("menu-stopWaiting");
        stopWaiting.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+W"));
        stopWaiting.disableProperty().bind(model.drill().checkingProperty().isEmpty());
        stopWaiting.setOnAction(e -> drillView().press("stopWaiting"));
        drill.getItems().add(stopWaiting);
        return drill;
    }

    /** A cluster changing state, a long step ending, a run ending: said on the desktop when nobody is looking. */
    private void notifyInBackground() {
        model.primary().verdictProperty().addListener((obs, was, now) -> clusterChanged("Primary", was, now,
                model.primary().reasonsProperty().get()));
        model.standby().verdictProperty().addListener((obs, was, now) -> clusterChanged("Standby", was, now,
                model.standby().reasonsProperty().get()));
        model.drill().noticeProperty().addListener((obs, was, now) -> notify("DR drill", now, false));
    }

    private void clusterChanged(String side, Verdict was, Verdict now, String reasons) {
        if (was != Verdict.UNKNOWN && now != Verdict.UNKNOWN) {
            notify(side + " cluster: " + now, reasons, now == Verdict.DOWN);
        }
    }

    private void notify(String title, String text, boolean bad) {
        Window window = getScene() == null ? null : getScene().getWindow();
        if (window == null || window.isFocused() || text == null) {
            return;
        }
        Notifications notification = Notifications.create().owner(window).title(title).text(text)
                .hideAfter(javafx.util.Duration.seconds(10));
        if (bad) {
            notification.showError();
        } else {
            notification.showInformation();
        }
    }

    /** Dark or light, over the base stylesheet the scene carries. */
    private void applyTheme(boolean dark) {
        applyTheme(this, dark);
    }

    static void applyTheme(javafx.scene.Parent root, boolean dark) {
        String darkSheet = MainView.class.getResource("/org/drillconsole/ui/console-dark.css").toExternalForm();
        root.getStylesheets().remove(darkSheet);
        if (dark) {
            root.getStylesheets().add(darkSheet);
        }
    }

    /**
     * Restores a saved layout: divider positions and the theme (the saved choice, else the system's).
     *
     * @param systemDark whether the desktop prefers dark, for when no theme was chosen
     */
    public void restoreLayout(WindowState state, boolean systemDark) {
        sides.setDividerPositions(state.sidesDivider());
        health.setDividerPositions(state.healthDivider());
        historyDivider = state.historyDivider();
        if (history != null) {
            history.setDividerPosition(historyDivider);
        }
        chosenTheme = state.theme();
        darkTheme.setSelected(state.dark(systemDark));
    }

    /** The layout to remember, on the window's own position and size. */
    public WindowState captureLayout(double x, double y, double width, double height, boolean maximized) {
        return new WindowState(x, y, width, height, maximized, sides.getDividerPositions()[0],
                health.getDividerPositions()[0], history == null ? historyDivider : history.dividerPosition(), chosenTheme);
    }

    private void openConnectionDialog() {
        new ConnectionDialog(getScene().getWindow(), model.settingsProperty().get(), model.executor(), model.dialogs())
                .showAndWait().ifPresent(model::connectAndRemember);
    }

    static void styleBanner(Label banner, boolean practice) {
        StyleClasses.choose(banner, "banner-", practice ? "banner-practice" : "banner-real");
    }

    /** The status bar's colour for the team database; the words beside it say the same, for those who see no colour. */
    static String teamStyle(TeamReplicator.Health health) {
        return switch (health) {
            case UP_TO_DATE -> "status-success";
            case CONNECTING, CATCHING_UP -> "status-warning";
            case UNREACHABLE, REFUSED -> "status-danger";
        };
    }
}
