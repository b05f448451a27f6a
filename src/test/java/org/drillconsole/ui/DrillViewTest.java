package org.drillconsole.ui;

import static org.drillconsole.ui.ConsoleWindow.text;
import static org.drillconsole.ui.ConsoleWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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

/** A short drill through the wizard, beside the live health panes, on practice clusters. */
@ExtendWith(ApplicationExtension.class)
class DrillViewTest {

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
    void runsAShortDrillThroughTheWizardWhileThePanesStayLive(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#standbyVerdict").contains("IDLE"), 20, () -> text(robot, "#standbyVerdict"));
        robot.clickOn("#drillTab");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Path> runbooks = robot.lookup("#runbookBox").queryAs(javafx.scene.control.ComboBox.class);
        waitUntil(() -> !runbooks.getItems().isEmpty(), 5, () -> "no runbooks listed");
        // A runbook from another folder, through Open…
        Path elsewhere = Path.of("drills", "pilot-light-failover.yaml").toAbsolutePath();
        window.dialogs.runbookAnswers.add(elsewhere);
        robot.clickOn("#openRunbook");
        waitUntil(() -> elsewhere.equals(runbooks.getValue()), 5, () -> String.valueOf(runbooks.getValue()));
        assertTrue(runbooks.getItems().contains(elsewhere));
        robot.interact(() -> runbooks.getSelectionModel().select(runbooks.getItems().stream()
                .filter(p -> p.getFileName().toString().equals("practice-scale-up.yaml")).findFirst().orElseThrow()));
        robot.clickOn("#startDrill");

        waitUntil(() -> robot.lookup("#doneButton").tryQuery().isPresent(), 15, () -> model.drill().log().toString());
        // From the keyboard, through the Drill menu's shortcuts: Ctrl+Enter is Done.
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL); // declare the outage
        waitUntil(() -> robot.lookup("#confirmButton").tryQuery().isPresent(), 10, () -> model.drill().log().toString());
        String plan = robot.lookup("#promptText").queryAs(javafx.scene.text.TextFlow.class).getAccessibleText();
        assertTrue(plan.contains("server 0 → 2"), plan);
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);       // the answer field
        // A typo is not a refusal: the text is kept, said beside the field, and the step waits to be confirmed.
        robot.write("practice-standy");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> text(robot, "#answerProblem").contains("is not the context name"), 5,
                () -> text(robot, "#answerProblem"));
        TextField typed = robot.lookup("#reasonField").queryAs(TextField.class);
        assertEquals("practice-standy", typed.getText(), "the typed text is kept");
        assertTrue(robot.lookup("#confirmButton").tryQuery().isPresent(), "still asked to confirm");
        robot.interact(() -> typed.setText(""));
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        robot.write("practice-standby");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);

        // The drill has the window now; the standby's compact line shows it scaling up: nothing is modal.
        assertTrue(robot.lookup("#drillScreen").tryQuery().isPresent(), "starting the drill gives it the window");
        waitUntil(() -> text(robot, "#compactStandbyReasons").contains("progressing")
                || text(robot, "#compactStandbyVerdict").contains("HEALTHY"), 10,
                () -> text(robot, "#compactStandbyReasons"));
        // The cleanup's confirmation (scale back to 0), not the scale-up's that may still be on screen.
        waitUntil(() -> robot.lookup("#promptText").tryQuery().map(n -> String.valueOf(n.getAccessibleText())
                .contains("2 → 0")).orElse(false), 30, () -> model.drill().log().toString());
        assertTrue(text(robot, "#stopwatch").startsWith("RTO "), text(robot, "#stopwatch"));
        ConsoleWindow.clickWhenSettled(robot, "#reasonField");
        robot.write("practice-standby");
        ConsoleWindow.clickWhenSettled(robot, "#confirmButton");   // cleanup

        waitUntil(() -> text(robot, "#drillOutcome").startsWith("COMPLETED"), 20, () -> model.drill().log().toString());
        assertTrue(text(robot, "#drillOutcome").contains("5m"), text(robot, "#drillOutcome"));
        // The end: a summary against the objectives, and the report a click away.
        waitUntil(() -> text(robot, "#drillSummary").contains("RTO "), 5, () -> text(robot, "#drillSummary"));
        assertTrue(text(robot, "#drillSummary").contains("of 5m 00s ✔ within"), text(robot, "#drillSummary"));
        assertTrue(text(robot, "#drillSummary").contains("Cleanup: ✔ done"), text(robot, "#drillSummary"));
        // Open in history: drill mode is left, and the run just recorded is selected with its timeline.
        robot.clickOn("#openInHistory");
        waitUntil(() -> robot.lookup("#runTitle").tryQuery().map(n -> ((javafx.scene.control.Label) n).getText()
                .startsWith("Run 1:")).orElse(false), 10, () -> "the run was not opened in the history");
        // The full panes are back in the window, and drill mode comes back with its key.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#drillScreen").tryQuery().isPresent(), 5, () -> "drill mode did not come back");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#standbyVerdict").tryQuery().isPresent(), 5, () -> "the panes did not come back");
        // Back in the side panel, a third of the window wide: the journal's lines wrap, whole and inside the list
        // (not ending in "…", not running past its right edge).
        robot.clickOn("#drillTab");
        assertEquals(java.util.List.of(), ConsoleWindow.linesCutOff(robot, "#drillLog"), "journal lines cut off");
        model.close();
        try (JournalStore store = JournalStore.openIn(dir.resolve("data"), Clock.systemUTC())) {
            assertEquals(RunStatus.COMPLETED, store.runs().get(0).status());
            assertEquals("practice-scale-up", store.runs().get(0).run().drillName());
        }
    }
}
