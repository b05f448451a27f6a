package org.drillconsole.ui;

import static org.drillconsole.ui.ConsoleWindow.text;
import static org.drillconsole.ui.ConsoleWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import javafx.stage.Stage;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.store.JournalStore;
import org.drillconsole.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The whole drill can be aborted from the window at any moment; the run is kept. */
@ExtendWith(ApplicationExtension.class)
class DrillAbortViewTest {

    @TempDir
    static Path dir;
    ConsoleWindow window;
    MainViewModel model;

    @Start
    void start(Stage stage) {
        window = new ConsoleWindow(stage, dir, 1400, 900);
        model = window.model;
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void abortsTheRunWhileAnActionAwaitsConfirmation(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#standbyVerdict").contains("IDLE"), 20, () -> text(robot, "#standbyVerdict"));
        robot.clickOn("#drillTab");
        ConsoleWindow.chooseRunbook(robot, "practice-scale-up.yaml");
        robot.clickOn("#startDrill");
        waitUntil(() -> robot.lookup("#doneButton").tryQuery().isPresent(), 15, () -> model.drill().log().toString());
        ConsoleWindow.clickWhenSettled(robot, "#doneButton");
        waitUntil(() -> robot.lookup("#confirmButton").tryQuery().isPresent(), 30, () -> model.drill().log().toString());

        robot.clickOn("#abortRunReason").write("wrong standby selected").clickOn("#abortRun");

        waitUntil(() -> text(robot, "#drillOutcome").startsWith("ABORTED"), 10, () -> model.drill().log().toString());
        assertTrue(model.drill().log().stream().noneMatch(line -> line.startsWith("ACTION_RESULT")),
                "the scale-up was never applied: " + model.drill().log());
        assertTrue(text(robot, "#drillOutcome").contains("wrong standby selected"), text(robot, "#drillOutcome"));
        model.close();
        try (JournalStore store = JournalStore.openIn(dir.resolve("data"), Clock.systemUTC())) {
            assertEquals(RunStatus.ABORTED, store.runs().get(0).status());
        }
    }
}
