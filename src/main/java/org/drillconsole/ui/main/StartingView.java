package org.drillconsole.ui.main;

import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The window's first frame, shown while {@link MainView} is built: the menu bar's place, the banner that says
 * which clusters these are, both sides connecting and the drill's column, where the full window puts them. A
 * few labels, so it is painted as soon as the toolkit runs; the full window replaces it about a second later,
 * the clusters being reached meanwhile.
 */
public final class StartingView extends BorderPane {

    /** @param dark whether the window opens in the dark theme, as the full window will */
    public StartingView(MainViewModel model, boolean dark) {
        setId("startingView");
        Region menuBar = new Region();
        menuBar.getStyleClass().add("menu-bar");
        menuBar.setMinHeight(27);
        Label banner = new Label();
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(model.bannerProperty());
        banner.getStyleClass().add("banner");
        MainView.styleBanner(banner, model.practiceProperty().get());
        setTop(new VBox(menuBar, banner));

        HBox sides = new HBox(side("Primary"), side("Standby"));
        setCenter(sides);
        Label drill = new Label("Drill");
        drill.getStyleClass().add("section-title");
        VBox drillColumn = new VBox(drill);
        drillColumn.getStyleClass().add("starting-drill");
        drillColumn.setPrefWidth(380);
        setRight(drillColumn);
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.getStyleClass().add("starting-status");
        setBottom(status);
        MainView.applyTheme(this, dark);
    }

    private static VBox side(String name) {
        Label title = new Label(name);
        title.getStyleClass().add("pane-title");
        Label connecting = new Label("connecting…");
        connecting.getStyleClass().add("muted");
        VBox side = new VBox(6, title, connecting);
        side.getStyleClass().addAll("cluster-pane", "starting-side");
        HBox.setHgrow(side, Priority.ALWAYS);
        side.setMaxWidth(Double.MAX_VALUE);
        return side;
    }
}
