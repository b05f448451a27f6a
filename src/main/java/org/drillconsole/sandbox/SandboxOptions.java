package org.drillconsole.sandbox;

import java.time.Duration;

/**
 * How the practice clusters are shaped.
 *
 * @param reconcileDelay how long the simulated controllers take per step (scale up: Progressing, then Healthy)
 * @param extraPods extra pods per cluster (for load benchmarks)
 * @param extraNodes extra nodes per cluster (for load benchmarks)
 */
public record SandboxOptions(Duration reconcileDelay, int extraPods, int extraNodes) {

    public static SandboxOptions defaults() {
        return new SandboxOptions(Duration.ofSeconds(2), 0, 0);
    }

    public SandboxOptions withReconcileDelay(Duration delay) {
        return new SandboxOptions(delay, extraPods, extraNodes);
    }

    public SandboxOptions withLoad(int pods, int nodes) {
        return new SandboxOptions(reconcileDelay, pods, nodes);
    }
}
