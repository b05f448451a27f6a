package org.drillconsole.model.drill;

/** The kinds of object a mergePatch or delete action may name, with their API coordinates. */
public enum ResourceKind {
    DEPLOYMENT("deployment", "apps", "Deployment", "deployments"),
    STATEFULSET("statefulset", "apps", "StatefulSet", "statefulsets"),
    DAEMONSET("daemonset", "apps", "DaemonSet", "daemonsets"),
    SERVICE("service", "", "Service", "services"),
    CONFIGMAP("configmap", "", "ConfigMap", "configmaps"),
    POD("pod", "", "Pod", "pods");

    private final String key;
    private final String group;
    private final String kind;
    private final String plural;

    ResourceKind(String key, String group, String kind, String plural) {
        this.key = key;
        this.group = group;
        this.kind = kind;
        this.plural = plural;
    }

    /** As runbooks write it. */
    public String key() {
        return key;
    }

    public String group() {
        return group;
    }

    public String kind() {
        return kind;
    }

    public String plural() {
        return plural;
    }
}
