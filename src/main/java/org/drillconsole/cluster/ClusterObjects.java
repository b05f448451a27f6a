package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;

/**
 * The objects the console reads from one cluster, as cached by the informers.
 *
 * @param nodesVisible false when the credentials may not list nodes (namespaced RBAC only)
 */
public record ClusterObjects(
        boolean namespaceExists,
        List<Deployment> deployments,
        List<StatefulSet> statefulSets,
        List<DaemonSet> daemonSets,
        boolean nodesVisible,
        List<Node> nodes,
        List<Pod> pods,
        List<PersistentVolumeClaim> claims,
        List<Service> services,
        List<Event> events) {

    public static ClusterObjects empty() {
        return new ClusterObjects(false, List.of(), List.of(), List.of(), false, List.of(), List.of(), List.of(),
                List.of(), List.of());
    }
}
