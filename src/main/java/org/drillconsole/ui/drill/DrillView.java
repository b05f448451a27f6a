package org.drillconsole.ui.drill;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.drillconsole.drill.HumanTime;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.ui.DialogService;
import org.drillconsole.ui.StyleClasses;
import org.drillconsole.ui.StyledInPulse;
import org.drillconsole.ui.WrappingCell;

/**
 * The guided drill, beside the health panes (never modal): start form, RTO stopwatch, the steps with their
 * splits, and the question the drill is waiting on.
 */
public final class DrillView extends VBox {

    private final DrillViewModel model;
    private final DialogService dialogs;
    private final TextField reason = new TextField();
    /** Says what is wrong with an answer, next to the field; the typed text stays. */
    private final Label answerProblem = new Label();
    /** The answer Enter gives in the answer field; null when Enter must not answer (destructive choices). */
    private Runnable enterAnswers;
    /** A backup time understood and shown, waiting for a second Enter to be used. */
    private HumanTime.Understood understoodBackup;
    /** The question the answer controls are for, so the same one shown again keeps what was typed. */
    private Prompt shownPrompt;

    public DrillView(DrillViewModel model, DialogService dialogs, String defaultOperator,
                     ObservableBooleanValue practice) {
        this.model = model;
        this.dialogs = dialogs;
        setId("drillView");
        setSpacing(8);
        setPadding(new Insets(8));

        Label title = new Label();
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        Label stopwatch = new Label();
        stopwatch.setId("stopwatch");
        stopwatch.getStyleClass().addAll("badge", "verdict");
        stopwatch.textProperty().bind(model.stopwatchProperty());
        model.stopwatchStyleProperty().addListener((obs, old, now) -> StyleClasses.choose(stopwatch, "status-", now));
        StyleClasses.choose(stopwatch, "status-", model.stopwatchStyleProperty().get());
        model.startClock();

        ListView<StepRow> steps = new ListView<>(model.steps());
        StyledInPulse.keep(steps);
        steps.setId("drillSteps");
        steps.setPrefHeight(220);
        VBox.setVgrow(steps, Priority.ALWAYS);
        steps.setPlaceholder(new Label("choose a runbook and start"));
        steps.setCellFactory(list -> new WrappingCell<>(list, row -> row.status() + "  " + row.title()
                + (row.section().equals("step") ? "" : "  (" + row.section() + ")")
                + (row.split().isEmpty() ? "" : "  ·  " + row.split())));

        Label outcome = new Label();
        outcome.setId("drillOutcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(model.outcomeProperty());
        ListView<String> log = new ListView<>(model.log());
        StyledInPulse.keep(log);
        log.setId("drillLog");
        log.setPrefHeight(160);
        log.setCellFactory(list -> new WrappingCell<>(list, line -> line));
        VBox.setVgrow(log, Priority.ALWAYS);

        VBox promptBox = new VBox(6);
        promptBox.setId("drillPrompt");
        model.promptProperty().addListener((obs, old, now) -> showPrompt(promptBox, now));
        if (model.promptProperty().get() != null) { // the view is built when first shown: a run may be under way
            showPrompt(promptBox, model.promptProperty().get());
        }

        Label unfinished = new Label();
        unfinished.setId("unfinishedRun");
        unfinished.setWrapText(true);
        unfinished.getStyleClass().add("stale-note");
        Button resume = new Button("_Resume it  (Alt+R)");
        resume.setId("resumeDrill");
        resume.setOnAction(e -> model.resumeUnfinished(defaultOperator));
        VBox resumeBox = new VBox(4, unfinished, resume);
        resumeBox.visibleProperty().bind(model.unfinishedProperty().isNotNull().and(model.runningProperty().not()));
        resumeBox.managedProperty().bind(resumeBox.visibleProperty());
        unfinished.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var run = model.unfinishedProperty().get();
            return run == null ? "" : "Run " + run.id() + " (" + run.run().drillName() + ", "
                    + run.run().mode().name().toLowerCase() + " mode, started "
                    + org.drillconsole.drill.HumanTime.localDay(run.createdAt(), java.time.ZoneId.systemDefault())
                    + ") never finished: the console was closed or killed during it."
                    + " Resuming keeps what was done, and its clock runs on from the original start.";
        }, model.unfinishedProperty()));

        TextField abortReason = new TextField();
        abortReason.setId("abortRunReason");
        abortReason.setPromptText("why the drill stops");
        Button abortRun = new Button("A_bort drill  (Alt+B)");
        abortRun.setId("abortRun");
        abortRun.disableProperty().bind(abortReason.textProperty().isEmpty());
        abortRun.setOnAction(e -> {
            model.abortRun(abortReason.getText());
            abortReason.clear();
        });
        FlowPane abortBox = new FlowPane(6, 6, abortReason, abortRun);
        abortBox.visibleProperty().bind(model.runningProperty());
        abortBox.managedProperty().bind(model.runningProperty());

        // The RTO budget: how much of the objective is used, and the time left, in words beside the colour.
        javafx.scene.control.ProgressBar budget = new javafx.scene.control.ProgressBar();
        budget.setId("rtoBudget");
        budget.setMaxWidth(Double.MAX_VALUE);
        budget.progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(1, Math.max(0, model.budgetProperty().get())), model.budgetProperty()));
        budget.visibleProperty().bind(model.budgetProperty().greaterThanOrEqualTo(0));
        // Its room is kept for the whole run: a bar appearing when the clock starts must not push the step's
        // buttons down under the operator's pointer (a click aimed at Done then lands beside it).
        budget.managedProperty().bind(model.runningProperty().or(budget.visibleProperty()));
        model.stopwatchStyleProperty().addListener((obs, old, now) -> StyleClasses.choose(budget, "status-", now));
        Label budgetText = new Label();
        budgetText.setId("rtoBudgetText");
        budgetText.textProperty().bind(model.budgetTextProperty());
        Label next = new Label();
        next.setId("nextStep");
        next.setWrapText(true);
        next.textProperty().bind(model.nextStepProperty());
        next.visibleProperty().bind(model.runningProperty());
        next.managedProperty().bind(next.visibleProperty());

        VBox summary = summaryBox();
        // While a check is tried again, the card says what it waits for: the operator is never left with nothing.
        Label checkingText = new Label();
        checkingText.setId("checkingText");
        checkingText.setWrapText(true);
        checkingText.textProperty().bind(model.checkingProperty());
        Button stopWaiting = new Button("Stop _waiting  (Alt+W)");
        stopWaiting.setId("stopWaiting");
        stopWaiting.setTooltip(new javafx.scene.control.Tooltip(
                "End this check now as not passed; then skip it, try it again, or stop the drill"));
        stopWaiting.setOnAction(e -> model.stopWaiting());
        VBox checking = new VBox(4, checkingText, stopWaiting);
        checking.setId("checking");
        checking.getStyleClass().add("checking");
        checking.visibleProperty().bind(model.checkingProperty().isNotEmpty());
        checking.managedProperty().bind(checking.visibleProperty());

        getChildren().addAll(resumeBox, startForm(defaultOperator, practice), title, stopwatch, budget, budgetText,
                outcome, summary, checking, promptBox, next, steps, abortBox, new Label("Journal"), log);
        model.refreshRunbooks();
    }

    private GridPane startForm(String defaultOperator, ObservableBooleanValue practice) {
        ComboBox<Path> runbook = new ComboBox<>(model.runbooks());
        runbook.setId("runbookBox");
        runbook.setPromptText("choose a runbook");
        runbook.setConverter(new StringConverter<>() {
            @Override
            public String toString(Path path) {
                if (path == null) {
                    return "";
                }
                boolean shipped = path.getParent() != null
                        && path.getParent().equals(model.runbookDir().toAbsolutePath().normalize());
                return shipped ? path.getFileName().toString().replace(".yaml", "") : path.toString();
            }

            @Override
            public Path fromString(String text) {
                return null;
            }
        });
        // The list shows each runbook's title, strategy and objectives; the box itself, the one chosen.
        runbook.setCellFactory(list -> new RunbookCell());
        model.runbookChoices().addListener((javafx.collections.MapChangeListener<Path, DrillViewModel.RunbookChoice>)
                change -> {
                    // a choice read after the list was shown: its cell is drawn again
                    runbook.setCellFactory(list -> new RunbookCell());
                });
        ChoiceBox<RunMode> mode = new ChoiceBox<>(FXCollections.observableArrayList(RunMode.values()));
        mode.setId("modeBox");
        // The mode suits the clusters connected, and follows a switch between practice and real ones.
        mode.setValue(DrillViewModel.modeFor(practice.get()));
        practice.addListener((obs, was, now) -> mode.setValue(DrillViewModel.modeFor(now)));
        TextField operator = new TextField(defaultOperator);
        operator.setId("operatorField");
        TextField outageStart = new TextField();
        outageStart.setId("outageStartField");
        // Short prompts: the column is narrow at 1280 x 800; the tooltips say the rest.
        outageStart.setPromptText("e.g. 03:12 or 40m ago");
        outageStart.setTooltip(new Tooltip("Failover only: when the outage began, as 03:12, 03:12 UTC, 40m ago or an "
                + "ISO time; the RTO counts from it"));
        TextField outageReason = new TextField();
        outageReason.setPromptText("source, e.g. first alert");
        outageReason.setTooltip(new Tooltip("Failover only: where the outage start comes from (the first alert, "
                + "a status page …), kept in the journal"));
        outageStart.disableProperty().bind(mode.valueProperty().isNotEqualTo(RunMode.FAILOVER));
        outageReason.disableProperty().bind(mode.valueProperty().isNotEqualTo(RunMode.FAILOVER));
        Label problem = new Label();
        problem.getStyleClass().add("field-problem");
        // Shows how the outage start is understood while it is typed, before anything uses it.
        outageStart.textProperty().addListener((obs, old, now) -> {
            if (now.isBlank()) {
                problem.setText("");
                return;
            }
            try {
                problem.setText("outage start: " + HumanTime.parse(now, Instant.now(), java.time.ZoneId.systemDefault()).echo());
            } catch (IllegalArgumentException notYet) {
                problem.setText("outage start: " + notYet.getMessage());
            }
        });

        Button start = new Button("_Start drill  (Alt+S)");
        start.setId("startDrill");
        start.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        start.disableProperty().bind(model.runningProperty().or(runbook.valueProperty().isNull())
                .or(model.runbookReadyProperty().not()));
        runbook.valueProperty().addListener((obs, old, now) -> model.inspect(now));
        start.setOnAction(e -> {
            Instant outage = null;
            if (mode.getValue() == RunMode.FAILOVER && !outageStart.getText().isBlank()) {
                try {
                    outage = HumanTime.parse(outageStart.getText(), Instant.now(), java.time.ZoneId.systemDefault()).at();
                } catch (IllegalArgumentException bad) {
                    problem.setText("outage start: " + bad.getMessage());
                    outageStart.requestFocus();
                    return;
                }
            }
            problem.setText("");
            model.start(runbook.getValue(), mode.getValue(), operator.getText().strip(), outage, outageReason.getText());
        });
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(6);
        // The labels and buttons keep their words whatever else wants the column's width (a long note above
        // it squeezed them to "R…", "M…" and a Start button reading "…").
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        Button open = new Button("_Open…  (Alt+O)");
        open.setId("openRunbook");
        open.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        open.setTooltip(new javafx.scene.control.Tooltip("A runbook from another folder"));
        open.setOnAction(e -> dialogs.chooseRunbook(model.runbookDir())
                .ifPresent(file -> runbook.setValue(model.addRunbook(file))));
        runbook.setMaxWidth(Double.MAX_VALUE);
        runbook.setMinWidth(120);
        javafx.scene.layout.HBox.setHgrow(runbook, javafx.scene.layout.Priority.ALWAYS);
        form.addRow(0, new Label("Runbook"), new javafx.scene.layout.HBox(4, runbook, open));
        VBox parameters = new VBox(6);
        parameters.setId("parameterForm");
        model.parameterFields().addListener((javafx.collections.ListChangeListener<DrillViewModel.ParameterField>)
                change -> showParameters(parameters));
        Label problems = new Label();
        problems.setId("runbookProblems");
        problems.setWrapText(true);
        problems.getStyleClass().add("field-problem");
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());
        model.runbookProblems().addListener((javafx.collections.ListChangeListener<String>) change ->
                problems.setText(model.runbookProblems().isEmpty() ? ""
                        : "✖ This runbook cannot start:\n" + String.join("\n", model.runbookProblems())));
        // The runbook's parameters and problems right under it, then how it is run, then Start, then the briefing.
        VBox briefing = new VBox(3);
        briefing.setId("briefing");
        briefing.getStyleClass().add("briefing");
        model.briefingProperty().addListener((obs, old, now) -> showBriefing(briefing, now));
        showBriefing(briefing, model.briefingProperty().get());
        briefing.managedProperty().bind(model.briefingProperty().isNotNull());
        briefing.visibleProperty().bind(briefing.managedProperty());
        mode.valueProperty().addListener((obs, old, now) -> model.briefFor(now));
        model.briefFor(mode.getValue());
        // Everything that is typed or pressed first, the briefing under it: the briefing grows when the clusters'
        // dry runs answer, and growing above the form it moved the fields away under the pointer.
        form.add(parameters, 0, 1, 2, 1);
        form.add(problems, 0, 2, 2, 1);
        form.addRow(3, new Label("Mode"), mode);
        form.addRow(4, new Label("Operator"), operator);
        form.addRow(5, new Label("Outage"), outageStart);
        form.addRow(6, new Label(""), outageReason);
        form.add(start, 0, 7, 2, 1);
        form.add(problem, 0, 8, 2, 1);
        form.add(briefing, 0, 9, 2, 1);

        form.disableProperty().bind(model.runningProperty());
        // While a drill runs, its card has the room: the start form comes back when it ends.
        form.visibleProperty().bind(model.runningProperty().not().and(model.summaryProperty().isEmpty()));
        form.managedProperty().bind(form.visibleProperty());
        return form;
    }

    /**
     * The briefing laid out: the runbook's title and facts, what it is, then what it changes on which cluster,
     * the preflight checks and what the mode means, each under its own heading. Every line wraps.
     */
    private static void showBriefing(VBox box, org.drillconsole.drill.Briefing briefing) {
        box.getChildren().clear();
        if (briefing == null) {
            return;
        }
        Label title = wrapped(briefing.title(), "section-title");
        title.setId("briefingTitle");
        box.getChildren().addAll(title, wrapped(briefing.facts(), "muted"));
        if (briefing.description() != null) {
            box.getChildren().add(wrapped(briefing.description()));
        }
        box.getChildren().add(wrapped(briefing.changesHeading(), "briefing-heading"));
        for (org.drillconsole.drill.Briefing.Change change : briefing.changes()) {
            Label cluster = new Label(change.cluster().label());
            cluster.getStyleClass().addAll("briefing-cluster", "briefing-cluster-" + change.cluster().key());
            cluster.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label what = wrapped(change.describe());
            javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(6, cluster, what);
            javafx.scene.layout.HBox.setHgrow(what, javafx.scene.layout.Priority.ALWAYS);
            box.getChildren().add(row);
            if (change.dryRun() != null) {
                box.getChildren().add(wrapped(change.dryRun(), "muted", "briefing-dry-run"));
            }
        }
        if (!briefing.preflight().isEmpty()) {
            box.getChildren().add(wrapped(briefing.preflightHeading(), "briefing-heading"));
            briefing.preflight().forEach(check -> box.getChildren().add(wrapped("• " + check)));
        }
        box.getChildren().add(wrapped(briefing.modeMeaning(), "briefing-mode"));
    }

    private static Label wrapped(String text, String... styleClasses) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.getStyleClass().addAll(styleClasses);
        return label;
    }

    /** A runbook in the picker's list: its title, then its strategy, objectives and file (or its problems). */
    private final class RunbookCell extends javafx.scene.control.ListCell<Path> {
        private final Label title = new Label();
        private final Label facts = new Label();
        private final VBox lines = new VBox(1, title, facts);

        RunbookCell() {
            title.getStyleClass().add("runbook-choice-title");
            facts.getStyleClass().add("muted");
        }

        @Override
        protected void updateItem(Path path, boolean empty) {
            super.updateItem(path, empty);
            if (empty || path == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            DrillViewModel.RunbookChoice choice = model.runbookChoices().get(path);
            title.setText(choice == null ? path.getFileName().toString() : choice.title());
            facts.setText(choice == null ? "reading…" : choice.facts());
            facts.getStyleClass().removeAll("field-problem");
            if (choice != null && choice.broken()) {
                facts.getStyleClass().add("field-problem");
            }
            setText(null);
            setGraphic(lines);
        }
    }

    /** Called to show the finished run in the history (set by the main view). */
    private Runnable openHistory = () -> { };

    public void onOpenHistory(Runnable action) {
        openHistory = action;
    }

    /** The end of a drill: what it measured, and its report in a click. */
    private VBox summaryBox() {
        Label heading = new Label("Summary");
        heading.getStyleClass().add("section-title");
        Label text = new Label();
        text.setId("drillSummary");
        text.setWrapText(true);
        text.textProperty().bind(model.summaryProperty());
        FlowPane buttons = new FlowPane(6, 6);
        // Each with its own key, shown beside it.
        var exports = new java.util.LinkedHashMap<org.drillconsole.report.ReportFormat, String>();
        exports.put(org.drillconsole.report.ReportFormat.HTML, "Export H_TML…  (Alt+T)");
        exports.put(org.drillconsole.report.ReportFormat.PDF, "Export _PDF…  (Alt+P)");
        exports.put(org.drillconsole.report.ReportFormat.MD, "Export _Markdown…  (Alt+M)");
        for (var entry : exports.entrySet()) {
            org.drillconsole.report.ReportFormat format = entry.getKey();
            Button export = new Button(entry.getValue());
            export.setId("export-" + format.name().toLowerCase());
            export.setOnAction(e -> {
                var run = model.finishedRunProperty().get();
                if (run != null) {
                    dialogs.chooseSaveFile("Export the report of run " + run.id(), "drill-run-" + run.id() + "." + format.extension())
                            .ifPresent(target -> model.exportFinished(format, target));
                }
            });
            buttons.getChildren().add(export);
        }
        Button history = new Button("Open in _history  (Alt+H)");
        history.setId("openInHistory");
        history.setOnAction(e -> openHistory.run());
        Button again = new Button("New _drill  (Alt+D)");
        again.setId("newDrill");
        again.setOnAction(e -> model.dismissSummary());
        buttons.getChildren().addAll(history, again);
        VBox box = new VBox(6, heading, text, buttons);
        box.setId("drillSummaryBox");
        box.getStyleClass().add("drill-summary");
        box.visibleProperty().bind(model.summaryProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** One field per parameter, under its name and description (the side panel is narrow: stacked, not in columns). */
    private void showParameters(VBox box) {
        box.getChildren().clear();
        for (DrillViewModel.ParameterField field : model.parameterFields()) {
            TextField value = new TextField(field.value().get());
            value.setId("parameter-" + field.name());
            value.setPromptText(field.example());
            value.textProperty().bindBidirectional(field.value());
            Label name = new Label(field.name() + (field.description() == null ? "" : ": " + field.description()));
            name.setWrapText(true);
            name.setLabelFor(value);
            box.getChildren().add(new VBox(2, name, value));
        }
    }

    private void showPrompt(VBox box, Prompt prompt) {
        // The same question again (a prompt republished) keeps what was typed: nothing is cleared unasked.
        if (prompt != null && prompt.equals(shownPrompt)) {
            return;
        }
        shownPrompt = prompt;
        box.getChildren().clear();
        reason.clear();
        answerProblem.setText("");
        understoodBackup = null;
        enterAnswers = null;
        if (prompt == null) {
            return;
        }
        Label heading = new Label(prompt.title());
        heading.getStyleClass().add("section-title");
        // Instructions are Markdown; plans, failures and questions are plain text, shown the same way.
        javafx.scene.text.TextFlow text = MarkdownText.render(prompt.text() + (prompt.failures().isEmpty() ? ""
                : "\n\n- " + String.join("\n- ", prompt.failures())));
        text.setId("promptText");
        text.setAccessibleText(prompt.text());
        reason.setId("reasonField");
        FlowPane buttons = new FlowPane(6, 6);
        switch (prompt.kind()) {
            case MANUAL, APPROVAL -> {
                reason.setPromptText(prompt.kind() == Prompt.Kind.APPROVAL ? "approver's name, or a reason / note"
                        : "reason (skip, fail, abort) or note");
                enterAnswers = () -> model.done(reason.getText());
                buttons.getChildren().addAll(
                        button("doneButton", "_Done", () -> model.done(reason.getText()), false),
                        button("skipButton", "S_kip", () -> model.skip(reason.getText()), true),
                        button("failButton", "_Fail", () -> model.fail(reason.getText()), true),
                        button("noteButton", "_Note", () -> {
                            model.note(reason.getText());
                            reason.clear();
                        }, true),
                        button("abortButton", "_Abort", () -> model.abort(reason.getText()), true));
            }
            case CONFIRM -> {
                reason.setPromptText("type " + prompt.context() + " to go ahead");
                enterAnswers = this::confirmTyped;
                buttons.getChildren().addAll(
                        button("confirmButton", "_Confirm", this::confirmTyped, false),
                        button("declineButton", "Do _not", model::decline, false));
            }
            case PREFLIGHT -> {
                reason.setPromptText("why it is safe to go on anyway, or why you stop");
                buttons.getChildren().addAll(
                        button("overrideButton", "_Override", () -> model.skip(reason.getText()), true),
                        button("abortButton", "_Abort", () -> model.abort(reason.getText()), true));
            }
            case STEP_FAILED -> {
                reason.setPromptText("reason (skip, abort)");
                enterAnswers = model::retry;
                buttons.getChildren().addAll(
                        button("retryButton", "_Retry", model::retry, false),
                        button("skipButton", "S_kip", () -> model.skip(reason.getText()), true),
                        button("abortButton", "_Abort", () -> model.abort(reason.getText()), true));
            }
            case BACKUP_TIME -> {
                reason.setPromptText("e.g. 13:05, 13:05 UTC, 15m ago");
                enterAnswers = this::enterBackupTime;
                // Edits after a time was understood ask for it to be understood again.
                reason.textProperty().addListener((obs, old, now) -> {
                    if (understoodBackup != null) {
                        understoodBackup = null;
                        answerProblem.setText("");
                    }
                });
                buttons.getChildren().add(button("backupButton", "_Enter", this::enterBackupTime, true));
            }
        }
        answerProblem.setId("answerProblem");
        answerProblem.setWrapText(true);
        Label hint = new Label(switch (prompt.kind()) {
            case MANUAL -> "Enter: done. Type a reason first to skip (Alt+K), fail (Alt+F) or abort (Alt+A); Alt+N adds"
                    + " a note.";
            case APPROVAL -> "Type the approver's name, then Enter. A reason, then Alt+K / Alt+F / Alt+A to skip, fail"
                    + " or abort.";
            case CONFIRM -> "Type the context name " + prompt.context() + " and press Enter to apply exactly this;"
                    + " Do not (Alt+N) declines.";
            case PREFLIGHT -> "Type why it is safe to go on, then Override (Alt+O); or a reason and Abort (Alt+A).";
            case STEP_FAILED -> "Enter: retry. A reason, then Skip (Alt+K) or Abort (Alt+A).";
            case BACKUP_TIME -> "When was it? e.g. 13:05, 13:05 UTC, 15m ago. Enter shows how it is understood; Enter"
                    + " again uses it.";
        });
        hint.setId("answerHint");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        reason.setOnAction(e -> {
            if (enterAnswers != null && !(reason.getText().isBlank() && prompt.kind() == Prompt.Kind.BACKUP_TIME)) {
                enterAnswers.run();
            }
        });
        box.getChildren().addAll(heading, text, hint, reason, answerProblem, buttons);
        reason.requestFocus();
    }

    /**
     * What a keyboard shortcut does: focuses the answer field, or presses the prompt's button of that id when
     * it is there and enabled (a reason still has to be typed where one is required).
     */
    public void press(String id) {
        if (id.equals("reasonField")) {
            reason.requestFocus();
            return;
        }
        if (lookup("#" + id) instanceof Button button && !button.isDisabled()) {
            button.fire();
        }
    }

    /**
     * The newest backup's time as people write it: the first Enter shows how it was understood (local and
     * UTC), the second uses it. A time not understood keeps the text, says why with examples, and keeps the
     * focus in the field.
     */
    private void enterBackupTime() {
        if (understoodBackup != null) {
            model.backupTakenAt(understoodBackup.at());
            return;
        }
        try {
            understoodBackup = HumanTime.parse(reason.getText(), java.time.Instant.now(), java.time.ZoneId.systemDefault());
            StyleClasses.setAll(answerProblem, "label", "field-understood");
            answerProblem.setText("understood as " + understoodBackup.echo() + ": press Enter again to use it");
        } catch (IllegalArgumentException notUnderstood) {
            StyleClasses.setAll(answerProblem, "label", "field-problem");
            answerProblem.setText("✖ " + notUnderstood.getMessage());
        }
        reason.requestFocus();
        reason.end();
    }

    /** The context name typed: sent when it is exact, else why not beside the field, the text and focus kept. */
    private void confirmTyped() {
        model.confirm(reason.getText()).ifPresent(problem -> {
            StyleClasses.setAll(answerProblem, "label", "field-problem");
            answerProblem.setText("✖ " + problem);
            reason.requestFocus();
            reason.end();
        });
    }

    /** @param needsText the button stays disabled until something is typed (reasons are required) */
    private Button button(String id, String text, Runnable action, boolean needsText) {
        Button button = new Button(text);
        button.setId(id);
        button.setMnemonicParsing(true);
        button.setOnAction(e -> action.run());
        if (needsText) {
            button.disableProperty().bind(reason.textProperty().isEmpty());
        }
        return button;
    }
}
