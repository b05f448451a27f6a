package org.drillconsole.model;

import java.util.List;

/**
 * Health of one Gitpod component.
 *
 * @param reason short machine-friendly reason (e.g. {@code ProgressDeadlineExceeded}, {@code ScaledToZero})
 * @param message the sentence a person reads ("2 of 3 updated replicas are available")
 * @param role whether it is Gitpod's, a dependency of Gitpod's, or another workload in the namespace
 */
public record ComponentHealth(
        WorkloadKind kind,
        String name,
        ComponentStatus status,
        int ready,
        int desired,
        String reason,
        String message,
        List<String> images,
        ComponentRole role) {

    public ComponentHealth {
        images = List.copyOf(images);
    }

    /** The same health under the name and role the namespace's labels give the workload. */
    public ComponentHealth as(String displayName, ComponentRole newRole) {
        return new ComponentHealth(kind, displayName, status, ready, desired, reason, message, images, newRole);
    }

    /** A core component of the reference install that is not in the namespace. */
    public static ComponentHealth missing(WorkloadKind kind, String name) {
        return new ComponentHealth(kind, name, ComponentStatus.MISSING, 0, 0, "Missing",
                "not found in the namespace (part of every Gitpod 2022.11 install)", List.of(),
                ComponentRole.GITPOD);
    }

    /** An in-cluster dependency that is absent: production installs use an external one instead. */
    public static ComponentHealth notInstalled(WorkloadKind kind, String name) {
        return new ComponentHealth(kind, name, ComponentStatus.MISSING, 0, 0, "NotInstalled",
                "not in the cluster (an external " + name + " is assumed)", List.of(), ComponentRole.DEPENDENCY);
    }
}
