package org.drillconsole.ui;

import static org.drillconsole.ui.ConsoleWindow.text;
import static org.drillconsole.ui.ConsoleWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.drillconsole.model.ComponentHealth;
import org.drillconsole.support.LoopbackWeb;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.drillconsole.model.Side;
import org.drillconsole.ui.cluster.ClusterPaneView;
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
    void aTableCellOfTextShowsItsWholeTextAsATooltipOnceTheMouseIsOverIt(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#standbyVerdict").contains("IDLE") && !onFx(() -> robot.lookup("#comparisonTable")
                .queryAs(TableView.class).getItems().isEmpty()), 20, () -> text(robot, "#standbyVerdict"));
        // The tables make their cells at the layout after their rows arrive, not when the rows arrive.
        waitUntil(() -> !textCells(robot).isEmpty(), 20, () -> "no table cell with text yet");
        List<javafx.scene.control.TableCell<?, ?>> cells = textCells(robot);
        assertFalse(cells.isEmpty());
        // The real mouse over one cell, then every other cell told the mouse came over it.
        javafx.scene.control.TableCell<?, ?> first = cells.get(0);
        robot.moveTo(first);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(onFx(first::getText), onFx(() -> first.getTooltip() == null ? null : first.getTooltip().getText()));
        List<String> withoutTheirText = onFx(() -> {
            for (javafx.scene.control.TableCell<?, ?> cell : cells) {
                cell.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_ENTERED, 1, 1, 1,
                        1, javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false,
                        false, false, false, null));
            }
            return cells.stream().filter(cell -> cell.getTooltip() == null
                            || !cell.getText().equals(cell.getTooltip().getText()))
                    .map(javafx.scene.control.TableCell::getText).toList();
        });
        assertEquals(List.of(), withoutTheirText, "cells whose whole text a tooltip does not show");
    }

    /** The cells of the comparison and the primary's components that show text (not the status column). */
    private static List<javafx.scene.control.TableCell<?, ?>> textCells(FxRobot robot) {
        return onFx(() -> java.util.stream.Stream.of("#comparisonTable", "#primaryComponents")
                .flatMap(table -> robot.lookup(table + " .table-cell").queryAll().stream())
                .map(node -> (javafx.scene.control.TableCell<?, ?>) node)
                .filter(cell -> cell.getText() != null && !cell.getText().isEmpty()
                        && !"Status".equals(cell.getTableColumn().getText()))
                .<javafx.scene.control.TableCell<?, ?>>map(cell -> cell).toList());
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
    void showsACrashLoopingInClusterMysqlUnderMysqlAndTheClusterDown(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#primaryVerdict").contains("HEALTHY"), 20, () -> text(robot, "#primaryVerdict"));
        var practice = model.practiceClustersProperty().get();
        // An in-cluster mysql as Gitpod's installer renders it from the Helm chart: no app=gitpod, no component.
        Map<String, String> helm = Map.of("app.kubernetes.io/name", "mysql", "app.kubernetes.io/instance", "mysql");
        practice.cluster(Side.PRIMARY).adminClient().apps().statefulSets().inNamespace("gitpod")
                .resource(new StatefulSetBuilder().withNewMetadata().withName("mysql").withLabels(helm).endMetadata()
                        .withNewSpec().withReplicas(1).withServiceName("mysql").withNewSelector()
                        .withMatchLabels(helm).endSelector().withNewTemplate().withNewMetadata().withLabels(helm)
                        .endMetadata().withNewSpec().addNewContainer().withName("mysql").withImage("mysql:5.7")
                        .endContainer().endSpec().endTemplate().endSpec().build())
                .create();
        waitUntil(() -> component(robot, "mysql").contains("HEALTHY"), 10, () -> component(robot, "mysql"));

        practice.controls().crash(Side.PRIMARY, "mysql", true);

        waitUntil(() -> component(robot, "mysql").contains("CrashLoopBackOff"), 15, () -> component(robot, "mysql"));
        waitUntil(() -> text(robot, "#primaryVerdict").contains("DOWN"), 10, () -> text(robot, "#primaryVerdict"));
        assertTrue(text(robot, "#primaryReasons").contains("mysql"), text(robot, "#primaryReasons"));
        // The crash-looping pod is listed under the pane, one line of its own.
        waitUntil(() -> problems(robot).stream().anyMatch(p -> p.startsWith("pod mysql")), 10,
                () -> problems(robot).toString());
        assertFalse(problems(robot).stream().anyMatch(p -> p.contains("other pod")), problems(robot).toString());
        assertEquals(List.of(), ConsoleWindow.labelCutOff(robot, "#primaryProblems"), "problems cut off");
    }

    @Test
    void eachSidesGitpodUrlIsProbedAndShownInItsPane(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#primaryVerdict").contains("HEALTHY"), 20, () -> text(robot, "#primaryVerdict"));
        try (LoopbackWeb gitpod = LoopbackWeb.answering(Map.of("/api/version", 200))) {
            String closed = "http://127.0.0.1:" + LoopbackWeb.closedPort() + "/api/version";
            // Real clusters whose kubeconfigs are gone: the API servers cannot be judged, the way in still is.
            var settings = new org.drillconsole.store.Settings(dir.resolve("gone-a").toString(), null,
                    dir.resolve("gone-b").toString(), null, "gitpod", false, null, gitpod.url("/api/version"), closed);
            robot.interact(() -> model.connect(settings));
            waitUntil(() -> text(robot, "#primaryGitpod").contains("serving, HTTP 200"), 10,
                    () -> text(robot, "#primaryGitpod"));
            waitUntil(() -> text(robot, "#standbyGitpod").endsWith("no answer: connection refused"), 10,
                    () -> text(robot, "#standbyGitpod"));
            assertTrue(text(robot, "#primaryState").contains("MISCONFIGURED"), text(robot, "#primaryState"));
        }
    }

    @Test
    void aDrillStartsInPracticeModeOnThePracticeClustersAndAsADrillOnRealOnes(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#primaryVerdict").contains("HEALTHY"), 20, () -> text(robot, "#primaryVerdict"));
        assertEquals("PRACTICE", mode(robot));
        var real = new org.drillconsole.store.Settings(dir.resolve("gone-a").toString(), null,
                dir.resolve("gone-b").toString(), null, "gitpod", false, null, null, null);
        robot.interact(() -> model.connect(real));
        waitUntil(() -> "DRILL".equals(mode(robot)), 10, () -> "mode on real clusters");
        robot.interact(() -> model.connect(org.drillconsole.store.Settings.practice()));
        waitUntil(() -> "PRACTICE".equals(mode(robot)), 10, () -> "mode back on practice");
    }

    /** The mode a drill would start in, as the Drill tab's mode box shows it, read on the FX thread. */
    private static String mode(FxRobot robot) {
        return onFx(() -> String.valueOf(robot.lookup("#modeBox").queryAs(javafx.scene.control.ChoiceBox.class)
                .getValue()));
    }

    /** The primary's component row of that name as "status reason message", read on the FX thread. */
    private static String component(FxRobot robot, String name) {
        return onFx(() -> {
            TableView<?> table = robot.lookup("#primaryComponents").queryAs(TableView.class);
            return table.getItems().stream().map(ComponentHealth.class::cast).filter(c -> c.name().equals(name))
                    .map(c -> c.status() + " " + c.reason() + " " + c.message()).findFirst().orElse("(no row)");
        });
    }

    private static List<String> problems(FxRobot robot) {
        return onFx(() -> {
            Label lines = robot.lookup("#primaryProblems .problem-lines").queryAs(Label.class);
            return lines.getPseudoClassStates().stream().anyMatch(state -> state.getPseudoClassName().equals("none"))
                    ? List.of() : List.of(lines.getText().split("\n")).stream()
                    .map(line -> line.substring(ClusterPaneView.BULLET.length())).toList();
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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
