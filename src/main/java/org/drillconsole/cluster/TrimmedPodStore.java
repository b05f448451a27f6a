package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pod informer's store: each pod kept as a small Pod holding only what the health rules read (name,
 * labels, owners, creation time, phase and container statuses), built once when the watch delivers it.
 * A whole Pod costs about 28 KB of heap; a store that rebuilt trimmed pods on every read would rebuild
 * every pod on every evaluation (tens of thousands on a large cluster, many times a second under churn).
 */
final class TrimmedPodStore extends BasicItemStore<Pod> {

    /**
     * The pods to judge, and how many running workspaces they leave out, as read together at one moment: a
     * pod that stops being worth judging leaves the list and joins the count in the same change.
     *
     * @param pods              the pods the health rules would find anything to say about, now or later: a pod
     *                          running without trouble says nothing (a workspace is only counted), and only a
     *                          Pending pod's judgement changes with time
     * @param workspacesLeftOut how many running workspaces {@code pods} leaves out
     */
    record ToJudge(List<Pod> pods, int workspacesLeftOut) {
    }

    /** The pods {@link PodRules#worthJudging} keeps, by key: on a large healthy cluster, a few of many. */
    private final Map<String, Pod> worthJudging = new HashMap<>();
    /** The keys of the running workspaces left out of {@link #worthJudging}. */
    private final Set<String> workspacesLeftOut = new HashSet<>();

    TrimmedPodStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public Pod put(String key, Pod pod) {
        Pod kept = trimmed(pod);
        boolean worth = PodRules.worthJudging(kept);
        boolean leftOut = !worth && PodRules.isRunningWorkspace(kept);
        synchronized (this) {
            if (worth) {
                worthJudging.put(key, kept);
            } else {
                worthJudging.remove(key);
            }
            if (leftOut) {
                workspacesLeftOut.add(key);
            } else {
                workspacesLeftOut.remove(key);
            }
        }
        return super.put(key, kept);
    }

    @Override
    public Pod remove(String key) {
        synchronized (this) {
            worthJudging.remove(key);
            workspacesLeftOut.remove(key);
        }
        return super.remove(key);
    }

    /**
     * The pods to judge and the running workspaces they leave out: the evaluator gives the same snapshot from
     * these as from every pod.
     */
    synchronized ToJudge toJudge() {
        return new ToJudge(List.copyOf(worthJudging.values()), workspacesLeftOut.size());
    }

    /** Only part of each pod is kept. */
    @Override
    public boolean isFullState() {
        return false;
    }

    /**
     * The parts of {@code pod} the health rules read, sharing its lists and maps (the pod as delivered is
     * dropped). Set field by field: copying through fabric8's builders took about as long as parsing the pod.
     */
    static Pod trimmed(Pod pod) {
        ObjectMeta meta = pod.getMetadata();
        ObjectMeta keptMeta = new ObjectMeta();
        keptMeta.setName(meta.getName());
        keptMeta.setNamespace(meta.getNamespace());
        keptMeta.setUid(meta.getUid());
        keptMeta.setResourceVersion(meta.getResourceVersion());
        keptMeta.setLabels(meta.getLabels());
        keptMeta.setOwnerReferences(meta.getOwnerReferences());
        keptMeta.setCreationTimestamp(meta.getCreationTimestamp());
        Pod kept = new Pod();
        kept.setMetadata(keptMeta);
        PodStatus status = pod.getStatus();
        if (status != null) {
            PodStatus keptStatus = new PodStatus();
            keptStatus.setPhase(status.getPhase());
            keptStatus.setContainerStatuses(status.getContainerStatuses());
            keptStatus.setInitContainerStatuses(status.getInitContainerStatuses());
            kept.setStatus(keptStatus);
        }
        return kept;
    }
}
