package org.drillconsole.ui.compare;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.drillconsole.model.ComparisonRow;
import org.drillconsole.ui.FullTextCell;

public final class ComparisonView extends VBox {

    public ComparisonView(ComparisonViewModel model) {
        setId("comparison");
        setPadding(new Insets(6, 10, 6, 10));
        setSpacing(4);
        Label title = new Label("Primary vs standby: components on one side only, image versions, replicas to restore");
        title.getStyleClass().add("section-title");
        CheckBox identical = new CheckBox("show identical components");
        identical.selectedProperty().bindBidirectional(model.showIdenticalProperty());
        TableView<ComparisonRow> table = new TableView<>(model.visibleRows());
        org.drillconsole.ui.StyledInPulse.keep(table);
        table.setId("comparisonTable");
        table.getStyleClass().add("one-line-rows");
        Label empty = new Label();
        empty.textProperty().bind(model.emptyTextProperty());
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Component", 160, ComparisonRow::component));
        table.getColumns().add(column("Difference", 150, r -> r.difference().name().replace('_', ' ').toLowerCase()));
        table.getColumns().add(column("Primary", 220, ComparisonRow::primary));
        table.getColumns().add(column("Standby", 220, ComparisonRow::standby));
        table.getColumns().add(column("Detail", 220, ComparisonRow::detail));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(new HBox(16, title, identical), table);
    }

    private static TableColumn<ComparisonRow, String> column(String title, double width,
            java.util.function.Function<ComparisonRow, String> value) {
        TableColumn<ComparisonRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(col -> new FullTextCell<>());
        return column;
    }
}
