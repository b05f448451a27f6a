package org.drillconsole.ui.cluster;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.drillconsole.model.ComponentHealth;
import org.drillconsole.model.ComponentStatus;
import org.drillconsole.ui.FullTextCell;
import org.drillconsole.ui.StatusText;
import org.drillconsole.ui.StyleClasses;
import org.drillconsole.ui.StyledInPulse;

/** One cluster's pane: connection, verdict with reasons, nodes, components, and problems. */
public final class ClusterPaneView extends VBox {

    /** What begins each problem line, so that a line wrapped onto the next one is told from a new line. */
    public static final String BULLET = "• ";

    /** The problems label when there are none: its words are a placeholder, styled as such. */
    private static final javafx.css.PseudoClass NONE = javafx.css.PseudoClass.getPseudoClass("none");

    public ClusterPaneView(ClusterPaneViewModel model) {
        String id = model.side().key();
        setId(id + "Pane");
        getStyleClass().add("cluster-pane");
        setSpacing(6);
        setPadding(new Insets(10));
        // Too much to show (a long list of reasons on a small screen): the lines at the bottom go out of sight, never
        // the side's name and verdict at the top, which a split pane's centring of an oversized pane cut off.
        setMinHeight(0);

        Label title = new Label(model.side().label());
        title.getStyleClass().add("pane-title");
        Label state = stateBadge(model, id + "State");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label verdict = verdictBadge(model, id + "Verdict");
        HBox header = new HBox(10, title, state, spacer, verdict);
        header.getStyleClass().add("pane-header");

        Label target = boundLabel(model.targetProperty(), "muted");
        Label connection = boundLabel(model.connectionDetailProperty(), "muted");
        connection.setId(id + "Connection");
        Label reasons = boundLabel(model.reasonsProperty(), "reasons");
        reasons.setId(id + "Reasons");
        Label nodes = boundLabel(model.nodesProperty(), null);
        nodes.setId(id + "Nodes");
        Label serving = boundLabel(model.servingProperty(), null);
        Label jobs = boundLabel(model.jobsProperty(), null);
        jobs.setId(id + "Jobs");
        Label gitpod = boundLabel(model.gitpodProperty(), "pane-line");
        gitpod.setId(id + "Gitpod");
        model.gitpodStandingProperty().addListener((obs, old, now) -> restyle(gitpod, gitpodStyle(now)));
        HBox gitpodLine = labelled("Gitpod", gitpod);
        // Only when a Gitpod URL is set for this side.
        gitpodLine.visibleProperty().bind(model.gitpodProperty().isNotEmpty());
        gitpodLine.managedProperty().bind(gitpodLine.visibleProperty());
        Label backup = boundLabel(model.backupProperty(), "pane-line");
        backup.setId(id + "Backup");
        model.backupStandingProperty().addListener((obs, old, now) -> restyle(backup, backupStyle(now)));
        restyle(backup, backupStyle(model.backupStandingProperty().get()));
        Label stale = new Label("API server not answering: objects below are the last known state");
        stale.getStyleClass().add("stale-note");
        stale.visibleProperty().bind(model.staleProperty());
        stale.managedProperty().bind(model.staleProperty());

        TableView<ComponentHealth> table = componentsTable(model);
        table.setId(id + "Components");
        VBox.setVgrow(table, Priority.ALWAYS);

        ScrollPane problems = problemLines(model.problems(), model.objectsKnownProperty());
        problems.setId(id + "Problems");

        getChildren().addAll(header, target, connection, reasons, stale, labelled("Nodes", nodes),
                labelled("Serving", serving), gitpodLine,
                labelled("Backup", backup), labelled("Jobs", jobs), table, new Label("Problems and recent Warning events"), problems);
    }

