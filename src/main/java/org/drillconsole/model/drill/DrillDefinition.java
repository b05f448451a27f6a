package org.drillconsole.model.drill;

import java.util.List;

/**
 * A runbook from {@code drills/*.yaml}: a Kubernetes-style envelope around the drill's spec.
 *
 * @param contentHash SHA-256 of the file's bytes: the runbook's version in every record of a run
 */
public record DrillDefinition(String apiVersion, String kind, Metadata metadata, Spec spec, String contentHash) {

    public record Metadata(String name, String title, String description) {
    }

    /**
     * @param namespace Gitpod's namespace on both clusters
     * @param preflight checks that must pass (or be overridden with a reason) before the clock can start
     * @param cleanup steps that return the standby to its resting state after a practice drill
     */
    public record Spec(String strategy, Objectives objectives, String namespace, List<Step> preflight,
                       List<Step> steps, List<Step> cleanup) {

        public Spec {
            preflight = preflight == null ? List.of() : List.copyOf(preflight);
            steps = steps == null ? List.of() : List.copyOf(steps);
            cleanup = cleanup == null ? List.of() : List.copyOf(cleanup);
        }
    }

    /** Durations as written ("30m"); {@link org.drillconsole.drill.Durations} parses them. */
    public record Objectives(String rto, String rpo) {
    }
}
