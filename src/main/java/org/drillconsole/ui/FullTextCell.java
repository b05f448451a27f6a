package org.drillconsole.ui;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A table cell of text that a narrow column ends in "…" (an image version, a comparison's detail, a workload
 * kind on a 1280-pixel screen): the whole text is its tooltip.
 */
public final class FullTextCell<S> extends TableCell<S, String> {

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
    }
}
