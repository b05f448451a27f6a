package org.drillconsole.model;

import java.time.Instant;
import java.util.List;

/**
 * Everything the console knows about one cluster at one moment. Immutable; a new one is published on
 * every change.
 *
 * @param lastContact the last time the API server answered, or null if it never did
 * @param apiLatencyMs latency of the last probe, or -1 when it did not answer
 * @param objectsKnown true once the object lists have been received at least once
 * @param batch the namespace's Jobs and CronJobs with their last result
 * @param newestBackup the newest completed backup visible on the cluster (Velero, a backup CronJob), or null
 */
public record ClusterSnapshot(
        Side side,
        String context,
        String server,
        String namespace,
        ConnectionState state,
        String stateMessage,
        Verdict verdict,
        List<String> reasons,
        long apiLatencyMs,
        String serverVersion,
        Instant lastContact,
        boolean objectsKnown,
        boolean namespaceExists,
        List<NodeHealth> nodes,
        List<ComponentHealth> components,
        List<PodTrouble> troubledPods,
        List<String> unboundClaims,
        String proxyAddress,
        int runningWorkspaces,
        List<WarningEvent> warnings,
        Instant observedAt,
        List<BatchWork> batch,
        BackupPoint newestBackup) {

    public ClusterSnapshot {
        reasons = List.copyOf(reasons);
        nodes = List.copyOf(nodes);
        components = List.copyOf(components);
        troubledPods = List.copyOf(troubledPods);
        unboundClaims = List.copyOf(unboundClaims);
        warnings = List.copyOf(warnings);
        batch = List.copyOf(batch);
    }

    public NodeSummary nodeSummary() {
        return NodeSummary.of(nodes);
    }

    /** The first snapshot of a side, before any probe has answered. */
    public static ClusterSnapshot connecting(Side side, String context, String server, String namespace, Instant now) {
        return new ClusterSnapshot(side, context, server, namespace, ConnectionState.CONNECTING, "connecting…",
                Verdict.UNKNOWN, List.of("not contacted yet"), -1, "", null, false, false, List.of(), List.of(),
                List.of(), List.of(), "", 0, List.of(), now, List.of(), null);
    }
}
