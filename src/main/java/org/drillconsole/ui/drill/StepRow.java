package org.drillconsole.ui.drill;

import java.time.Duration;

/**
 * One step of the run as the checklist shows it.
 *
 * @param split how long the step took, in words ("4m 05s waiting for people"); empty until it ends
 * @param took the same as a duration, for ranking; null until it ends
 */
public record StepRow(String id, String title, String section, String status, String split, Duration took) {

    public StepRow(String id, String title, String section, String status, String split) {
        this(id, title, section, status, split, null);
    }

    StepRow with(String newStatus, String newSplit) {
        return new StepRow(id, title, section, newStatus, newSplit, took);
    }

    StepRow with(String newStatus, String newSplit, Duration tookNow) {
        return new StepRow(id, title, section, newStatus, newSplit, tookNow);
    }
}
