package org.drillconsole.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for real dialogs: remembers what would have been shown. */
public final class RecordingDialogService implements DialogService {

    public final List<String> shown = new CopyOnWriteArrayList<>();
    /** Where the next save dialogs "choose" to save, in order; empty means cancelled. */
    public final java.util.Queue<Path> saveAnswers = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Override
    public void showError(String title, String message) {
        shown.add("error: " + title + ": " + message);
    }

    @Override
    public void showWarning(String title, String message) {
        shown.add("warning: " + title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message) {
        shown.add("info: " + title + ": " + message);
    }

    @Override
    public Optional<Path> chooseKubeconfig(String title, Path initial) {
        return Optional.empty();
    }

    /** What the next runbook dialogs "choose", in order; empty means cancelled. */
    public final java.util.Queue<Path> runbookAnswers = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Override
    public Optional<Path> chooseRunbook(Path initialDir) {
        shown.add("open runbook: " + initialDir);
        return Optional.ofNullable(runbookAnswers.poll());
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        shown.add("save: " + title + ": " + suggestedName);
        return Optional.ofNullable(saveAnswers.poll());
    }
}
