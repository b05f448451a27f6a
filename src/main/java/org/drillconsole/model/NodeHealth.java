package org.drillconsole.model;

import java.util.List;

/**
 * @param ready the node's Ready condition: "True", "False" or "Unknown"
 * @param pressures the pressure conditions that are True (MemoryPressure, DiskPressure, PIDPressure)
 * @param missingGitpodLabels which of the five {@code gitpod.io/workload_*} labels the node lacks
 */
public record NodeHealth(
        String name,
        String ready,
        boolean cordoned,
        List<String> pressures,
        List<String> missingGitpodLabels,
        String kubeletVersion) {

    public NodeHealth {
        pressures = List.copyOf(pressures);
        missingGitpodLabels = List.copyOf(missingGitpodLabels);
    }

    public boolean isReady() {
        return "True".equals(ready);
    }
}
