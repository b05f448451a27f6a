package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import org.drillconsole.model.BackupPoint;

/**
 * The objects the console reads from one cluster, as cached by the informers.
 *
 * @param nodesVisible false when the credentials may not list nodes (namespaced RBAC only)
 * @param pods the namespace's pods, or only those {@link PodRules#worthJudging} keeps: the rest do not change
 *             an evaluation, but for the running workspaces among them, counted in {@code workspacesLeftOut}
 * @param veleroBackups Velero's completed backups, when Velero is installed and they may be listed
 * @param workspacesLeftOut running workspaces whose pods are not in {@code pods} (nothing else to say about them)
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
        List<Event> events,
        List<Job> jobs,
        List<CronJob> cronJobs,
        List<BackupPoint> veleroBackups,
        int workspacesLeftOut) {

    /** With every pod listed. */
    public ClusterObjects(boolean namespaceExists, List<Deployment> deployments, List<StatefulSet> statefulSets,
                          List<DaemonSet> daemonSets, boolean nodesVisible, List<Node> nodes, List<Pod> pods,
                          List<PersistentVolumeClaim> claims, List<Service> services, List<Event> events,
                          List<Job> jobs, List<CronJob> cronJobs, List<BackupPoint> veleroBackups) {
        this(namespaceExists, deployments, statefulSets, daemonSets, nodesVisible, nodes, pods, claims, services,
                events, jobs, cronJobs, veleroBackups, 0);
    }

    /** Without Jobs and CronJobs (credentials that may not list them, or tests that do not need them). */
    public ClusterObjects(boolean namespaceExists, List<Deployment> deployments, List<StatefulSet> statefulSets,
                          List<DaemonSet> daemonSets, boolean nodesVisible, List<Node> nodes, List<Pod> pods,
                          List<PersistentVolumeClaim> claims, List<Service> services, List<Event> events) {
        this(namespaceExists, deployments, statefulSets, daemonSets, nodesVisible, nodes, pods, claims, services,
                events, List.of(), List.of(), List.of());
    }

    /**
     * Whether the namespace exists: as the server said, or, when it would not say (credentials that may not
     * read the namespace object itself), whether any Deployment is seen in it.
     *
     * @param serverSaid the answer to a GET of the namespace, or null when there was none
     */
    static boolean namespaceExists(Boolean serverSaid, List<Deployment> deployments) {
        return serverSaid != null ? serverSaid : !deployments.isEmpty();
    }

    public static ClusterObjects empty() {
        return new ClusterObjects(false, List.of(), List.of(), List.of(), false, List.of(), List.of(), List.of(),
                List.of(), List.of());
    }
}
