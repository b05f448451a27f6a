package org.drillconsole.ui.drill;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.drillconsole.drill.Operator;
import org.drillconsole.model.drill.Step;

/**
 * The operator in the window. The engine's thread asks and waits; the question is shown on the FX thread
 * and the buttons complete it.
 */
final class FxOperator implements Operator {

    private final String name;
    private final Consumer<Prompt> show;
    private volatile CompletableFuture<Object> pending;
    private volatile String abortReason;

    /** @param show puts a prompt on screen (called off the FX thread; it hands over itself) */
    FxOperator(String name, Consumer<Prompt> show) {
        this.name = name;
        this.show = show;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Answer answer(Step step) {
        Prompt.Kind kind = step instanceof Step.Approval ? Prompt.Kind.APPROVAL : Prompt.Kind.MANUAL;
        String text = step.instructions() == null ? "" : step.instructions().strip();
        if (step instanceof Step.Approval approval) {
            text = text + (text.isEmpty() ? "" : "\n\n") + "Approval by " + approval.approver()
                    + ": type their name as the reason, then Done.";
        }
        return (Answer) ask(new Prompt(kind, step.id(), title(step), text, "", List.of()));
    }

    @Override
    public Answer preflightFailed(List<String> failures) {
        return (Answer) ask(new Prompt(Prompt.Kind.PREFLIGHT, "", "Preflight failed",
                "Override with a reason, or abort.", "", failures));
    }

    @Override
    public Answer stepFailed(Step step, String why) {
        return (Answer) ask(new Prompt(Prompt.Kind.STEP_FAILED, step.id(), title(step), why, "", List.of()));
    }

    @Override
    public String confirmAction(Step step, String context, String plan) {
        return (String) ask(new Prompt(Prompt.Kind.CONFIRM, step.id(), title(step), plan, context, List.of()));
    }

    Instant newestBackup(Step step) {
        return (Instant) ask(new Prompt(Prompt.Kind.BACKUP_TIME, step.id(), title(step),
                "When was the newest backup or replication point taken?", "", List.of()));
    }

    /** Called from the FX thread by the prompt's buttons. */
    void reply(Object value) {
        CompletableFuture<Object> waiting = pending;
        if (waiting != null) {
            waiting.complete(value);
        }
    }

    /** The operator aborted the whole run: the current question and every later one answer "abort". */
    void abortAll(String reason) {
        abortReason = reason;
        CompletableFuture<Object> waiting = pending;
        if (waiting != null) {
            waiting.completeExceptionally(new IllegalStateException(reason));
        }
    }

    private Object ask(Prompt prompt) {
        if (abortReason != null) {
            return abortValue(prompt);
        }
        CompletableFuture<Object> question = new CompletableFuture<>();
        pending = question;
        show.accept(prompt);
        try {
            return question.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return abortValue(prompt);
        } catch (ExecutionException e) {
            return abortValue(prompt);
        } finally {
            pending = null;
        }
    }

    private Object abortValue(Prompt prompt) {
        return switch (prompt.kind()) {
            case CONFIRM -> "";
            case BACKUP_TIME -> null;
            case MANUAL, APPROVAL, PREFLIGHT, STEP_FAILED ->
                    Answer.abort(abortReason != null ? abortReason : "the window was closed");
        };
    }

    private static String title(Step step) {
        return step.title() == null ? step.id() : step.title();
    }
}
