package org.drillconsole.ui.history;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.report.ReportText;
import org.drillconsole.report.Timeline;

/**
 * A run's steps as bars on one time axis, the same geometry as the reports' timeline: cluster time solid,
 * people time hatched-looking (a lighter bar with a border) so the two differ without colour too.
 */
final class TimelineView extends Pane {

    private static final double LABEL_WIDTH = 230;
    private static final double ROW = 20;
    private Timeline timeline;

    TimelineView() {
        getStyleClass().add("timeline");
        setMinHeight(ROW * 2);
        widthProperty().addListener((obs, old, width) -> draw());
    }

    void show(Timeline next) {
        timeline = next;
        setPrefHeight(next == null ? ROW * 2 : next.bars().size() * ROW + 34);
        draw();
    }

    private void draw() {
        getChildren().clear();
        if (timeline == null) {
            return;
        }
        double axis = Math.max(100, getWidth() - LABEL_WIDTH - 16);
        double y = 4;
        for (Timeline.Bar bar : timeline.bars()) {
            Label label = new Label(bar.label());
            label.setLayoutX(0);
            label.setLayoutY(y);
            label.setMaxWidth(LABEL_WIDTH - 8);
            label.setPrefWidth(LABEL_WIDTH - 8);
            Rectangle rect = new Rectangle(LABEL_WIDTH + bar.start() * axis, y + 3, Math.max(3, bar.width() * axis),
                    ROW - 6);
            rect.getStyleClass().addAll("timeline-bar", bar.human() ? "timeline-people" : "timeline-cluster");
            if (bar.outcome() == RunEvent.StepOutcome.FAILED) {
                rect.getStyleClass().add("timeline-failed");
            }
            Tooltip.install(rect, new Tooltip(bar.label() + "\n" + ReportText.duration(bar.took()) + " waiting for "
                    + (bar.human() ? "people" : "the cluster") + ", " + Timeline.outcomeText(bar.outcome())));
            getChildren().addAll(label, rect);
            y += ROW;
        }
        marker(timeline.clockStart(), axis, y, "timeline-clock-start");
        marker(timeline.clockStop(), axis, y, "timeline-clock-stop");
        Line base = new Line(LABEL_WIDTH, y + 2, LABEL_WIDTH + axis, y + 2);
        base.getStyleClass().add("timeline-axis");
        Label from = new Label(ReportText.time(timeline.from()));
        from.setLayoutX(LABEL_WIDTH);
        from.setLayoutY(y + 4);
        Label length = new Label("+" + ReportText.duration(timeline.length()));
        length.setLayoutX(LABEL_WIDTH + axis - 60);
        length.setLayoutY(y + 4);
        getChildren().addAll(base, from, length);
    }

    private void marker(Double at, double axis, double bottom, String style) {
        if (at != null) {
            Line line = new Line(LABEL_WIDTH + at * axis, 0, LABEL_WIDTH + at * axis, bottom + 2);
            line.getStyleClass().add(style);
            getChildren().add(line);
        }
    }
}
