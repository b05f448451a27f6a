package org.drillconsole.model;

public enum WorkloadKind {
    DEPLOYMENT("Deployment"),
    STATEFULSET("StatefulSet"),
    DAEMONSET("DaemonSet");

    private final String display;

    WorkloadKind(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }
}
