package org.drillconsole.ui.history;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.drillconsole.report.ReportText;
import org.drillconsole.report.RunReport;
import org.drillconsole.report.Timeline;
import org.drillconsole.ui.StyleClasses;

/** One run: its facts, its timeline, its steps, notes, the health snapshots side by side, Warning events. */
final class RunDetailView extends VBox {

    private final Label title = new Label("Select a run to see its timeline and evidence.");
    private final Label outcome = new Label();
    private final GridPane facts = new GridPane();
    private final TimelineView timeline = new TimelineView();
    private final TableView<List<String>> steps = table(ReportText.STEP_COLUMNS);
    private final Label notes = new Label();
    private final HBox health = new HBox(12);
    private final Label warnings = new Label();

    RunDetailView() {
        super(8);
        setId("runDetail");
        getStyleClass().add("run-detail");
        title.setId("runTitle");
        title.getStyleClass().add("run-title");
        outcome.setId("runOutcome");
        outcome.setWrapText(true);
        facts.setHgap(12);
        facts.setVgap(2);
        steps.setId("runSteps");
        steps.setPrefHeight(220);
        notes.setWrapText(true);
        warnings.setWrapText(true);
        // What people look for first (how the time went) above the record's particulars.
        getChildren().addAll(title, outcome, section("Timeline (solid blue: waiting for the cluster; "
                + "outlined orange: waiting for people; green line: clock start; red line: clock stop)"), timeline,
                section("Steps"), steps, section("Record"), facts, notes, health, warnings);
    }

    void show(RunReport report) {
        facts.getChildren().clear();
        health.getChildren().clear();
        if (report == null) {
            title.setText("Select a run to see its timeline and evidence.");
            outcome.setText("");
            timeline.show(null);
            steps.getItems().clear();
            notes.setText("");
            warnings.setText("");
            return;
        }
        title.setText(ReportText.title(report));
        outcome.setText(report.outcome() + (report.outcomeDetail() == null ? "" : ": " + report.outcomeDetail()));
        StyleClasses.setAll(outcome, "label", "run-outcome", report.withinObjectives() ? "status-success"
                : report.run().status().finished() ? "status-danger" : "status-warning");
        int row = 0;
        for (ReportText.Fact fact : ReportText.facts(report)) {
            Label label = new Label(fact.label());
            label.getStyleClass().add("fact-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(fact.value());
            value.setWrapText(true);
            facts.addRow(row++, label, value);
        }
        timeline.show(Timeline.of(report));
        steps.getItems().setAll(report.steps().stream().map(ReportText::stepRow).toList());
        notes.setText(report.notes().isEmpty() ? "No notes." : "Notes:\n" + String.join("\n", report.notes().stream()
                .map(n -> ReportText.time(n.at()) + (n.stepId() == null ? "" : " (" + n.stepId() + ")") + ": "
                        + n.text()).toList()));
        health.getChildren().addAll(healthColumn("When the clock started", report.healthAtStart()),
                healthColumn("When the clock stopped", report.healthAtStop()));
        warnings.setText(report.warnings().isEmpty() ? "No Warning events were captured." : "Warning events:\n"
                + String.join("\n", report.warnings().stream().map(w -> w.side() + " " + w.object() + " " + w.reason()
                + " ×" + w.count() + ": " + w.message()).toList()));
    }

    private static VBox healthColumn(String heading, List<RunReport.ClusterHealth> sides) {
        VBox column = new VBox(2, section(heading));
        if (sides.isEmpty()) {
            column.getChildren().add(new Label("not recorded"));
        }
        for (RunReport.ClusterHealth side : sides) {
            column.getChildren().add(new Label(side.side() + " " + side.context() + ": " + side.state() + ", "
                    + side.verdict() + ", nodes " + side.nodesReady() + "/" + side.nodesTotal() + ", workspaces "
                    + side.runningWorkspaces()));
            side.components().stream().filter(c -> c.ready() < c.desired()).forEach(c -> column.getChildren()
                    .add(new Label("   ✗ " + c.name() + " " + c.ready() + "/" + c.desired())));
        }
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        label.setWrapText(true);
        return label;
    }

    static TableView<List<String>> table(List<String> columns) {
        TableView<List<String>> table = new TableView<>();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            TableColumn<List<String>, String> column = new TableColumn<>(columns.get(i));
            column.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(index)));
            column.setPrefWidth(index == columns.size() - 1 ? 420 : 110);
            table.getColumns().add(column);
        }
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return table;
    }
}
