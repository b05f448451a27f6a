package org.drillconsole.model;

/** How the console currently reaches a cluster's API server. */
public enum ConnectionState {
    /** Not contacted yet. */
    CONNECTING,
    /** API server answers and is ready. */
    ONLINE,
    /** API server answers but reports not ready, or some object lists fail. */
    DEGRADED,
    /** Connection refused, timed out or no route. */
    UNREACHABLE,
    /** HTTP 401: the credentials are wrong or expired. */
    UNAUTHORIZED,
    /** HTTP 403: the credentials lack the RBAC the console needs. */
    FORBIDDEN,
    /** The kubeconfig or context cannot be used; nothing was sent. */
    MISCONFIGURED;

    public boolean answers() {
        return this == ONLINE || this == DEGRADED;
    }
}