    /**
     * The pods in trouble, unbound claims and recent Warning events, one wrapping line each, in one label that
     * scrolls. Not a list view: whatever changed in its rows, the software renderer then repainted the whole
     * window instead of the changed lines, 70 - 150 ms a frame on two busy cores (WindowBenchmark, pulse
     * logger), which JavaFX does when a frame changes only nodes that are hidden or outside their clip (the list's
     * scroll bar and measuring cell; rows scrolled out of sight). One label, partly in sight, is always in sight;
     * the scroll bar is always shown, so it never appears or goes as the lines change. The view model keeps the
     * lines bounded (newest first, a count of the rest).
     */
    private static ScrollPane problemLines(ObservableList<String> problems,
                                           javafx.beans.value.ObservableBooleanValue known) {
        Label lines = new Label();
        lines.setWrapText(true);
        lines.setMinHeight(Region.USE_PREF_SIZE);
        lines.getStyleClass().add("problem-lines");
        Runnable show = () -> {
            boolean none = problems.isEmpty();
            lines.setText(!none ? String.join("\n", problems.stream().map(line -> BULLET + line).toList())
                    : known.get() ? "no pods in trouble, unbound PVCs or recent warnings"
                    : "not known: the cluster's pods, claims and events have not been read");
            lines.pseudoClassStateChanged(NONE, none);
        };
        problems.addListener((ListChangeListener<String>) change -> show.run());
        known.addListener((obs, was, now) -> show.run());
        show.run();
        ScrollPane scroll = new ScrollPane(lines);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.ALWAYS);
        scroll.getStyleClass().add("problems");
        scroll.setPrefHeight(110);
        // Never squeezed to nothing by the components table on a small screen: two lines stay readable.
        scroll.setMinHeight(58);
        return scroll;
    }

    private static TableView<ComponentHealth> componentsTable(ClusterPaneViewModel model) {
        TableView<ComponentHealth> table = new TableView<>(model.components());
        StyledInPulse.keep(table);
        table.getStyleClass().add("one-line-rows");
        table.setPlaceholder(new Label("no components known yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Other workloads in the namespace are listed after Gitpod's, dimmed, and say they are not judged.
        table.setRowFactory(view -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(ComponentHealth item, boolean empty) {
                super.updateItem(item, empty);
                StyleClasses.toggle(this, "other-workload", !empty && item != null
                        && item.role() == org.drillconsole.model.ComponentRole.OTHER);
            }
        });
        table.getColumns().add(column("Component", 150, c -> new ReadOnlyStringWrapper(
                c.role() == org.drillconsole.model.ComponentRole.OTHER ? c.name() + " (other, not judged)" : c.name())));
        table.getColumns().add(column("Kind", 90, c -> new ReadOnlyStringWrapper(c.kind().display())));
        TableColumn<ComponentHealth, ComponentStatus> status = new TableColumn<>("Status");
        status.setPrefWidth(110);
        status.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().status()));
        status.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ComponentStatus item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : StatusText.display(item));
                StyleClasses.choose(this, "status-", empty || item == null ? null : StatusText.styleClass(item));
            }
        });
        table.getColumns().add(status);
        table.getColumns().add(column("Ready", 60, c -> new ReadOnlyStringWrapper(c.ready() + "/" + c.desired())));
        table.getColumns().add(column("Reason", 220, c -> new ReadOnlyStringWrapper(c.message())));
        return table;
    }

    private static TableColumn<ComponentHealth, String> column(String title, double width,
            java.util.function.Function<ComponentHealth, ObservableValue<String>> value) {
        TableColumn<ComponentHealth, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setCellFactory(col -> new FullTextCell<>());
        return column;
    }

    private static Label boundLabel(ObservableValue<String> text, String styleClass) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.setWrapText(true);
        // Wrap onto more lines rather than cut an error message short with an ellipsis.
        label.setMinHeight(Region.USE_PREF_SIZE);
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }

    /** The colour of the backup line; the words say the same (within, nearing, past, none in sight). */
    private static String backupStyle(ClusterPaneViewModel.BackupStanding standing) {
        return switch (standing) {
            case WITHIN -> "status-success";
            case NEAR -> "status-warning";
            case PAST -> "status-danger";
            // None in sight is said in words, not in red: a pilot-light standby often keeps no backups itself.
            case NONE, NO_OBJECTIVE, UNKNOWN -> "status-unknown";
        };
    }

    /** The colour of the Gitpod URL line; the words say the same. */
    private static String gitpodStyle(ClusterPaneViewModel.GitpodStanding standing) {
        return switch (standing) {
            case SERVING -> "status-success";
            case NOT_SERVING, NO_ANSWER -> "status-danger";
            case NOT_A_URL -> "status-warning";
            case NOT_SET -> "status-unknown";
        };
    }

    private static HBox labelled(String caption, Label value) {
        Label key = new Label(caption);
        key.getStyleClass().add("caption");
        key.setMinWidth(60);
        return new HBox(8, key, value);
    }

    /** The side's connection state as a badge, its colour following the state (the full pane and drill mode). */
    public static Label stateBadge(ClusterPaneViewModel model, String id) {
        Label state = new Label();
        state.setId(id);
        state.textProperty().bind(model.stateTextProperty());
        state.getStyleClass().add("badge");
        model.stateProperty().addListener((obs, old, now) -> restyle(state, StatusText.styleClass(now)));
        restyle(state, StatusText.styleClass(model.stateProperty().get()));
        return state;
    }

    /** The side's verdict as a badge, its colour following the verdict (the full pane and drill mode). */
    public static Label verdictBadge(ClusterPaneViewModel model, String id) {
        Label verdict = new Label();
        verdict.setId(id);
        verdict.textProperty().bind(model.verdictTextProperty());
        verdict.getStyleClass().addAll("badge", "verdict");
        model.verdictProperty().addListener((obs, old, now) -> restyle(verdict, StatusText.styleClass(now)));
        restyle(verdict, StatusText.styleClass(model.verdictProperty().get()));
        return verdict;
    }

    private static void restyle(Label label, String styleClass) {
        StyleClasses.choose(label, "status-", styleClass);
    }
}
