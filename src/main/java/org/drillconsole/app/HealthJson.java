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

/**
 * The {@code health} command's JSON for scripts (documented in the README). A class of its own so that the
 * table for people does not load a JSON library into a command that must answer fast.
 */
final class HealthJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HealthJson() {
    }

    static String render(ClusterSnapshot primary, ClusterSnapshot standby, List<ComparisonRow> comparison,
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
}
