package org.drillconsole.model.journal;

import java.time.Duration;

/** How long one step of a runbook took across the recorded runs. */
public record StepTiming(String drillName, String stepId, int runs, Duration average, Duration longest) {
}
