package org.drillconsole.ui;

import static org.drillconsole.ui.ConsoleWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.drillconsole.model.Verdict;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.sandbox.SandboxOptions;
import org.drillconsole.store.JournalStore;
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

/**
 * A window's start, as the application builds it: both panes are filled before the drill column (its runbook
 * picker, its wizard's forms, the practice controls) and the journal join in, and a side that takes long to
 * answer keeps the drill column waiting no longer than its limit ({@link MainView#DRILL_COLUMN_AT_LATEST} in the
 * application).
 */
@ExtendWith(ApplicationExtension.class)
class PanesFirstWindowTest {

    @TempDir
    Path dir;
    private final TaskExecutor executor = new TaskExecutor();
    private final AtomicInteger journalOpened = new AtomicInteger();
    /** Whether the drill column was in the window when the journal was opened, read on the FX thread then. */
    private final CompletableFuture<Boolean> columnShownWhenOpened = new CompletableFuture<>();
    private MainViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        model = new MainViewModel(executor, new SettingsStore(dir.resolve("settings.json")),
                new RecordingDialogService(), () -> PracticeClusters.start(dir.resolve("practice"),
                        SandboxOptions.defaults()), true, Path.of("src/test/resources/drills"), () -> {
                    journalOpened.incrementAndGet();
                    CompletableFuture<Boolean> shown = new CompletableFuture<>();
                    Platform.runLater(() -> shown.complete(stage.getScene().lookup("#runbookBox") != null));
                    columnShownWhenOpened.complete(shown.get(10, TimeUnit.SECONDS));
                    return JournalStore.openIn(dir.resolve("data"), Clock.systemUTC());
                });
        this.stage = stage;
    }

    /** The window as the application shows it, the drill column waiting for the panes {@code atLatest}. */
    private void show(FxRobot robot, java.time.Duration atLatest) {
        robot.interact(() -> {
            stage.setScene(new Scene(new MainView(model, atLatest), 1280, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() {
        model.close();
        executor.close();
    }

    @Test
    void theDrillColumnAndTheJournalJoinOnlyOnceBothPanesAreJudged(FxRobot robot) throws Exception {
        show(robot, java.time.Duration.ofMinutes(5));
        assertTrue(robot.lookup("#drillLoading").tryQuery().isPresent(), "the drill column holds its place");
        assertFalse(robot.lookup("#runbookBox").tryQuery().isPresent(), "the drill view came before the panes");
        robot.interact(() -> model.start());
        boolean[] judgedWhenShown = new boolean[1];
        waitUntil(() -> {
            boolean shown = robot.lookup("#runbookBox").tryQuery().isPresent();
            if (shown) {
                judgedWhenShown[0] = model.primary().verdictProperty().get() != Verdict.UNKNOWN
                        && model.standby().verdictProperty().get() != Verdict.UNKNOWN;
            }
            return shown;
        }, 30, () -> "the drill column never joined the window");
        assertTrue(judgedWhenShown[0], "the drill column joined before both sides were judged");
        assertTrue(columnShownWhenOpened.get(20, TimeUnit.SECONDS),
                "the journal was opened while the panes were still being filled");
        waitUntil(() -> robot.lookup("#practiceTab").tryQuery().isPresent(), 10,
                () -> "no practice controls beside the drill");
        assertFalse(robot.lookup("#drillLoading").tryQuery().isPresent());
        assertEquals(1, journalOpened.get(), "the journal is looked at once a start");
    }

    @Test
    void aSideNeverJudgedKeepsTheDrillColumnWaitingNoLongerThanItsLimit(FxRobot robot) throws Exception {
        // Not started: neither side is ever judged, as when a cluster takes its probe's whole timeout to answer.
        show(robot, java.time.Duration.ofMillis(200));
        waitUntil(() -> robot.lookup("#runbookBox").tryQuery().isPresent(), 10,
                () -> "the drill column waited for panes that were never judged");
        assertEquals(Verdict.UNKNOWN, model.primary().verdictProperty().get());
        assertTrue(columnShownWhenOpened.get(20, TimeUnit.SECONDS), "the journal is looked at with the column");
        assertEquals(1, journalOpened.get());
    }
}
