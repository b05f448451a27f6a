package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drillconsole.model.NodeHealth;

/**
 * The node informer's store, with each node judged once when the watch delivers it: a cluster of thousands
 * of nodes is evaluated many times a second under churn, and a node's health depends on the node alone.
 */
final class JudgedNodeStore extends BasicItemStore<Node> {

    private record Judged(Node node, NodeHealth health) {
    }

    private final Map<String, Judged> judged = new ConcurrentHashMap<>();

    JudgedNodeStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public Node put(String key, Node node) {
        judged.put(key, new Judged(node, NodeRules.evaluate(node)));
        return super.put(key, node);
    }

    @Override
    public Node remove(String key) {
        judged.remove(key);
        return super.remove(key);
    }

    /** The node's health: as judged when it was stored, or judged now if this is not the node stored. */
    NodeHealth health(Node node) {
        Judged known = judged.get(getKey(node));
        return known != null && known.node() == node ? known.health() : NodeRules.evaluate(node);
    }
}
