package org.drillconsole.model;

import java.util.List;

/** Counts over a cluster's nodes, for the headline and the JSON output. */
public record NodeSummary(int ready, int total, int cordoned, int underPressure, int missingGitpodLabels) {

    public static NodeSummary of(List<NodeHealth> nodes) {
        int ready = 0;
        int cordoned = 0;
        int pressure = 0;
        int unlabelled = 0;
        for (NodeHealth node : nodes) {
            if (node.isReady()) {
                ready++;
            }
            if (node.cordoned()) {
                cordoned++;
            }
            if (!node.pressures().isEmpty()) {
                pressure++;
            }
            if (!node.missingGitpodLabels().isEmpty()) {
                unlabelled++;
            }
        }
        return new NodeSummary(ready, nodes.size(), cordoned, pressure, unlabelled);
    }
}
