package org.drillconsole.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ComparisonRow;
import org.drillconsole.model.ComponentHealth;
import org.drillconsole.model.NodeSummary;
import org.drillconsole.model.PodTrouble;
import org.drillconsole.model.WarningEvent;

/** The {@code health} command's output: a table for people, JSON for scripts (documented in the README). */
final class HealthOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HealthOutput() {
    }

    static String json(ClusterSnapshot primary, ClusterSnapshot standby, List<ComparisonRow> comparison,
                       String sameClusterWarning) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("primary", side(primary));
        root.set("standby", side(standby));
        ArrayNode rows = root.putArray("comparison");
        for (ComparisonRow row : comparison) {
            rows.addObject().put("component", row.component()).put("difference", row.difference().name())
                    .put("primary", row.primary()).put("standby", row.standby()).put("detail", row.detail());
        }
        if (sameClusterWarning != null) {
            root.put("sameClusterWarning", sameClusterWarning);
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static ObjectNode side(ClusterSnapshot s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("context", s.context()).put("server", s.server()).put("namespace", s.namespace())
                .put("state", s.state().name()).put("stateMessage", s.stateMessage())
                .put("verdict", s.verdict().name());
        ArrayNode reasons = node.putArray("reasons");
        s.reasons().forEach(reasons::add);
        node.put("apiLatencyMs", s.apiLatencyMs()).put("serverVersion", s.serverVersion());
        node.put("lastContact", s.lastContact() == null ? null : s.lastContact().toString());
        NodeSummary n = s.nodeSummary();
        node.putObject("nodes").put("ready", n.ready()).put("total", n.total()).put("cordoned", n.cordoned())
                .put("underPressure", n.underPressure()).put("missingGitpodLabels", n.missingGitpodLabels());
        ArrayNode components = node.putArray("components");
        for (ComponentHealth c : s.components()) {
            ObjectNode item = components.addObject().put("kind", c.kind().display()).put("name", c.name())
                    .put("status", c.status().name()).put("ready", c.ready()).put("desired", c.desired())
                    .put("reason", c.reason()).put("message", c.message())
                    .put("role", c.role().name().toLowerCase(Locale.ROOT));
            ArrayNode images = item.putArray("images");
            c.images().forEach(images::add);
        }
        ArrayNode pods = node.putArray("troubledPods");
        for (PodTrouble p : s.troubledPods()) {
            pods.addObject().put("name", p.name()).put("component", p.component()).put("reason", p.reason())
                    .put("restarts", p.restarts()).put("message", p.message());
        }
        ArrayNode claims = node.putArray("unboundClaims");
        s.unboundClaims().forEach(claims::add);
        // null when the proxy has no external address: nobody can reach Gitpod from outside
        node.put("proxyAddress", s.proxyAddress().isEmpty() ? null : s.proxyAddress())
                .put("runningWorkspaces", s.runningWorkspaces());
        if (s.newestBackup() == null) {
            node.putNull("newestBackup");
        } else {
            node.putObject("newestBackup").put("source", s.newestBackup().source())
                    .put("completedAt", s.newestBackup().completedAt().toString())
                    .put("ageSeconds", s.newestBackup().ageAt(s.observedAt()).toSeconds());
        }
        ArrayNode batch = node.putArray("jobs");
        for (org.drillconsole.model.BatchWork b : s.batch()) {
            batch.addObject().put("kind", b.kind().display())
                    .put("name", b.name()).put("status", b.status().name()).put("message", b.message())
                    .put("lastRun", b.lastRun() == null ? null : b.lastRun().toString())
                    .put("lastSuccess", b.lastSuccess() == null ? null : b.lastSuccess().toString());
        }
        ArrayNode warnings = node.putArray("warnings");
        for (WarningEvent w : s.warnings()) {
            warnings.addObject().put("lastSeen", w.lastSeen() == null ? null : w.lastSeen().toString())
                    .put("object", w.object()).put("reason", w.reason()).put("message", w.message())
                    .put("count", w.count());
        }
        return node;
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
        List<ComparisonRow> differences = comparison.stream()
                .filter(r -> r.difference() != ComparisonRow.Difference.SAME).toList();
        if (!differences.isEmpty()) {
            out.append("PRIMARY vs STANDBY\n");
            for (ComparisonRow row : differences) {
                out.append(String.format(Locale.ROOT, "  %-20s %-16s primary %-8s standby %-8s %s%n", row.component(),
                        row.difference(), row.primary(), row.standby(), row.detail()));
            }
        }
        return out.toString();
    }
}
