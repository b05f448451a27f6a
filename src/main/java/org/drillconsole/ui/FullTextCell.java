package org.drillconsole.ui;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A table cell of text that a narrow column ends in "…" (an image version, a comparison's detail, a workload
 * kind on a 1280-pixel screen): the whole text is its tooltip. A tooltip is a popup window with a scene of its
 * own: a cell builds one only when the mouse first comes over it, not for every cell of a table being filled
 * (about a hundred cells when the window first shows both clusters), and then only changes its text.
 */
public final class FullTextCell<S> extends TableCell<S, String> {

    private Tooltip tooltip;

    public FullTextCell() {
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> showFullText());
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        if (tooltip != null) {
            showFullText();
        }
    }

    private void showFullText() {
        String item = isEmpty() ? null : getItem();
        if (item == null || item.isEmpty()) {
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
