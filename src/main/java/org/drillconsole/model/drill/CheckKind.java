package org.drillconsole.model.drill;

/** The check kinds, as runbooks name them. */
public enum CheckKind {
    WORKLOADS_READY("workloadsReady"),
    NODES_READY("nodesReady"),
    NO_RUNNING_WORKSPACES("noRunningWorkspaces"),
    STANDBY_MATCHES_PRIMARY("standbyMatchesPrimary"),
    API_REACHABLE("apiReachable"),
    API_UNREACHABLE("apiUnreachable"),
    HTTP_GET("httpGet"),
    DNS_RESOLVES("dnsResolves"),
    BACKUP_AGE("backupAge"),
    JOB_SUCCEEDED("jobSucceeded");

    private final String key;

    CheckKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
