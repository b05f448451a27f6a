package org.drillconsole.model.drill;

import java.time.Duration;
import org.drillconsole.model.Side;

/**
 * The console evaluates a check, retrying every {@code interval} until {@code timeout}.
 *
 * @param cluster the cluster the check reads, or null for checks that read both or the network
 * @param timeout zero: one attempt
 * @param optional a failure is recorded but does not fail the run
 */
public record CheckStep(String id, String title, String instructions, Side cluster, Clock clock, Check check,
                        Duration timeout, Duration interval, boolean optional) implements Step {

    @Override
    public StepType type() {
        return StepType.CHECK;
    }

    @Override
    public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
        return cases.check(this);
    }
}
