package org.drillconsole.ui;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.css.Styleable;

/**
 * Style classes changed only when they change. Taking a class off and putting the same one back makes JavaFX
 * apply the styles again; done in a table cell while the table lays out, that leaves the scene with styles to
 * apply after the pulse, and the next pulse then has nothing to paint but repaints the whole window (the
 * software renderer: 150 - 300 ms on two busy cores, the longest FX pulse gaps of WindowBenchmark).
 */
public final class StyleClasses {

    private StyleClasses() {
    }

    /**
     * Makes {@code wanted} the one class starting with {@code prefix} (none when null), leaving the others.
     *
     * @param prefix the family, such as {@code "status-"}
     */
    public static void choose(Styleable node, String prefix, String wanted) {
        ObservableList<String> classes = node.getStyleClass();
        List<String> family = classes.stream().filter(c -> c.startsWith(prefix)).toList();
        if (family.equals(wanted == null ? List.of() : List.of(wanted))) {
            return;
        }
        // one change, however many go: each change applies the styles again
        classes.removeAll(family.stream().filter(c -> !c.equals(wanted)).toList());
        if (wanted != null && !classes.contains(wanted)) {
            classes.add(wanted);
        }
    }

    /** Puts {@code styleClass} on or takes it off. */
    public static void toggle(Styleable node, String styleClass, boolean on) {
        ObservableList<String> classes = node.getStyleClass();
        if (on && !classes.contains(styleClass)) {
            classes.add(styleClass);
        } else if (!on) {
            classes.removeIf(styleClass::equals);
        }
    }

    /** Sets exactly these classes, in this order. */
    public static void setAll(Styleable node, String... styleClasses) {
        if (!node.getStyleClass().equals(List.of(styleClasses))) {
            node.getStyleClass().setAll(styleClasses);
        }
    }
}
