package org.drillconsole.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.drillconsole.model.Side;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.sandbox.SandboxOptions;
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

/** The real main window, headless, on real practice clusters. */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {

    @TempDir
    static Path dir;
    MainViewModel model;
    TaskExecutor executor;
    final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) {
        executor = new TaskExecutor();
        model = new MainViewModel(executor, new SettingsStore(dir.resolve("settings.json")), dialogs,
                () -> PracticeClusters.start(dir.resolve("practice"),
                        SandboxOptions.defaults().withReconcileDelay(Duration.ofMillis(300))), false,
                java.nio.file.Path.of("src/test/resources/drills"), dir.resolve("data"));
        stage.setScene(new Scene(new MainView(model), 1200, 800));
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
    void showsBothPracticeClustersSideBySide(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#primaryVerdict").contains("HEALTHY")
                && text(robot, "#standbyVerdict").contains("IDLE"), 20,
                () -> text(robot, "#primaryVerdict") + " / " + text(robot, "#standbyVerdict"));
        assertTrue(text(robot, "#banner").contains("PRACTICE CLUSTERS"));
        assertTrue(text(robot, "#primaryConnection").contains("Kubernetes v1.24.9"));
        assertTrue(text(robot, "#primaryNodes").startsWith("5/5 ready"));
        assertTrue(robot.lookup("#practiceControls").tryQuery().isPresent());
        assertTrue(dialogs.shown.isEmpty(), dialogs.shown.toString());
    }

    @Test
    void showsAStoppedPrimaryAsUnreachableWhileTheStandbyStaysLive(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#standbyVerdict").contains("IDLE") && text(robot, "#primaryVerdict")
                .contains("HEALTHY"), 20, () -> text(robot, "#primaryVerdict"));
        model.practiceClustersProperty().get().controls().stop(Side.PRIMARY);
        waitUntil(() -> text(robot, "#primaryState").contains("UNREACHABLE"), 8, () -> text(robot, "#primaryState"));
        assertTrue(text(robot, "#primaryVerdict").contains("DOWN"));
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
}
