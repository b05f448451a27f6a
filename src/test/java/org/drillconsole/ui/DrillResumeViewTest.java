package org.drillconsole.ui;

import static org.drillconsole.ui.ConsoleWindow.text;
import static org.drillconsole.ui.ConsoleWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.store.JournalStore;
import org.drillconsole.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** On start the window offers to resume a run the console never finished, and resumes it. */
@ExtendWith(ApplicationExtension.class)
class DrillResumeViewTest {

    @TempDir
    static Path dir;
    static long interrupted;
    ConsoleWindow window;
    MainViewModel model;

    @BeforeAll
    static void leaveARunUnfinished() throws Exception {
        interrupted = ConsoleWindow.leaveARunUnfinished(dir.resolve("data"));
    }

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
    void offersAndResumesTheUnfinishedRun(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#standbyVerdict").queryAs(Label.class).getText().contains("IDLE"), 20, () -> "");
        robot.clickOn("#drillTab");
        waitUntil(() -> robot.lookup("#resumeDrill").tryQuery().map(javafx.scene.Node::isVisible).orElse(false), 10,
                () -> "no resume offered");
        robot.clickOn("#resumeDrill");
        waitUntil(() -> robot.lookup("#doneButton").tryQuery().isPresent(), 15, () -> model.drill().log().toString());
        assertTrue(model.drill().log().stream().anyMatch(line -> line.contains("resumed by")), model.drill().log().toString());
        ConsoleWindow.clickWhenSettled(robot, "#doneButton");
        waitUntil(() -> robot.lookup("#confirmButton").tryQuery().isPresent(), 30, () -> model.drill().log().toString());
        ConsoleWindow.clickWhenSettled(robot, "#reasonField");
        robot.write("practice-standby");
        ConsoleWindow.clickWhenSettled(robot, "#confirmButton");
        waitUntil(() -> robot.lookup("#confirmButton").tryQuery().isPresent(), 30, () -> model.drill().log().toString());
        ConsoleWindow.clickWhenSettled(robot, "#reasonField");
        robot.write("practice-standby");
        ConsoleWindow.clickWhenSettled(robot, "#confirmButton");
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
