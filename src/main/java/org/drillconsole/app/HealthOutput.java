package org.drillconsole.app;

import java.util.List;
import java.util.Locale;
import org.drillconsole.cluster.Comparison;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ComparisonRow;
import org.drillconsole.model.ComponentHealth;
import org.drillconsole.model.NodeSummary;

/** The {@code health} command's table for people; {@link HealthJson} is the JSON for scripts (README). */
final class HealthOutput {


    private HealthOutput() {
    }


    static String text(ClusterSnapshot primary, ClusterSnapshot standby, List<ComparisonRow> comparison,
                       String sameClusterWarning) {
        StringBuilder out = new StringBuilder();
        if (sameClusterWarning != null) {
            out.append("WARNING: ").append(sameClusterWarning).append("\n\n");
        }
        for (ClusterSnapshot s : List.of(primary, standby)) {
            out.append(String.format(Locale.ROOT, "%s  %s  %s%n", s.side().label().toUpperCase(Locale.ROOT),
                    s.verdict(), s.context().isEmpty() ? "" : s.context() + " @ " + s.server()));
            out.append(String.format(Locale.ROOT, "  connection  %s (%s)%s%s%n", s.state(), s.stateMessage(),
                    s.apiLatencyMs() >= 0 ? ", " + s.apiLatencyMs() + " ms" : "",
                    s.serverVersion().isEmpty() ? "" : ", Kubernetes " + s.serverVersion()));
            s.reasons().forEach(r -> out.append("  - ").append(r).append('\n'));
            if (s.objectsKnown()) {
                NodeSummary n = s.nodeSummary();
                out.append(String.format(Locale.ROOT, "  nodes       %d/%d ready, %d cordoned, %d under pressure, "
                        + "%d missing gitpod.io labels%n", n.ready(), n.total(), n.cordoned(), n.underPressure(),
                        n.missingGitpodLabels()));
                out.append(String.format(Locale.ROOT, "  proxy LB    %s   running workspaces %d%n",
                        s.proxyAddress().isEmpty() ? "no external address" : s.proxyAddress(), s.runningWorkspaces()));
                out.append(String.format(Locale.ROOT, "  backup      %s%n", s.newestBackup() == null
                        ? "none in sight (no completed Velero Backup or backup CronJob)"
                        : "newest " + s.newestBackup().completedAt() + " (" + s.newestBackup().ageAt(s.observedAt())
                        .toMinutes() + " min old), " + s.newestBackup().source()));
                for (org.drillconsole.model.BatchWork b : s.batch()) {
                    out.append(String.format(Locale.ROOT, "  %-11s %-20s %-9s %s%n", b.kind().display(), b.name(),
                            b.status(), b.message()));
                }
                for (ComponentHealth c : s.components()) {
                    out.append(String.format(Locale.ROOT, "  %-12s %-20s %-11s %3d/%-3d %s%n", c.kind().display(),
                            c.name(), c.status(), c.ready(), c.desired(), c.message()));
                }
                s.troubledPods().forEach(p -> out.append("  pod ").append(p.name()).append(": ").append(p.message())
                        .append('\n'));
            }
            out.append('\n');
        }
        String notCompared = Comparison.notCompared(Comparison.known(primary), Comparison.known(standby));
        List<ComparisonRow> differences = comparison.stream()
                .filter(r -> r.difference() != ComparisonRow.Difference.SAME).toList();
        if (notCompared != null) {
            out.append("PRIMARY vs STANDBY\n  ").append(notCompared).append('\n');
        } else if (!differences.isEmpty()) {
            out.append("PRIMARY vs STANDBY\n");
            for (ComparisonRow row : differences) {
                out.append(String.format(Locale.ROOT, "  %-20s %-16s primary %-8s standby %-8s %s%n", row.component(),
                        row.difference(), row.primary(), row.standby(), row.detail()));
            }
        }
        return out.toString();
    }
}
