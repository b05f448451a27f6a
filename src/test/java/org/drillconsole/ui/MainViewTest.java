package org.drillconsole.ui;

import static org.drillconsole.ui.ConsoleWindow.text;
import static org.drillconsole.ui.ConsoleWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.drillconsole.model.Side;
import org.drillconsole.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real main window, headless, on real practice clusters. */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {

    @TempDir
    static Path dir;
    ConsoleWindow window;
    MainViewModel model;

    @Start
    void start(Stage stage) {
        window = new ConsoleWindow(stage, dir, 1200, 800);
        model = window.model;
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void showsBothPracticeClustersSideBySide(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#primaryVerdict").contains("HEALTHY")
                && text(robot, "#standbyVerdict").contains("IDLE"), 20,
                () -> text(robot, "#primaryVerdict") + " / " + text(robot, "#standbyVerdict"));
        assertTrue(text(robot, "#banner").contains("PRACTICE CLUSTERS"));
        assertTrue(text(robot, "#primaryConnection").contains("Kubernetes v1.32.4"));
        assertTrue(text(robot, "#primaryNodes").startsWith("5/5 ready"));
        assertTrue(robot.lookup("#practiceControls").tryQuery().isPresent());
        assertTrue(window.dialogs.shown.isEmpty(), window.dialogs.shown.toString());
    }

    @Test
    void showsAStoppedPrimaryAsUnreachableWhileTheStandbyStaysLive(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#standbyVerdict").contains("IDLE") && text(robot, "#primaryVerdict")
                .contains("HEALTHY"), 20, () -> text(robot, "#primaryVerdict"));
        model.practiceClustersProperty().get().controls().stop(Side.PRIMARY);
        // Both labels change in one FX pulse; read from this thread they may be seen one pulse apart.
        waitUntil(() -> text(robot, "#primaryState").contains("UNREACHABLE") && text(robot, "#primaryVerdict")
                .contains("DOWN"), 8, () -> text(robot, "#primaryState") + " / " + text(robot, "#primaryVerdict"));
        assertTrue(text(robot, "#standbyState").contains("ONLINE"));
        // The standby keeps updating while the primary is down.
        model.practiceClustersProperty().get().controls().scale(Side.STANDBY, "server", 1);
        waitUntil(() -> text(robot, "#standbyReasons").contains("server"), 10, () -> text(robot, "#standbyReasons"));
    }

    @Test
    void practiceControlsBreakAClusterFromTheWindow(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#standbyVerdict").contains("IDLE"), 20, () -> text(robot, "#standbyVerdict"));
        robot.clickOn("Practice controls");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<org.drillconsole.model.Side> side =
                robot.lookup("#practiceSide").queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(() -> side.setValue(org.drillconsole.model.Side.STANDBY));
        robot.clickOn("#hangApi");
        waitUntil(() -> text(robot, "#practiceResult").contains("hung"), 5, () -> text(robot, "#practiceResult"));
        waitUntil(() -> text(robot, "#standbyState").contains("UNREACHABLE"), 8, () -> text(robot, "#standbyState"));
        assertTrue(text(robot, "#primaryState").contains("ONLINE"));
        robot.clickOn("#startApi");
        waitUntil(() -> text(robot, "#standbyState").contains("ONLINE"), 10, () -> text(robot, "#standbyState"));
    }

    @Test
    void switchesToTheDarkThemeFromTheKeyboardAndTellsItsVersion(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#primaryVerdict").contains("HEALTHY"), 20, () -> text(robot, "#primaryVerdict"));
        javafx.scene.Parent root = robot.lookup("#mainView").queryAs(javafx.scene.Parent.class);
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.T)
                .release(javafx.scene.input.KeyCode.T, javafx.scene.input.KeyCode.SHIFT,
                        javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> root.getStylesheets().stream().anyMatch(s -> s.endsWith("console-dark.css")), 5,
                () -> root.getStylesheets().toString());
        org.drillconsole.store.WindowState remembered = ((org.drillconsole.ui.main.MainView) root)
                .captureLayout(0, 0, 1200, 800, false);
        assertEquals("dark", remembered.theme(), "the choice is remembered with the window");

        robot.clickOn("Help").clickOn("#aboutMenu");
        waitUntil(() -> window.dialogs.shown.stream().anyMatch(s -> s.startsWith("info: About DR Drill Console")), 5,
                window.dialogs.shown::toString);
        String about = window.dialogs.shown.stream().filter(s -> s.startsWith("info: About")).findFirst().orElseThrow();
        assertTrue(about.contains(org.drillconsole.model.BuildInfo.current().version()) && about.contains("Java 17")
                && about.contains("JavaFX 21"), about);
    }
}
