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
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.sandbox.SandboxOptions;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.SettingsStore;
import org.drillconsole.ui.main.MainView;
import org.drillconsole.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A short drill through the wizard, beside the live health panes, on practice clusters. */
@ExtendWith(ApplicationExtension.class)
class DrillViewTest {

    @TempDir
    static Path dir;
    MainViewModel model;
    TaskExecutor executor;

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

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void runsAShortDrillThroughTheWizardWhileThePanesStayLive(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#standbyVerdict").contains("IDLE"), 20, () -> text(robot, "#standbyVerdict"));
        robot.clickOn("#drillTab");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Path> runbooks = robot.lookup("#runbookBox").queryAs(javafx.scene.control.ComboBox.class);
        waitUntil(() -> !runbooks.getItems().isEmpty(), 5, () -> "no runbooks listed");
        robot.interact(() -> runbooks.getSelectionModel().select(runbooks.getItems().stream()
                .filter(p -> p.getFileName().toString().equals("practice-scale-up.yaml")).findFirst().orElseThrow()));
        robot.clickOn("#startDrill");

        waitUntil(() -> robot.lookup("#doneButton").tryQuery().isPresent(), 15, () -> model.drill().log().toString());
        robot.clickOn("#doneButton");                                   // declare the outage: the clock starts
        waitUntil(() -> robot.lookup("#confirmButton").tryQuery().isPresent(), 10, () -> model.drill().log().toString());
        String plan = robot.lookup("#promptText").queryAs(javafx.scene.text.TextFlow.class).getAccessibleText();
        assertTrue(plan.contains("server 0 → 2"), plan);
        robot.clickOn("#reasonField").write("practice-standby").clickOn("#confirmButton");

        // While the standby scales up, its pane shows it: the wizard is not modal.
        waitUntil(() -> text(robot, "#standbyReasons").contains("progressing")
                || text(robot, "#standbyVerdict").contains("HEALTHY"), 10, () -> text(robot, "#standbyReasons"));
        waitUntil(() -> robot.lookup("#confirmButton").tryQuery().isPresent(), 30, () -> model.drill().log().toString());
        assertTrue(text(robot, "#stopwatch").startsWith("RTO "), text(robot, "#stopwatch"));
        robot.clickOn("#reasonField").write("practice-standby").clickOn("#confirmButton");   // cleanup

        waitUntil(() -> text(robot, "#drillOutcome").startsWith("COMPLETED"), 20, () -> model.drill().log().toString());
        assertTrue(text(robot, "#drillOutcome").contains("5m"), text(robot, "#drillOutcome"));
        model.close();
        try (JournalStore store = JournalStore.openIn(dir.resolve("data"), Clock.systemUTC())) {
            assertEquals(RunStatus.COMPLETED, store.runs().get(0).status());
            assertEquals("practice-scale-up", store.runs().get(0).run().drillName());
        }
    }
}
