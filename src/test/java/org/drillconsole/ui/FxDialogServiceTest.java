package org.drillconsole.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Messages in dialogs wrap: a long one (a file path and its reason) never makes a dialog wider than a screen. */
@ExtendWith(ApplicationExtension.class)
class FxDialogServiceTest {

    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 800, 600));
        stage.show();
    }

    private double dialogWidth(FxRobot robot, String message) {
        robot.interact(() -> new FxDialogService(owner).showWarning("Settings not loaded", message));
        Window dialog = robot.listTargetWindows().stream().filter(w -> w != owner && w.isShowing()).findFirst()
                .orElseThrow();
        double width = dialog.getWidth();
        robot.interact(dialog::hide);
        return width;
    }

    @Test
    void aLongMessageWrapsWithinTheDialogAndAShortOneKeepsItsDialogNarrow(FxRobot robot) {
        String path = "/home/oncall/.kube/" + "clusters/".repeat(12) + "primary.kubeconfig";
        double wide = dialogWidth(robot, "settings file /home/oncall/.config/drill-console/settings.json names a "
                + "primary kubeconfig that is not a file path (\"" + path + "\\u0000\": a NUL character); the console "
                + "starts on the practice clusters and will overwrite it when you choose clusters");
        double narrow = dialogWidth(robot, "Connection refused");
        assertTrue(wide < 700, "the long message's dialog is " + wide + " px wide");
        assertTrue(narrow < wide, "the short message's dialog is " + narrow + " px wide, the long one's " + wide);
    }
}
