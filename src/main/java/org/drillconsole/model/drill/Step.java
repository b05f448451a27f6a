package org.drillconsole.model.drill;

/** One step of a runbook: each type carries only its own fields. */
public sealed interface Step permits Step.Manual, Step.Approval, CheckStep, ActionStep {

    String id();

    /** Null when the runbook gives none; {@link #displayTitle()} falls back to the id. */
    String title();

    /** Markdown for the operator; may be null on checks and actions. */
    String instructions();

    /** Where this step marks the RTO clock, or null. */
    Clock clock();

    StepType type();

    /** Exhaustive, typed dispatch: one method per step type. */
    <R, X extends Exception> R accept(Cases<R, X> cases) throws X;

    interface Cases<R, X extends Exception> {
        R manual(Manual step) throws X;

        R approval(Approval step) throws X;

        R check(CheckStep step) throws X;

        R action(ActionStep step) throws X;
    }

    default String displayTitle() {
        return title() == null || title().isBlank() ? id() : title();
    }

    /** True for the steps that wait for people (manual and approval) rather than for the clusters. */
    /** True when a failure is recorded but does not fail the run (checks and actions may say so). */
    default boolean optional() {
        return false;
    }

    default boolean waitsForPeople() {
        return this instanceof Manual || this instanceof Approval;
    }

    /** The operator does it and says so. */
    record Manual(String id, String title, String instructions, Clock clock) implements Step {

        @Override
        public StepType type() {
            return StepType.MANUAL;
        }

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.manual(this);
        }
    }

    /** A named person confirms. */
    record Approval(String id, String title, String instructions, String approver, Clock clock) implements Step {

        @Override
        public StepType type() {
            return StepType.APPROVAL;
        }

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.approval(this);
        }
    }

}
