package org.drillconsole.ui;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A table cell of text that a narrow column ends in "…" (an image version, a comparison's detail, a workload
 * kind on a 1280-pixel screen): the whole text is its tooltip. One tooltip per cell, its text changed with the
 * cell's: a tooltip is a popup window with a scene of its own, too much to build for every update of every cell.
 */
public final class FullTextCell<S> extends TableCell<S, String> {

    private Tooltip tooltip;

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        if (empty || item == null || item.isEmpty()) {
            setTooltip(null);
            return;
        }
        if (tooltip == null) {
            tooltip = new Tooltip();
        }
        tooltip.setText(item);
        setTooltip(tooltip);
    }
}
