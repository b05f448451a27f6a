package org.drillconsole.model;

/** What a workload in the Gitpod namespace is to Gitpod, which decides whether it counts in the verdict. */
public enum ComponentRole {
    /** One of Gitpod's own components: labels {@code app=gitpod} and {@code component}. */
    GITPOD,
    /** An in-cluster dependency from a Helm chart (mysql, messagebus, minio, registry), known by its labels or name. */
    DEPENDENCY,
    /** Anything else in the namespace: shown apart, never changes the verdict. */
    OTHER
}
