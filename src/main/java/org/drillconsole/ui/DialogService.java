package org.drillconsole.ui;

import java.nio.file.Path;
import java.util.Optional;

/** Every dialog the UI opens goes through here, so tests can replace it. */
public interface DialogService {

    void showError(String title, String message);

    void showWarning(String title, String message);

    void showInfo(String title, String message);

    Optional<Path> chooseKubeconfig(String title, Path initial);

    /** A runbook (YAML) to open, starting in {@code initialDir}. */
    Optional<Path> chooseRunbook(Path initialDir);

    /** Where to save a file; {@code suggestedName} ends with the extension the file should have. */
    Optional<Path> chooseSaveFile(String title, String suggestedName);
}
