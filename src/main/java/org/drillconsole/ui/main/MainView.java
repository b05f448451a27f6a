package org.drillconsole.ui.main;

import javafx.geometry.Orientation;
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
import org.controlsfx.control.StatusBar;
import org.drillconsole.model.BuildInfo;
import org.drillconsole.sandbox.PracticeClusters;
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

    public MainView(MainViewModel model) {
        this.model = model;
        setId("mainView");
        Label banner = new Label();
        banner.setId("banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(model.bannerProperty());
        banner.getStyleClass().add("banner");
        model.practiceProperty().addListener((obs, old, practice) -> styleBanner(banner, practice));
        styleBanner(banner, model.practiceProperty().get());
        setTop(new VBox(menuBar(), banner));

        SplitPane sides = new SplitPane(new ClusterPaneView(model.primary()), new ClusterPaneView(model.standby()));
        sides.setId("sides");
        SplitPane health = new SplitPane(sides, new ComparisonView(model.comparison()));
        health.setOrientation(Orientation.VERTICAL);
        health.setDividerPositions(0.72);
        Tab clustersTab = new Tab("Clusters", health);
        clustersTab.setId("clustersTab");
        Tab historyTab = new Tab("History", new HistoryView(model.history(), model.dialogs()));
        historyTab.setId("historyTab");
        // The history is read when it is looked at, and again after each run ends.
        historyTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
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

        Tab drillTab = new Tab("Drill", new ScrollPane(new DrillView(model.drill(), model.dialogs(), System.getProperty("user.name", ""),
                true)));
        drillTab.setId("drillTab");
        ((ScrollPane) drillTab.getContent()).setFitToWidth(true);
        side.getTabs().add(drillTab);
        side.setPrefWidth(380);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setRight(side);
        model.practiceClustersProperty().addListener((obs, old, clusters) -> showPracticeControls(clusters));
        showPracticeControls(model.practiceClustersProperty().get());

        StatusBar status = new StatusBar();
        status.setId("statusBar");
        status.textProperty().bind(model.statusProperty());
        setBottom(status);
    }

    private void showPracticeControls(PracticeClusters clusters) {
        side.getTabs().removeIf(tab -> "practiceTab".equals(tab.getId()));
        if (clusters == null) {
            return;
        }
        ScrollPane scroll = new ScrollPane(new PracticeControlsView(clusters.controls(), model.executor()));
        scroll.setFitToWidth(true);
        Tab practice = new Tab("Practice controls", scroll);
        practice.setId("practiceTab");
        side.getTabs().add(practice);
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
        Menu view = new Menu("View", null, showClusters, showHistory);
        return new MenuBar(file, view, help);
    }

    private void openConnectionDialog() {
        new ConnectionDialog(getScene().getWindow(), model.settingsProperty().get(), model.executor(), model.dialogs())
                .showAndWait().ifPresent(model::connectAndRemember);
    }

    private static void styleBanner(Label banner, boolean practice) {
        banner.getStyleClass().removeAll("banner-practice", "banner-real");
        banner.getStyleClass().add(practice ? "banner-practice" : "banner-real");
    }
}
