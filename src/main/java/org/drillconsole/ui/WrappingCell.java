package org.drillconsole.ui;

import java.util.function.Function;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * A list row whose text wraps at the list's width instead of running past its edge: a journal line ("the journal
 * … is in use by another DR Drill Console; close that one, or give this one another --data-dir"), a step title or
 * a Warning event is read whole in a narrow panel of a 1280-pixel screen.
 */
public final class WrappingCell<T> extends ListCell<T> {

    /** What the list's vertical scroll bar and the cell's padding take from its width. */
    private static final double SCROLL_BAR_AND_PADDING = 24;

    private final Function<T, String> text;

    public WrappingCell(ListView<T> list, Function<T, String> text) {
        this.text = text;
        setWrapText(true);
        prefWidthProperty().bind(list.widthProperty().subtract(SCROLL_BAR_AND_PADDING));
        setMaxWidth(USE_PREF_SIZE);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : text.apply(item));
    }
}
