package org.drillconsole.ui.connect;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.drillconsole.cluster.KubeconfigLoader;
import org.drillconsole.model.Side;
import org.drillconsole.store.Settings;
import org.drillconsole.ui.DialogService;
import org.drillconsole.ui.TaskExecutor;

/**
 * Chooses the kubeconfig file and context of each side, or the practice clusters. Contexts are read off
 * the FX thread; a file that cannot be read says why beside the field.
 */
public final class ConnectionDialog extends Dialog<Settings> {

    private final TaskExecutor executor;
    private final DialogService dialogs;

    public ConnectionDialog(Window owner, Settings current, TaskExecutor executor, DialogService dialogs) {
        this.executor = executor;
        this.dialogs = dialogs;
        initOwner(owner);
        setTitle("Connect to clusters");
        setHeaderText("Choose the primary and the standby cluster (kubeconfig file and context each).\n"
                + "Only file paths and context names are remembered, never credentials.");
        CheckBox practice = new CheckBox("Use the practice clusters (two local API servers, safe to break)");
        practice.setId("usePractice");
        practice.setSelected(current.usePractice());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.add(practice, 0, 0, 4, 1);
        Row primary = row(grid, 1, Side.PRIMARY, current.primaryKubeconfig(), current.primaryContext());
        Row standby = row(grid, 3, Side.STANDBY, current.standbyKubeconfig(), current.standbyContext());
        TextField namespace = new TextField(current.namespaceOrDefault());
        namespace.setId("namespaceField");
        grid.add(new Label("Gitpod namespace"), 0, 5);
        grid.add(namespace, 1, 5);
        Label namespaceProblem = new Label();
        namespaceProblem.getStyleClass().add("field-problem");
        namespaceProblem.setWrapText(true);
        namespaceProblem.textProperty().bind(Bindings.createStringBinding(
                () -> Objects.requireNonNullElse(namespaceProblem(namespace.getText()), ""), namespace.textProperty()));
        grid.add(namespaceProblem, 1, 6, 3, 1);
        TextField primaryUrl = urlField(grid, 7, Side.PRIMARY, current.primaryGitpodUrl());
        TextField standbyUrl = urlField(grid, 9, Side.STANDBY, current.standbyGitpodUrl());
        for (Row row : List.of(primary, standby)) {
            row.file.disableProperty().bind(practice.selectedProperty());
            row.context.disableProperty().bind(practice.selectedProperty());
            row.browse.disableProperty().bind(practice.selectedProperty());
        }
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        // A namespace that is not a namespace name could never be read: not accepted.
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(namespaceProblem.textProperty().isNotEmpty());
        setResultConverter(button -> button != ButtonType.OK ? null : new Settings(
                primary.file.getText().trim(), primary.context.getValue(), standby.file.getText().trim(),
                standby.context.getValue(), namespace.getText().trim(), practice.isSelected(),
                current == null ? null : current.teamDb(), // the team database is kept as it was
                usableUrl(primaryUrl.getText()), usableUrl(standbyUrl.getText())));
    }

    private record Row(TextField file, ComboBox<String> context, Button browse, Label problem) {
    }

    /** An optional Gitpod URL for a side, checked as it is typed; OK stays possible (the probe says the rest). */
    private static TextField urlField(GridPane grid, int line, Side side, String url) {
        TextField field = new TextField(url == null ? "" : url);
        field.setId(side.key() + "GitpodUrlField");
        field.setPromptText("optional, e.g. https://gitpod.example.com/api/version");
        Label problem = new Label();
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        field.textProperty().addListener((obs, old, now) -> {
            String bad = now.isBlank() ? null : org.drillconsole.model.drill.Names.url(now.trim());
            problem.setText(bad == null ? "" : "this URL " + bad + "; it is neither kept nor probed");
        });
        grid.add(new Label(side.label() + " Gitpod URL"), 0, line);
        grid.add(field, 1, line, 3, 1);
        grid.add(problem, 1, line + 1, 3, 1);
        return field;
    }

    /** What is wrong with a namespace as typed (blank is the default, gitpod), or null. */
    static String namespaceProblem(String text) {
        String namespace = text == null ? "" : text.trim();
        String wrong = namespace.isEmpty() ? null : org.drillconsole.model.drill.Names.namespace(namespace);
        return wrong == null ? null : "not a namespace name: it " + wrong;
    }

    /**
     * The URL to remember, or null: blank, or refused by the same rule the probe applies (a URL with a user
     * and password in it is refused there, so no credential reaches the settings file).
     */
    static String usableUrl(String text) {
        String url = text == null ? "" : text.trim();
        return url.isEmpty() || org.drillconsole.model.drill.Names.url(url) != null ? null : url;
    }

    private Row row(GridPane grid, int line, Side side, String file, String context) {
        TextField path = new TextField(file == null ? "" : file);
        path.setId(side.key() + "KubeconfigField");
        path.setPrefColumnCount(34);
        ComboBox<String> contexts = new ComboBox<>();
        contexts.setId(side.key() + "ContextBox");
        contexts.setEditable(true);
        contexts.setValue(context);
        Button browse = new Button("Browse…");
        Label problem = new Label();
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        grid.add(new Label(side.label() + " kubeconfig"), 0, line);
        grid.add(path, 1, line);
        grid.add(browse, 2, line);
        grid.add(contexts, 3, line);
        grid.add(problem, 1, line + 1, 3, 1);
        Row row = new Row(path, contexts, browse, problem);
        browse.setOnAction(e -> dialogs.chooseKubeconfig(side.label() + " kubeconfig",
                path.getText().isBlank() ? null : Path.of(path.getText())).ifPresent(chosen -> {
                    path.setText(chosen.toString());
                    loadContexts(row);
                }));
        path.setOnAction(e -> loadContexts(row));
        path.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                loadContexts(row);
            }
        });
        if (path.getText().isBlank()) {
            // KUBECONFIG or ~/.kube/config; looking for the file is I/O, so not on the FX thread.
            executor.run(KubeconfigLoader::defaultKubeconfig, found -> {
                if (found != null && path.getText().isBlank()) {
                    path.setText(found.toString());
                    loadContexts(row);
                }
            }, error -> problem.setText(error.getMessage()));
        } else {
            loadContexts(row);
        }
        return row;
    }

    private void loadContexts(Row row) {
        String text = row.file.getText().trim();
        if (text.isEmpty()) {
            row.problem.setText("");
            return;
        }
        executor.run(() -> KubeconfigLoader.contexts(Path.of(text)), names -> {
            String chosen = row.context.getValue();
            row.context.setItems(FXCollections.observableArrayList(names));
            if (chosen == null || chosen.isBlank() || !names.contains(chosen)) {
                row.context.setValue(names.isEmpty() ? null : names.get(0));
            }
            row.problem.setText(names.isEmpty() ? "this kubeconfig has no contexts" : "");
        }, error -> row.problem.setText(error.getMessage()));
    }
}
