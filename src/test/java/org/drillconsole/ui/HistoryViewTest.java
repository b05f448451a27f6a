package org.drillconsole.ui;

import static org.drillconsole.ui.ConsoleWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.drillconsole.bench.HistorySeed;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.store.JournalStore;
import org.drillconsole.ui.history.HistoryView;
import org.drillconsole.ui.history.HistoryViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The history view on a journal of recorded runs: filter, open a run, export it, and a failed export. */
@ExtendWith(ApplicationExtension.class)
class HistoryViewTest {

    @TempDir
    static Path dir;
    final TaskExecutor executor = new TaskExecutor();
    final RecordingDialogService dialogs = new RecordingDialogService();
    JournalStore journal;
    HistoryViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        HistorySeed.seed(dir.resolve("data"), 30);
        journal = JournalStore.openIn(dir.resolve("data"), Clock.systemUTC());
        model = new HistoryViewModel(executor, () -> journal, dialogs, Clock.systemUTC());
        stage.setScene(new Scene(new HistoryView(model, dialogs), 1200, 900));
        stage.show();
        model.refresh();
    }

    @AfterEach
    void stop() {
        executor.close();
        journal.close();
    }

    @SuppressWarnings("unchecked")
    TableView<RunRecord> table(FxRobot robot) {
        return robot.lookup("#historyTable").queryAs(TableView.class);
    }

    String message(FxRobot robot) {
        return robot.lookup("#historyMessage").queryAs(Label.class).getText();
    }

    /** Opens the Export menu and clicks one of its items, as a user does. */
    void export(FxRobot robot, String item) throws Exception {
        javafx.scene.control.MenuButton menu = robot.lookup("#exportMenu").queryAs(javafx.scene.control.MenuButton.class);
        robot.clickOn(menu);
        waitUntil(menu::isShowing, 5, () -> "the Export menu did not open");
        waitUntil(() -> robot.lookup(item).tryQuery().isPresent(), 5, () -> item + " not shown");
        robot.clickOn(item);
    }

    @Test
    void filtersOpensAndExportsARunWithoutBlockingTheWindow(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 30, 10, () -> message(robot));
        assertEquals(30L, table(robot).getItems().get(0).id(), "newest first");

        long drills = journal.runs().stream().filter(r -> r.run().mode() == RunMode.DRILL).count();
        @SuppressWarnings("unchecked")
        ComboBox<RunMode> mode = robot.lookup("#modeFilter").queryAs(ComboBox.class);
        robot.interact(() -> mode.setValue(RunMode.DRILL));
        assertEquals(drills, table(robot).getItems().size());
        assertTrue(table(robot).getItems().stream().allMatch(r -> r.run().mode() == RunMode.DRILL));

        RunRecord first = table(robot).getItems().get(0);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#runTitle").queryAs(Label.class).getText().startsWith("Run " + first.id() + ":"),
                5, () -> robot.lookup("#runTitle").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#runDetail").lookup((javafx.scene.Node n) -> n instanceof Rectangle).queryAll().size() >= 5,
                "the timeline has a bar per step");

        Path pdf = dir.resolve("run.pdf");
        dialogs.saveAnswers.add(pdf);
        export(robot, "Selected run as PDF…");
        waitUntil(() -> message(robot).startsWith("wrote "), 10, () -> message(robot));
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertTrue(new org.apache.pdfbox.text.PDFTextStripper().getText(document).contains("Run " + first.id() + ":"));
        }

        Path csv = dir.resolve("history.csv");
        dialogs.saveAnswers.add(csv);
        export(robot, "Shown history as CSV…");
        waitUntil(() -> message(robot).equals("wrote " + csv), 10, () -> message(robot));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(drills + 1, lines.size(), "the filtered runs and a header");

        Path nowhere = dir.resolve("no-such-dir").resolve("history.html");
        dialogs.saveAnswers.add(nowhere);
        export(robot, "Shown history as HTML…");
        waitUntil(() -> dialogs.shown.stream().anyMatch(s -> s.startsWith("error: Export failed")), 10,
                dialogs.shown::toString);
        assertTrue(dialogs.shown.stream().anyMatch(s -> s.contains("does not exist (nothing was written)")),
                dialogs.shown.toString());
    }
}
