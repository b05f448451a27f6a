package org.drillconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.drillconsole.drill.DrillLoader;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.sandbox.SandboxOptions;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.SettingsStore;
import org.drillconsole.ui.main.MainView;
import org.drillconsole.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** On start the window offers to resume a run the console never finished, and resumes it. */
@ExtendWith(ApplicationExtension.class)
class DrillResumeViewTest {

    @TempDir
    static Path dir;
    static long interrupted;
    MainViewModel model;
    TaskExecutor executor;

    @BeforeAll
    static void leaveARunUnfinished() throws Exception {
        DrillDefinition drill = DrillLoader.load(Path.of("src/test/resources/drills/practice-scale-up.yaml"));
        try (JournalStore store = JournalStore.openIn(dir.resolve("data"), Clock.systemUTC())) {
            interrupted = store.startRun(new NewRun(drill.metadata().name(), drill.metadata().title(),
                    drill.contentHash(), drill.spec().strategy(), RunMode.PRACTICE, "alex", "practice-primary",
                    "http://127.0.0.1:1", "practice-standby", "http://127.0.0.1:2"), "mode practice").id();
        }
    }

    @Start
    void start(Stage stage) {
        executor = new TaskExecutor();
        model = new MainViewModel(executor, new SettingsStore(dir.resolve("settings.json")), new RecordingDialogService(),
                () -> PracticeClusters.start(dir.resolve("practice"),
                        SandboxOptions.defaults().withReconcileDelay(Duration.ofMillis(300))), false,
                Path.of("src/test/resources/drills"), dir.resolve("data"));
        stage.setScene(new Scene(new MainView(model), 1400, 900));
        stage.show();
        model.start();
    }

    @AfterEach
    void stop() {
        model.close();
        executor.close();
    }

    static void waitUntil(Supplier<Boolean> condition, int seconds, Supplier<String> description) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> condition.get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s: " + description.get(), e);
        }
    }

    @Test
    void offersAndResumesTheUnfinishedRun(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#standbyVerdict").queryAs(Label.class).getText().contains("IDLE"), 20, () -> "");
        robot.clickOn("#drillTab");
        waitUntil(() -> robot.lookup("#resumeDrill").tryQuery().map(javafx.scene.Node::isVisible).orElse(false), 10,
                () -> "no resume offered");
        robot.clickOn("#resumeDrill");
        waitUntil(() -> robot.lookup("#doneButton").tryQuery().isPresent(), 15, () -> model.drill().log().toString());
        assertTrue(model.drill().log().stream().anyMatch(line -> line.startsWith("RESUMED")), model.drill().log().toString());
        robot.clickOn("#doneButton");
        waitUntil(() -> robot.lookup("#confirmButton").tryQuery().isPresent(), 10, () -> model.drill().log().toString());
        robot.clickOn("#reasonField").write("practice-standby").clickOn("#confirmButton");
        waitUntil(() -> robot.lookup("#confirmButton").tryQuery().isPresent(), 30, () -> model.drill().log().toString());
        robot.clickOn("#reasonField").write("practice-standby").clickOn("#confirmButton");
        waitUntil(() -> robot.lookup("#drillOutcome").queryAs(Label.class).getText().startsWith("COMPLETED"), 20,
                () -> model.drill().log().toString());
        model.close();
        try (JournalStore store = JournalStore.openIn(dir.resolve("data"), Clock.systemUTC())) {
            assertEquals(1, store.runs().size(), "the interrupted run was continued, not a new one started");
            assertEquals(interrupted, store.runs().get(0).id());
            assertEquals(RunStatus.COMPLETED, store.runs().get(0).status());
        }
    }
}
