package org.drillconsole.ui.history;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.drillconsole.report.ReportText;
import org.drillconsole.report.Trends;

/** RTO and RPO per run against the objective, cost per strategy, and the steps that take longest. */
final class TrendsView extends GridPane {

    /** More points than this turn a chart into noise; the newest runs are the ones that matter. */
    static final int NEWEST_RUNS = 40;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneId.systemDefault());

    private final LineChart<String, Number> rto = chart("RTO (minutes)");
    private final LineChart<String, Number> rpo = chart("RPO (minutes)");
    private final TableView<List<String>> costs = RunDetailView.table(List.of("Strategy", "Runs", "Typical RTO",
            "Standby nodes"));
    private final TableView<List<String>> slowSteps = RunDetailView.table(List.of("Step", "Runs", "Average",
            "Longest"));
    private final Label heading = new Label();

    TrendsView(HistoryViewModel model) {
        setId("trends");
        setPadding(new javafx.geometry.Insets(8));
        setHgap(10);
        setVgap(6);
        rto.setId("rtoChart");
        rpo.setId("rpoChart");
        costs.setId("strategyCosts");
        slowSteps.setId("slowSteps");
        costs.setPrefHeight(140);
        for (TableView<List<String>> table : List.of(costs, slowSteps)) {
            table.getColumns().forEach(c -> c.setPrefWidth(80));
            table.getColumns().get(0).setPrefWidth(190);
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        }
        slowSteps.setPrefHeight(200);
        heading.getStyleClass().add("section-title");
        heading.textProperty().bind(model.trendDrillProperty().map(d -> "Trends of " + d).orElse("No runs yet"));
        add(heading, 0, 0, 2, 1);
        add(rto, 0, 1);
        add(rpo, 1, 1);
        Label costCaption = new Label("Typical RTO per strategy beside the standby's size: what a warmer standby "
                + "costs against the time it saves");
        costCaption.setWrapText(true);
        add(new VBox(4, costCaption, costs), 0, 2);
        add(new VBox(4, new Label("Steps that take longest"), slowSteps), 1, 2);
        GridPane.setHgrow(rto, Priority.ALWAYS);
        GridPane.setHgrow(rpo, Priority.ALWAYS);
        model.rtoTrendProperty().addListener((obs, old, series) -> plot(rto, series, "RTO"));
        model.rpoTrendProperty().addListener((obs, old, series) -> plot(rpo, series, "RPO"));
        model.costs().addListener((javafx.collections.ListChangeListener<Trends.StrategyCost>) change ->
                costs.getItems().setAll(model.costs().stream().map(c -> List.of(c.strategy(),
                        Integer.toString(c.runs()), ReportText.duration(c.medianRto()),
                        c.medianStandbyNodes() == null ? ReportText.NONE : c.medianStandbyNodes().toString())).toList()));
        model.slowSteps().addListener((javafx.collections.ListChangeListener<org.drillconsole.model.journal.StepTiming>)
                change -> slowSteps.getItems().setAll(model.slowSteps().stream().map(t -> List.of(t.stepId(),
                        Integer.toString(t.runs()), ReportText.duration(t.average()), ReportText.duration(t.longest())))
                        .toList()));
    }

    private static LineChart<String, Number> chart(String axisLabel) {
        NumberAxis minutes = new NumberAxis();
        minutes.setLabel(axisLabel);
        minutes.setForceZeroInRange(true);
        LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), minutes);
        chart.getStyleClass().add("trend-chart");
        chart.setAnimated(false);
        chart.setPrefHeight(260);
        chart.setCreateSymbols(true);
        return chart;
    }

    /** The measured value per run, and the objective as a flat second line. */
    private static void plot(LineChart<String, Number> chart, Trends.Series series, String what) {
        chart.getData().clear();
        if (series == null || series.points().isEmpty()) {
            chart.setTitle("No " + what + " measured yet");
            return;
        }
        List<Trends.Point> points = series.points().subList(Math.max(0, series.points().size() - NEWEST_RUNS),
                series.points().size());
        chart.setTitle(points.size() < series.points().size() ? "newest " + points.size() + " of "
                + series.points().size() + " runs" : null);
        XYChart.Series<String, Number> actual = new XYChart.Series<>();
        actual.setName("actual " + what);
        XYChart.Series<String, Number> objective = new XYChart.Series<>();
        objective.setName("objective" + (series.objective() == null ? " (none)" : " " + ReportText.duration(series.objective())));
        for (Trends.Point point : points) {
            String run = "#" + point.runId() + " " + DAY.format(point.at());
            actual.getData().add(new XYChart.Data<>(run, point.value().toSeconds() / 60.0));
            if (series.objective() != null) {
                objective.getData().add(new XYChart.Data<>(run, series.objective().toSeconds() / 60.0));
            }
        }
        chart.getData().add(actual);
        if (series.objective() != null) {
            chart.getData().add(objective);
        }
    }
}
