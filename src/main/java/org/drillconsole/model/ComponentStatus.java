package org.drillconsole.model;

/** Status of one Gitpod component (a workload or a reference component that is absent). */
public enum ComponentStatus {
    HEALTHY,
    PROGRESSING,
    /** Scaled to zero on purpose (pilot light). */
    IDLE,
    DEGRADED,
    FAILED,
    /** In the 2022.11 reference list but not found in the namespace. */
    MISSING
}
