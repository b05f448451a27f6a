package org.drillconsole.ui;

import static org.drillconsole.ui.ConsoleWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.SettingsStore;
import org.drillconsole.ui.drill.DrillView;
import org.drillconsole.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The drill view is built when the drill column first shows, not with the window: built after the journal was
 * looked at, it offers the run found there, as one built before does.
 */
@ExtendWith(ApplicationExtension.class)
class DrillViewBuiltLateTest {

    @TempDir
    static Path dir;
    static long interrupted;

    private final TaskExecutor executor = new TaskExecutor();
    private MainViewModel model;

    @BeforeAll
    static void leaveARunUnfinished() throws Exception {
        interrupted = ConsoleWindow.leaveARunUnfinished(dir.resolve("data"));
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        if (model != null) {
            model.close();
        }
        executor.close();
    }

    @Test
    void aDrillViewBuiltAfterAnUnfinishedRunWasFoundOffersIt(FxRobot robot) throws Exception {
        model = new MainViewModel(executor, new SettingsStore(dir.resolve("settings.json")),
                new RecordingDialogService(), () -> {
                    throw new AssertionError("no clusters are reached here");
                }, false, Path.of("src/test/resources/drills"),
                () -> JournalStore.openIn(dir.resolve("data"), Clock.systemUTC()));
        robot.interact(() -> model.drill().checkUnfinished());
        waitUntil(() -> model.drill().unfinishedProperty().get() != null, 10, () -> "no unfinished run found");

        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new DrillView(model.drill(), model.dialogs(), "alex",
                    new SimpleBooleanProperty(true)), 420, 700));
            stage.show();
        });

        waitUntil(() -> robot.lookup("#resumeDrill").tryQuery().map(javafx.scene.Node::isVisible).orElse(false), 10,
                () -> "no resume offered");
        String offer = robot.lookup("#unfinishedRun").queryAs(Label.class).getText();
        assertTrue(offer.startsWith("Run " + interrupted + " (") && offer.contains("never finished"), offer);
    }
}
