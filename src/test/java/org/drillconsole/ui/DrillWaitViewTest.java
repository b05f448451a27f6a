package org.drillconsole.ui;

import static org.drillconsole.ui.ConsoleWindow.text;
import static org.drillconsole.ui.ConsoleWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.drillconsole.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A check that does not pass yet says what it waits for, and the operator can stop waiting from the keyboard;
 * after a look at the full cluster panes, the answer field has the keys again.
 */
@ExtendWith(ApplicationExtension.class)
class DrillWaitViewTest {

    @TempDir
    static Path dir;
    ConsoleWindow window;
    MainViewModel model;

    @Start
    void start(Stage stage) {
        window = new ConsoleWindow(stage, dir, 1280, 800);
        model = window.model;
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void aWaitingCheckSaysWhatItSeesAndTheOperatorStopsWaitingAndSkipsIt(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#primaryVerdict").contains("HEALTHY"), 20, () -> text(robot, "#primaryVerdict"));
        ConsoleWindow.chooseRunbook(robot, "practice-wait.yaml");
        waitUntil(() -> !robot.lookup("#startDrill").query().isDisabled(), 10, () -> "Start stays disabled");
        robot.press(KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT); // Start drill

        waitUntil(() -> robot.lookup("#doneButton").tryQuery().isPresent(), 20, () -> model.drill().log().toString());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER); // the outage is declared
        // The practice primary runs two workspaces: the check says so while it tries again.
        waitUntil(() -> model.drill().checkingProperty().get()
                        .matches("(?s).*seen at \\d\\d:\\d\\d:\\d\\d: 2 running workspaces.*"), 20,
                () -> model.drill().checkingProperty().get() + " " + model.drill().log());
        assertTrue(robot.lookup("#stopWaiting").query().isVisible(), "Stop waiting is offered");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.W).release(KeyCode.W, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#skipButton").tryQuery().isPresent(), 10, () -> model.drill().log().toString());
        assertTrue(model.drill().log().stream().anyMatch(line -> line.contains("stopped waiting")),
                model.drill().log().toString());

        // A look at the full panes (and a click there) and back: the answer field has the keys again.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Practice controls"); // the focus goes where the pointer went
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        TextField answer = robot.lookup("#reasonField").queryAs(TextField.class);
        waitUntil(answer::isFocused, 5, () -> "the answer field has the focus");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.write("users are told to save their work");
        robot.press(KeyCode.ALT, KeyCode.K).release(KeyCode.K, KeyCode.ALT); // skip, with the reason typed
        waitUntil(() -> text(robot, "#drillOutcome").startsWith("COMPLETED"), 30, () -> model.drill().log().toString());
        assertTrue(model.drill().log().stream().anyMatch(line -> line.contains("users are told to save their work")),
                model.drill().log().toString());
    }
}
