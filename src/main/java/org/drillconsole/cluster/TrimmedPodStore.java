package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * The pod informer's store: each pod kept as a small Pod holding only what the health rules read (name,
 * labels, owners, creation time, phase and container statuses), built once when the watch delivers it.
 * A whole Pod costs about 28 KB of heap; a store that rebuilt trimmed pods on every read would rebuild
 * every pod on every evaluation (tens of thousands on a large cluster, many times a second under churn).
 */
final class TrimmedPodStore extends BasicItemStore<Pod> {

    TrimmedPodStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public Pod put(String key, Pod pod) {
        return super.put(key, trimmed(pod));
    }

    /** Only part of each pod is kept. */
    @Override
    public boolean isFullState() {
        return false;
    }

    static Pod trimmed(Pod pod) {
        var meta = pod.getMetadata();
        var status = pod.getStatus();
        return new PodBuilder()
                .withMetadata(new ObjectMetaBuilder().withName(meta.getName()).withNamespace(meta.getNamespace())
                        .withUid(meta.getUid()).withResourceVersion(meta.getResourceVersion())
                        .withLabels(meta.getLabels()).withOwnerReferences(meta.getOwnerReferences())
                        .withCreationTimestamp(meta.getCreationTimestamp()).build())
                .withStatus(status == null ? null : new PodStatusBuilder().withPhase(status.getPhase())
                        .withContainerStatuses(status.getContainerStatuses())
                        .withInitContainerStatuses(status.getInitContainerStatuses()).build())
                .build();
    }
}
