package org.drillconsole.ui.practice;

import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.drillconsole.model.Side;
import org.drillconsole.sandbox.PracticeControls;
import org.drillconsole.ui.TaskExecutor;

/** The practice clusters' fault switches, the same as the sandbox command's standard input. */
public final class PracticeControlsView extends VBox {

    private final PracticeControls controls;
    private final TaskExecutor executor;
    private final Label result = new Label("Break something and watch the panes react.");
    private final ChoiceBox<Side> side = new ChoiceBox<>(FXCollections.observableArrayList(Side.values()));
    private final ComboBox<String> component = new ComboBox<>();
    private final ComboBox<String> node = new ComboBox<>();

    public PracticeControlsView(PracticeControls controls, TaskExecutor executor) {
        this.controls = controls;
        this.executor = executor;
        setId("practiceControls");
        side.setId("practiceSide");
        side.setValue(Side.PRIMARY);
        side.valueProperty().addListener((obs, old, now) -> refreshChoices());
        component.setPromptText("component");
        node.setPromptText("node");
        Spinner<Integer> replicas = new Spinner<>(0, 20, 1);
        replicas.setPrefWidth(70);
        result.setId("practiceResult");
        result.setWrapText(true);

        FlowPane api = new FlowPane(6, 6, new Label("API server:"),
                button("stopApi", "Stop", () -> act((s, name) -> controls.stop(s), null)),
                button("hangApi", "Hang", () -> act((s, name) -> controls.hang(s), null)),
                button("startApi", "Serve again", () -> act((s, name) -> controls.start(s), null)));
        FlowPane outside = new FlowPane(6, 6,
                button("pointDns", "Point DNS here", () -> act((s, name) -> controls.pointDns(s), null)),
                button("stopWorkspaces", "Stop workspaces", () -> act((s, name) -> controls.stopWorkspaces(s), null)),
                button("restoreSnapshot", "Restore snapshot", () -> act((s, name) -> controls.restoreSnapshot(s),
                        null)),
                button("dropProxyAddress", "Proxy loses its address", () -> act((s, name) -> controls.proxyAddress(s,
                        false), null)),
                button("restoreProxyAddress", "Proxy address back", () -> act((s, name) -> controls.proxyAddress(s,
                        true), null)));
        FlowPane workloads = new FlowPane(6, 6, component,
                button("crash", "Crash-loop", () -> act((s, name) -> controls.crash(s, name, true), component)),
                button("heal", "Heal", () -> act((s, name) -> controls.crash(s, name, false), component)),
                replicas,
                button("scale", "Scale", () -> {
                    int count = replicas.getValue();
                    return act((s, name) -> controls.scale(s, name, count), component);
                }));
        FlowPane nodes = new FlowPane(6, 6, node,
                button("cordon", "Cordon", () -> act((s, name) -> controls.cordon(s, name, true), node)),
                button("uncordon", "Uncordon", () -> act((s, name) -> controls.cordon(s, name, false), node)));
        setSpacing(8);
        setPadding(new Insets(8));
        getChildren().addAll(new FlowPane(6, 6, new Label("Cluster:"), side), api, outside, workloads, nodes, result);
        refreshChoices();
    }

    /** The action is prepared on the FX thread (it reads the controls) and run on the executor. */
    private Button button(String id, String text, Supplier<Callable<String>> prepare) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> {
            Callable<String> action;
            try {
                action = prepare.get();
            } catch (IllegalArgumentException missing) {
                result.setText(missing.getMessage());
                return;
            }
            result.setText(text + "…");
            executor.run(action, result::setText, error -> result.setText("error: " + error.getMessage()));
        });
        return button;
    }

    /** Something to do to one side's practice cluster, given the chosen component or node. */
    private interface Fault {
        String apply(Side side, String name) throws Exception;
    }

    /** Reads the chosen side and box now, on the FX thread; the returned task only talks to the cluster. */
    private Callable<String> act(Fault fault, ComboBox<String> target) {
        String name = null;
        if (target != null) {
            name = target.getValue();
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("choose a " + target.getPromptText() + " first");
            }
        }
        Side chosen = side.getValue();
        String chosenName = name;
        return () -> fault.apply(chosen, chosenName);
    }

    private void refreshChoices() {
        Side chosen = side.getValue();
        executor.run(() -> new Choices(controls.components(chosen), controls.nodes(chosen)), choices -> {
            component.setItems(FXCollections.observableArrayList(choices.components()));
            node.setItems(FXCollections.observableArrayList(choices.nodes()));
        }, error -> result.setText("error: " + error.getMessage()));
    }

    private record Choices(java.util.List<String> components, java.util.List<String> nodes) {
    }
}
