package org.drillconsole.app;

import com.sun.javafx.perf.PerformanceTracker;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs work on the FX thread once a scene's first frame is on the screen, not merely laid out. With software
 * rendering (no GPU, a remote desktop, Xvfb) the renderer hands the painted pixels to the window through the FX
 * thread's queue: work queued right after the layout would run first and keep the finished frame off the
 * screen for as long as it takes. JavaFX tells when a frame is rendered only through its performance tracker
 * (internal, public since JavaFX 2, reachable from the class path); the task is queued from there, behind the
 * pixels. Without the tracker the task is queued at once.
 */
final class FirstFrame {

    private FirstFrame() {
    }

    /**
     * @param scene a scene being shown for the first time
     * @param painted told on the renderer's thread when the frame is rendered (for the startup timing)
     * @param then run on the FX thread after the frame's pixels reached the window
     */
    static void whenPainted(Scene scene, Runnable painted, Runnable then) {
        PerformanceTracker tracker;
        try {
            tracker = PerformanceTracker.getSceneTracker(scene);
        } catch (RuntimeException | LinkageError unavailable) {
            tracker = null;
        }
        if (tracker == null) {
            painted.run();
            Platform.runLater(then);
            return;
        }
        boolean[] once = new boolean[1];
        tracker.setOnRenderedFrameTask(() -> {
            synchronized (once) {
                if (once[0]) {
                    return;
                }
                once[0] = true;
            }
            painted.run();
            Platform.runLater(() -> {
                PerformanceTracker.releaseSceneTracker(scene);
                then.run();
            });
        });
    }
}
