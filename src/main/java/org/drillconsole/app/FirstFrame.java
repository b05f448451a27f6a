package org.drillconsole.app;

import com.sun.javafx.perf.PerformanceTracker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import org.drillconsole.ui.TaskExecutor;

/**
 * Runs work on the FX thread once a scene's first frame is on the screen, not merely laid out. With software
 * rendering (no GPU, a remote desktop, Xvfb) the renderer hands the painted pixels to the window through the FX
 * thread's queue: work queued right after the layout would run first and keep the finished frame off the
 * screen for as long as it takes. JavaFX tells when a frame is rendered only through its performance tracker
 * (internal, public since JavaFX 2, reachable from the class path); the task is queued from there, behind the
 * pixels. Without the tracker the task is queued at once, and should no frame be rendered (a window the
 * desktop never maps) it runs after {@link #AT_LATEST} all the same.
 */
final class FirstFrame {

    static final Duration AT_LATEST = Duration.ofSeconds(2);

    private FirstFrame() {
    }

    /**
     * @param scene a scene being shown for the first time
     * @param executor the window's, whose timer runs the work at the latest after {@link #AT_LATEST}
     * @param painted told on the renderer's thread when the frame is rendered (for the startup timing)
     * @param then run once on the FX thread, after the frame's pixels reached the window
     */
    static void whenPainted(Scene scene, TaskExecutor executor, Runnable painted, Runnable then) {
        whenPainted(scene, executor, painted, then, AT_LATEST);
    }

    static void whenPainted(Scene scene, TaskExecutor executor, Runnable painted, Runnable then, Duration atLatest) {
        PerformanceTracker tracker;
        try {
            tracker = PerformanceTracker.getSceneTracker(scene);
        } catch (RuntimeException | LinkageError unavailable) {
            tracker = null;
        }
        if (tracker == null) {
            painted.run();
            executor.onFxThread(then);
            return;
        }
        AtomicBoolean rendered = new AtomicBoolean();
        AtomicBoolean ran = new AtomicBoolean();
        Runnable once = () -> {
            if (ran.compareAndSet(false, true)) {
                PerformanceTracker.releaseSceneTracker(scene);
                then.run();
            }
        };
        tracker.setOnRenderedFrameTask(() -> {
            if (rendered.compareAndSet(false, true)) {
                painted.run();
                executor.onFxThread(once);
            }
        });
        executor.later(atLatest, once);
    }
}
