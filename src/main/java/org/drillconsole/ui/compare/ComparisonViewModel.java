package org.drillconsole.ui.compare;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.drillconsole.cluster.Comparison;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ComparisonRow;

/** Primary versus standby, recomputed whenever either side changes. */
public final class ComparisonViewModel {

    private final ObservableList<ComparisonRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ComparisonRow> visible = new FilteredList<>(rows);
    private final BooleanProperty showIdentical = new SimpleBooleanProperty(false);

    public ComparisonViewModel() {
        showIdentical.addListener((obs, old, now) -> refilter());
        refilter();
    }

    public void update(ClusterSnapshot primary, ClusterSnapshot standby) {
        List<ComparisonRow> next = Comparison.compare(primary, standby);
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
    }

    private void refilter() {
        visible.setPredicate(row -> showIdentical.get() || row.difference() != ComparisonRow.Difference.SAME);
    }

    public ObservableList<ComparisonRow> visibleRows() {
        return visible;
    }

    public BooleanProperty showIdenticalProperty() {
        return showIdentical;
    }
}
