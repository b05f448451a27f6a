package org.drillconsole.model.drill;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A runbook from {@code drills/*.yaml}, read and checked, with its parameters already substituted.
 *
 * @param contentHash SHA-256 of the file's bytes: the runbook's version in every record of a run
 * @param parameterValues the value each declared parameter had in this reading (name to value), in
 *                        declaration order; part of the run's chained header
 */
public record DrillDefinition(Metadata metadata, Spec spec, String contentHash, Map<String, String> parameterValues) {

    public DrillDefinition {
        parameterValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameterValues));
    }

    public record Metadata(String name, String title, String description) {
    }

    /**
     * @param namespace Gitpod's namespace on both clusters
     * @param preflight checks that must pass (or be overridden with a reason) before the clock can start
     * @param cleanup steps that return the standby to its resting state after a practice drill
     */
    public record Spec(Strategy strategy, Objectives objectives, String namespace, List<Parameter> parameters,
                       List<CheckStep> preflight, List<Step> steps, List<Step> cleanup) {

        public Spec {
            parameters = List.copyOf(parameters);
            preflight = List.copyOf(preflight);
            steps = List.copyOf(steps);
            cleanup = List.copyOf(cleanup);
        }
    }

    /** Either may be null: a readiness check has no RTO. */
    public record Objectives(java.time.Duration rto, java.time.Duration rpo) {
    }
}
