package org.drillconsole.model;

import java.util.List;

/**
 * Health of one Gitpod component.
 *
 * @param reason short machine-friendly reason (e.g. {@code ProgressDeadlineExceeded}, {@code ScaledToZero})
 * @param message the sentence a person reads ("2 of 3 updated replicas are available")
 */
public record ComponentHealth(
        WorkloadKind kind,
        String name,
        ComponentStatus status,
        int ready,
        int desired,
        String reason,
        String message,
        List<String> images) {

    public ComponentHealth {
        images = List.copyOf(images);
    }

    /** A core component of the reference install that is not in the namespace. */
    public static ComponentHealth missing(WorkloadKind kind, String name) {
        return new ComponentHealth(kind, name, ComponentStatus.MISSING, 0, 0, "Missing",
                "not found in the namespace (part of every Gitpod 2022.11 install)", List.of());
    }

    /** An in-cluster dependency that is absent: production installs use an external one instead. */
    public static ComponentHealth notInstalled(WorkloadKind kind, String name) {
        return new ComponentHealth(kind, name, ComponentStatus.MISSING, 0, 0, "NotInstalled",
                "not in the cluster (an external " + name + " is assumed)", List.of());
    }
}
