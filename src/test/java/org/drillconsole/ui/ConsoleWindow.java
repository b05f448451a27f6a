package org.drillconsole.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.drillconsole.drill.DrillLoader;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.sandbox.SandboxOptions;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.SettingsStore;
import org.drillconsole.ui.main.MainView;
import org.drillconsole.ui.main.MainViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on fresh practice clusters, for the TestFX tests, and what they wait for. */
final class ConsoleWindow {

    final TaskExecutor executor = new TaskExecutor();
    final RecordingDialogService dialogs = new RecordingDialogService();
    final MainViewModel model;

    /** Shows the window on {@code stage}; settings, practice kubeconfigs and the journal live under {@code dir}. */
    ConsoleWindow(Stage stage, Path dir, int width, int height) {
        model = new MainViewModel(executor, new SettingsStore(dir.resolve("settings.json")), dialogs,
                () -> PracticeClusters.start(dir.resolve("practice"),
                        SandboxOptions.defaults().withReconcileDelay(Duration.ofMillis(300))), false,
                Path.of("src/test/resources/drills"),
                () -> JournalStore.openIn(dir.resolve("data"), Clock.systemUTC()));
        stage.setScene(new Scene(new MainView(model), width, height));
        stage.show();
        model.start();
    }

    void close() {
        model.close();
        executor.close();
    }

    /** Starts a practice run of practice-scale-up in the journal under {@code dataDir} and leaves it: its id. */
    static long leaveARunUnfinished(Path dataDir) throws Exception {
        DrillDefinition drill = DrillLoader.load(Path.of("src/test/resources/drills/practice-scale-up.yaml"));
        try (JournalStore store = JournalStore.openIn(dataDir, Clock.systemUTC())) {
            return store.startRun(new NewRun(drill.metadata().name(), drill.metadata().title(),
                    drill.contentHash(), drill.spec().strategy().key(), RunMode.PRACTICE, "alex", "practice-primary",
                    "http://127.0.0.1:1", "practice-standby", "http://127.0.0.1:2"), "mode practice").id();
        }
    }

    /**
     * Waits until the condition holds, read on the FX thread: the scene graph and the view models' properties
     * belong to it, and a read from the test's thread while it changes them fails at random (a lookup that
     * met a list of children being replaced threw IndexOutOfBoundsException).
     */
    static void waitUntil(Supplier<Boolean> condition, int seconds, Supplier<String> description) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                try {
                    return onFx(condition, Math.max(1, deadline - System.nanoTime()));
                } catch (TimeoutException stalled) {
                    return false; // the FX thread did not answer in time: the wait times out, with the threads' stacks
                }
            });
        } catch (TimeoutException e) {
            // What every thread was doing when the wait gave up: a stall shows where it is.
            StringBuilder threads = new StringBuilder();
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                if (thread.getName().startsWith("ui-background") || thread.getName().startsWith("practice-")
                        || thread.getName().startsWith("drill") || thread.getName().startsWith("probe")
                        || thread.getName().startsWith("health") || thread.getName().startsWith("JavaFX")) {
                    threads.append("\n\"").append(thread.getName()).append("\" ").append(thread.getState());
                    for (int i = 0; i < Math.min(stack.length, 25); i++) {
                        threads.append("\n    at ").append(stack[i]);
                    }
                }
            });
            throw new AssertionError("timed out after " + seconds + " s: " + onFx(description,
                    TimeUnit.SECONDS.toNanos(5)) + threads, e);
        }
    }

    /** A read on the FX thread, as it answers within the time given; what it throws is thrown here. */
    private static <T> T onFx(Supplier<T> read, long nanos) throws TimeoutException {
        if (Platform.isFxApplicationThread()) {
            return read.get();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(read.get());
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading on the FX thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Clicks a control once it is in the window, visible, enabled and has stopped moving (the same place on
     * screen in two reads after the FX thread's queued work): the robot aims at where a node is when it
     * starts moving the pointer, so a control still being laid out, or one replaced by a newer prompt, is
     * missed, and the click lands beside it.
     */
    static void clickWhenSettled(FxRobot robot, String query) throws Exception {
        javafx.geometry.Bounds[] last = new javafx.geometry.Bounds[1];
        waitUntil(() -> {
            // read on the FX thread (waitUntil), after the work queued on it before this read
            javafx.scene.Node node = robot.lookup(query).tryQuery().orElse(null);
            javafx.geometry.Bounds now = node == null || node.getScene() == null || !node.isVisible()
                    || node.isDisabled() ? null : node.localToScreen(node.getBoundsInLocal());
            boolean settled = now != null && now.equals(last[0]);
            last[0] = now;
            return settled;
        }, 15, () -> query + " never settled on screen");
        robot.clickOn(query);
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Chooses the runbook of this file name in the drill's picker, once the picker lists the runbooks. */
    @SuppressWarnings("unchecked")
    static void chooseRunbook(FxRobot robot, String fileName) throws Exception {
        javafx.scene.control.ComboBox<Path> runbooks = robot.lookup("#runbookBox")
                .queryAs(javafx.scene.control.ComboBox.class);
        waitUntil(() -> !runbooks.getItems().isEmpty(), 5, () -> "no runbooks listed");
        robot.interact(() -> runbooks.getSelectionModel().select(runbooks.getItems().stream()
                .filter(p -> p.getFileName().toString().equals(fileName)).findFirst().orElseThrow()));
    }

    /** Every label's text inside the node with this id, a line each, in the order they are laid out. */
    static String allText(FxRobot robot, String id) {
        return robot.lookup(id).query().lookupAll(".label").stream().map(node -> ((Labeled) node).getText())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** The rows of a list of wrapping cells that are cut off (see {@link #cutOff}). */
    static List<String> linesCutOff(FxRobot robot, String listId) {
        return cutOff(robot, listId, list -> robot.lookup(listId + " .list-cell").queryAll().stream()
                .map(node -> (ListCell<?>) node).filter(cell -> cell.getText() != null && cell.isVisible()));
    }

    /** The text of a wrapping label in a scroll pane ({@code paneId} names the pane), if it is cut off. */
    static List<String> labelCutOff(FxRobot robot, String paneId) {
        return cutOff(robot, paneId, pane -> Stream.of((Labeled) pane.lookup(".label")));
    }

    /**
     * The texts shown in an area that are cut off: shown other than they are (an ellipsis) or running past the
     * area's right edge. Measured as laid out: a live list may have given a cell new text whose shown (wrapped or
     * cut) text the next pulse's layout has not made yet, which read as cut off (seen once in CI).
     */
    private static List<String> cutOff(FxRobot robot, String areaId, Function<Node, Stream<? extends Labeled>> texts) {
        Node area = robot.lookup(areaId).query();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            area.getScene().getRoot().applyCss();
            area.getScene().getRoot().layout();
            double right = area.localToScene(area.getBoundsInLocal()).getMaxX();
            texts.apply(area).forEach(labeled -> {
                if (labeled.lookup(".text") instanceof Text shown && (!shown.getText().equals(labeled.getText())
                        || shown.localToScene(shown.getBoundsInLocal()).getMaxX() > right)) {
                    cut.add(labeled.getText());
                }
            });
        });
        return cut;
    }
}
