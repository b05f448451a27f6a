package org.drillconsole.ui;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Styles a table's or list's new rows in the pulse that made them. A table lays its rows out after the pulse
 * has applied the styles, and the text it puts in a row there (a row coming into sight, a cell's text
 * appearing) is styled only in the next pulse. That pulse changes nothing on screen, and JavaFX paints a pulse
 * with nothing to paint as the whole window: 150 - 300 ms in the software renderer on two busy cores. It came
 * when a cluster went down (its pane gained a line, its components table lost a row, the comparison changed
 * rows) and made the longest FX pulse gaps of WindowBenchmark. After the layout of a pulse in which such a
 * table or list was laid out, the scene's styles are applied and it is laid out again (about 10 - 20 ms once
 * the code is compiled, only in those pulses): the rows are then painted in the same pulse, and only they.
 */
public final class StyledInPulse {

    /**
     * Not in the window's first seconds: it is painted whole again and again as it fills anyway, and styling
     * the whole scene then only delays its first frame and its panes (38 - 44 ms a time on a cold start, three
     * times in a start on the build machine).
     */
    private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(3);

    /** FX thread only: one listener per scene, however many tables it holds. */
    private static final Map<Scene, Pending> SCENES = new WeakHashMap<>();

    private StyledInPulse() {
    }

    /** From now on, whenever {@code node} is laid out, the rows it makes are styled in the same pulse. */
    public static void keep(Parent node) {
        // Also while the pulse lays out: a table is often resized by its parent's layout, not asked beforehand.
        node.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (needs && node.getScene() != null) {
                SCENES.computeIfAbsent(node.getScene(), Pending::new).laidOut = true;
            }
        });
    }

    /** Whether a kept table was laid out in this pulse; applies the styles after the pulse's layout if so. */
    private static final class Pending implements Runnable {
        private final WeakReference<Scene> scene;
        private final long since = System.nanoTime();
        private boolean laidOut;

        Pending(Scene scene) {
            this.scene = new WeakReference<>(scene);
            scene.addPostLayoutPulseListener(this);
        }

        @Override
        public void run() {
            Scene now = scene.get();
            if (!laidOut || now == null || now.getRoot() == null) {
                return;
            }
            laidOut = false;
            if (System.nanoTime() - since < WARM_UP_NANOS) {
                return;
            }
            Parent root = now.getRoot();
            root.applyCss();
            root.layout();
        }
    }
}
