package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.drillconsole.ui.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The full window is built only once the first frame is rendered, and then on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class FirstFrameTest {

    final TaskExecutor executor = new TaskExecutor();
    final List<String> happened = new CopyOnWriteArrayList<>();
    final CountDownLatch done = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(new Label("starting"), 400, 300);
        stage.setScene(scene);
        stage.show();
        FirstFrame.whenPainted(scene, executor, () -> happened.add("rendered on the renderer: " + !Platform.isFxApplicationThread()),
                () -> {
                    happened.add("then on the FX thread: " + Platform.isFxApplicationThread());
                    done.countDown();
                }, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void theWorkAfterTheFirstFrameRunsOnceOnTheFxThreadAfterTheFrameIsRendered() throws Exception {
        assertTrue(done.await(10, TimeUnit.SECONDS), "the first frame was never reported rendered: " + happened);
        Thread.sleep(300); // later frames must not run it again
        assertEquals(List.of("rendered on the renderer: true", "then on the FX thread: true"), happened);
    }

    @Test
    void aSceneThatIsNeverPaintedStillGetsItsWorkDoneOnTheFxThread() throws Exception {
        List<String> unpainted = new CopyOnWriteArrayList<>();
        CountDownLatch ran = new CountDownLatch(1);
        Platform.runLater(() -> FirstFrame.whenPainted(new Scene(new Label("never shown")), executor,
                () -> unpainted.add("rendered"), () -> {
                    unpainted.add("then on the FX thread: " + Platform.isFxApplicationThread());
                    ran.countDown();
                }, Duration.ofMillis(200)));
        assertTrue(ran.await(10, TimeUnit.SECONDS), "the work waited for a frame that never came: " + unpainted);
        assertEquals(List.of("then on the FX thread: true"), unpainted);
    }
}
