package org.drillconsole.ui.history;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.report.ReportFormat;
import org.drillconsole.report.RunReport;
import org.drillconsole.report.ReportText;
import org.drillconsole.ui.DialogService;

/** Every recorded run, filterable and sortable; the selected run's detail; trends; exports. */
public final class HistoryView extends BorderPane {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final HistoryViewModel model;
    private final DialogService dialogs;
    private final TableView<RunRecord> table = new TableView<>();
    private final SplitPane split = new SplitPane();

    public HistoryView(HistoryViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        setId("historyView");
        setTop(toolBar());
        setBottom(statusLine());
        // A running drill selected from the team's history is followed as it goes.
        model.startFollowing();

        table.setId("historyTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No runs recorded yet: run a drill from the Drill tab."));
        column("#", r -> r.id(), 55).setMinWidth(55); // ids and times are never worth truncating
        column("Started", r -> STARTED.format(r.createdAt()), 125).setMinWidth(125);
        column("Runbook", r -> r.run().drillName(), 170);
        column("Strategy", r -> r.run().strategy(), 110);
        column("Mode", r -> r.run().mode().name().toLowerCase(), 75);
        column("Operator", r -> r.run().operator(), 90);
        column("Workstation", RunRecord::workstation, 110);
        durationColumn("RTO / objective", r -> r.summary() == null ? null : r.summary().rto(),
                r -> figure(r.summary(), true));
        durationColumn("RPO / objective", r -> r.summary() == null ? null : r.summary().rpo(),
                r -> figure(r.summary(), false));
        column("Outcome", HistoryView::outcome, 190);
        column("Cleanup", r -> r.summary() == null ? "" : r.summary().cleanupDone() == null ? "not required"
                : r.summary().cleanupDone() ? "done" : "NOT done", 90);
        SortedList<RunRecord> sorted = new SortedList<>(model.runs());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, run) -> model.select(run));
        model.toSelectProperty().addListener((obs, old, run) -> {
            if (run != null) {
                table.getSelectionModel().select(run);
                table.scrollTo(run);
            }
        });

        RunDetailView detail = new RunDetailView();
        model.detailProperty().addListener((obs, old, report) -> detail.show(report));
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        Tab runTab = new Tab("Run", detailScroll);
        runTab.setId("runTab");
        ScrollPane trendsScroll = new ScrollPane(new TrendsView(model));
        trendsScroll.setFitToWidth(true);
        Tab trendsTab = new Tab("Trends", trendsScroll);
        trendsTab.setId("trendsTab");
        TabPane below = new TabPane(runTab, trendsTab);
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        split.getItems().setAll(table, below);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.38);
        setCenter(split);
    }

    /** Between the table and the run detail, 0..1; remembered with the window. */
    public double dividerPosition() {
        return split.getDividerPositions()[0];
    }

    public void setDividerPosition(double position) {
        split.setDividerPositions(position);
    }

    private ToolBar toolBar() {
        ComboBox<String> drill = new ComboBox<>();
        drill.setId("drillFilter");
        drill.setPromptText("All runbooks");
        drill.getItems().add(null);
        model.drillNames().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String chosen = drill.getValue();
            drill.getItems().setAll(model.drillNames());
            drill.getItems().add(0, null);
            drill.setValue(chosen);
        });
        drill.setConverter(converter(d -> d == null ? "All runbooks" : d));
        drill.valueProperty().bindBidirectional(model.drillFilterProperty());

        ComboBox<RunMode> mode = enumFilter("modeFilter", RunMode.values(), "All modes", model.modeFilterProperty());
        ComboBox<RunStatus> status = enumFilter("statusFilter", RunStatus.values(), "All outcomes",
                model.statusFilterProperty());

        DatePicker from = new DatePicker();
        from.setId("fromFilter");
        from.setPromptText("from");
        from.setPrefWidth(120);
        from.valueProperty().bindBidirectional(model.fromFilterProperty());
        DatePicker to = new DatePicker();
        to.setId("toFilter");
        to.setPromptText("to");
        to.setPrefWidth(120);
        to.valueProperty().bindBidirectional(model.toFilterProperty());

        Button refresh = new Button("_Refresh");
        refresh.setId("refreshHistory");
        refresh.setOnAction(e -> model.refresh());

        MenuButton export = new MenuButton("_Export");
        export.setId("exportMenu");
        for (ReportFormat format : ReportFormat.values()) {
            MenuItem item = new MenuItem("Selected run as " + label(format) + "…");
            item.setId("exportRun" + format.name());
            item.disableProperty().bind(model.detailProperty().isNull());
            item.setOnAction(e -> dialogs.chooseSaveFile("Export run " + model.detailProperty().get().run().id(),
                            "drill-run-" + model.detailProperty().get().run().id() + "." + format.extension())
                    .ifPresent(path -> model.exportRun(format, path)));
            export.getItems().add(item);
        }
        export.getItems().add(new SeparatorMenuItem());
        for (HistoryViewModel.HistoryFormat format : HistoryViewModel.HistoryFormat.values()) {
            MenuItem item = new MenuItem("Shown history as " + format.name() + "…");
            item.setId("exportHistory" + format.name());
            item.setOnAction(e -> dialogs.chooseSaveFile("Export the history", "drill-history." + format.extension())
                    .ifPresent(path -> model.exportHistory(format, path)));
            export.getItems().add(item);
        }

        return new ToolBar(drill, mode, status, from, to, refresh, export);
    }

    /** Progress and results of reading and exporting, below the table where a narrow window cannot hide them. */
    private HBox statusLine() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());
        Label message = new Label();
        message.setId("historyMessage");
        message.textProperty().bind(model.messageProperty());
        HBox line = new HBox(6, progress, message);
        line.getStyleClass().add("history-status");
        return line;
    }

    /** A filter over an enum's values; the empty choice (null) means any. */
    private static <E extends Enum<E>> ComboBox<E> enumFilter(String id, E[] values, String any,
                                                              javafx.beans.property.Property<E> filter) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setConverter(converter(v -> v == null ? any : v.name().toLowerCase()));
        box.valueProperty().bindBidirectional(filter);
        return box;
    }

    private static String label(ReportFormat format) {
        return switch (format) {
            case HTML -> "HTML";
            case PDF -> "PDF";
            case MD -> "Markdown";
            case JSON -> "JSON";
            case JUNIT -> "JUnit XML";
        };
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }

    private <T extends Comparable<T>> TableColumn<RunRecord, T> column(String title, Function<RunRecord, T> value,
                                                                       double width) {
        TableColumn<RunRecord, T> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setPrefWidth(width);
        table.getColumns().add(column);
        return column;
    }

    /** Sorts by the measured duration, shows it against its objective. */
    private void durationColumn(String title, Function<RunRecord, Duration> value, Function<RunRecord, String> text) {
        TableColumn<RunRecord, RunRecord> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        column.setComparator(Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(RunRecord run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null : text.apply(run));
            }
        });
        column.setPrefWidth(120);
        table.getColumns().add(column);
    }

    private static String figure(RunSummary summary, boolean rto) {
        if (summary == null) {
            return "";
        }
        return ReportText.duration(rto ? summary.rto() : summary.rpo()) + " / "
                + ReportText.duration(rto ? summary.rtoObjective() : summary.rpoObjective());
    }

    private static String outcome(RunRecord run) {
        return RunReport.outcome(run).toLowerCase(java.util.Locale.ROOT);
    }
}
