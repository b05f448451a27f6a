package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drillconsole.model.NodeHealth;

public final class NodeRules {

    private static final List<String> PRESSURE_CONDITIONS = List.of("MemoryPressure", "DiskPressure", "PIDPressure");

    private NodeRules() {
    }

    public static NodeHealth evaluate(Node node) {
        String ready = "Unknown";
        List<String> pressures = new ArrayList<>();
        if (node.getStatus() != null) {
            for (NodeCondition condition : node.getStatus().getConditions()) {
                if ("Ready".equals(condition.getType()) && condition.getStatus() != null) {
                    ready = condition.getStatus();
                } else if (PRESSURE_CONDITIONS.contains(condition.getType()) && "True".equals(condition.getStatus())) {
                    pressures.add(condition.getType());
                }
            }
        }
        boolean cordoned = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
        Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
        List<String> missing = GitpodReference.NODE_LABELS.stream().filter(label -> !labels.containsKey(label)).toList();
        String kubelet = node.getStatus() == null || node.getStatus().getNodeInfo() == null
                ? "" : node.getStatus().getNodeInfo().getKubeletVersion();
        return new NodeHealth(node.getMetadata().getName(), ready, cordoned, pressures, missing, kubelet);
    }
}
