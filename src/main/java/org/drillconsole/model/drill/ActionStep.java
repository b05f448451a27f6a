package org.drillconsole.model.drill;

import org.drillconsole.model.Side;

/**
 * The console changes one cluster, after a server-side dry run and the operator's typed confirmation.
 *
 * @param optional a failure is recorded but does not fail the run (e.g. on a primary that may not answer)
 */
public record ActionStep(String id, String title, String instructions, Side cluster, Clock clock, Action action,
                         boolean optional) implements Step {

    @Override
    public StepType type() {
        return StepType.ACTION;
    }

    @Override
    public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
        return cases.action(this);
    }
}
