package org.drillconsole.ui;

import static org.drillconsole.ui.ConsoleWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.drillconsole.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The runbook picker: parameters filled for the environment, problems listed with their lines, Start kept off. */
@ExtendWith(ApplicationExtension.class)
class RunbookFormViewTest {

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
    void listsARunbooksProblemsWithTheirLinesAndKeepsStartOffUntilTheyAreFixed(FxRobot robot) throws Exception {
        waitUntil(() -> model.practiceProperty().get(), 20, () -> "not on the practice clusters");
        robot.clickOn("#drillTab");
        @SuppressWarnings("unchecked")
        ComboBox<Path> runbooks = robot.lookup("#runbookBox").queryAs(ComboBox.class);
        Button start = robot.lookup("#startDrill").queryAs(Button.class);
        Label problems = robot.lookup("#runbookProblems").queryAs(Label.class);

        // A shipped runbook: its domain comes from the practice values beside it.
        Path shipped = Path.of("drills", "pilot-light-failover.yaml").toAbsolutePath();
        window.dialogs.runbookAnswers.add(shipped);
        robot.clickOn("#openRunbook");
        waitUntil(() -> robot.lookup("#parameter-domain").tryQuery().isPresent(), 10, problems::getText);
        TextField domain = robot.lookup("#parameter-domain").queryAs(TextField.class);
        assertTrue(domain.getText().equals("gitpod.example.com"), domain.getText());
        waitUntil(() -> !start.isDisabled(), 10, problems::getText);

        // A value that is not a host name: said under the picker, with the parameter named; Start is off.
        TextField field = robot.lookup("#parameter-domain").queryAs(TextField.class);
        robot.doubleClickOn(field).eraseText(field.getText().length()).write("gitpod example");
        waitUntil(() -> problems.getText().contains("is not a host name"), 10, problems::getText);
        assertTrue(problems.getText().contains("domain"), problems.getText());
        assertTrue(start.isDisabled());
        robot.eraseText("gitpod example".length()).write("gitpod.acme.test");
        waitUntil(() -> problems.getText().isEmpty() && !start.isDisabled(), 10, problems::getText);

        // A broken runbook from elsewhere: its problem at its line, and no way to start it.
        Path broken = Files.copy(Path.of("src/test/resources/runbooks/bad/url-bad-port.yaml"), dir.resolve("broken.yaml"));
        window.dialogs.runbookAnswers.add(broken);
        robot.clickOn("#openRunbook");
        waitUntil(() -> problems.getText().contains("broken.yaml:20:36"), 10, problems::getText);
        assertTrue(problems.getText().contains("a port is a number from 1 to 65535"), problems.getText());
        assertTrue(start.isDisabled());
        assertFalse(problems.getText().contains("Exception"), problems.getText());
        assertTrue(runbooks.getItems().contains(broken.toAbsolutePath().normalize()));
    }
}
