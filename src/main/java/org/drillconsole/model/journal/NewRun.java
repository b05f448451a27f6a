package org.drillconsole.model.journal;

/**
 * What is recorded when a run starts. Cluster fields are context names and server URLs only: never
 * credentials.
 */
public record NewRun(String drillName, String drillTitle, String drillHash, String strategy, RunMode mode,
                     String operator, String primaryContext, String primaryServer, String standbyContext,
                     String standbyServer) {
}
