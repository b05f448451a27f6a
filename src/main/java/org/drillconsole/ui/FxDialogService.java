package org.drillconsole.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Real dialogs, owned by the main window. Messages are shown as text, never as stack traces. */
public final class FxDialogService implements DialogService {

    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        show(Alert.AlertType.ERROR, title, message);
    }

    @Override
    public void showWarning(String title, String message) {
        show(Alert.AlertType.WARNING, title, message);
    }

    @Override
    public void showInfo(String title, String message) {
        show(Alert.AlertType.INFORMATION, title, message);
    }

    private void show(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(message(message));
        // Wrapped text makes the dialog taller: never cut to fit a height computed for one line.
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.show();
    }

    /**
     * A dialog's message, wrapped at {@link #MESSAGE_WIDTH}: a label's preferred width is its text on one line,
     * and a dialog as wide as a long message (a file path and its reason) ran off both edges of the screen.
     */
    static Label message(String message) {
        Label text = new Label(message);
        text.setWrapText(true);
        double oneLine = new javafx.scene.text.Text(message).getLayoutBounds().getWidth();
        text.setPrefWidth(Math.min(MESSAGE_WIDTH, Math.ceil(oneLine) + 8));
        text.setMaxWidth(MESSAGE_WIDTH);
        return text;
    }

    static final double MESSAGE_WIDTH = 520;

    @Override
    public Optional<Path> chooseKubeconfig(String title, Path initial) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initial != null && initial.getParent() != null && Files.isDirectory(initial.getParent())) {
            chooser.setInitialDirectory(initial.getParent().toFile());
        }
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseRunbook(Path initialDir) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a runbook");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Runbooks (YAML)", "*.yaml", "*.yml"));
        if (initialDir != null && Files.isDirectory(initialDir)) {
            chooser.setInitialDirectory(initialDir.toFile());
        }
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        int dot = suggestedName.lastIndexOf('.');
        if (dot > 0) {
            String extension = suggestedName.substring(dot);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.substring(1).toUpperCase()
                    + " files", "*" + extension));
        }
        File file = chooser.showSaveDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }
}
