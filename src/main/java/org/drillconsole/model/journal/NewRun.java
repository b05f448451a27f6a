package org.drillconsole.model.journal;

import java.util.Map;

/**
 * What is recorded when a run starts. Cluster fields are context names and server URLs only: never
 * credentials.
 *
 * @param parameters the runbook's parameter values for this run (name to value, in declaration order)
 */
public record NewRun(String drillName, String drillTitle, String drillHash, String strategy, RunMode mode,
                     String operator, String primaryContext, String primaryServer, String standbyContext,
                     String standbyServer, Map<String, String> parameters) {

    public NewRun {
        parameters = parameters == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** A run of a runbook without parameters. */
    public NewRun(String drillName, String drillTitle, String drillHash, String strategy, RunMode mode,
                  String operator, String primaryContext, String primaryServer, String standbyContext,
                  String standbyServer) {
        this(drillName, drillTitle, drillHash, strategy, mode, operator, primaryContext, primaryServer,
                standbyContext, standbyServer, Map.of());
    }
}
