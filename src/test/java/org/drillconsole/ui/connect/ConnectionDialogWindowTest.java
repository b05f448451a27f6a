package org.drillconsole.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.drillconsole.store.Settings;
import org.drillconsole.ui.RecordingDialogService;
import org.drillconsole.ui.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The connection dialog, shown: a namespace that is not a namespace name is said and cannot be accepted. */
@ExtendWith(ApplicationExtension.class)
class ConnectionDialogWindowTest {

    private final TaskExecutor executor = new TaskExecutor();
    private ConnectionDialog dialog;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
        dialog = new ConnectionDialog(stage, new Settings(null, null, null, null, "gitpod", true), executor,
                new RecordingDialogService());
        dialog.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(dialog::close);
        executor.close();
    }

    @Test
    void aTypedNamespaceThatIsNotANamespaceNameIsSaidAndOkStaysDisabledUntilItIsFixed(FxRobot robot) {
        TextField namespace = robot.lookup("#namespaceField").queryAs(TextField.class);
        robot.clickOn(namespace).eraseText(namespace.getText().length()).write("Gitpod Prod");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog.getDialogPane().lookupButton(ButtonType.OK).isDisabled(), "OK is disabled");
        assertEquals("not a namespace name: it must be lower-case letters, digits and dashes, starting and ending "
                + "with a letter or digit", problemText(robot));
        robot.eraseText("Gitpod Prod".length()).write("gitpod-prod");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog.getDialogPane().lookupButton(ButtonType.OK).isDisabled(), "OK is enabled again");
        assertEquals("", problemText(robot));
    }

    private static String problemText(FxRobot robot) {
        return robot.lookup(".field-problem").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(text -> text.startsWith("not a namespace")).findFirst().orElse("");
    }
}
