package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import org.junit.jupiter.api.Test;

/** The node informer's store judges each node once, and always as the rules do. */
class JudgedNodeStoreTest {

    @Test
    void aStoredNodeIsJudgedAsTheRulesJudgeItAndAChangedOneAnew() {
        JudgedNodeStore store = new JudgedNodeStore();
        Node ready = HealthEvaluatorTest.node("node-1", "True");
        store.put("node-1", ready);
        assertEquals(NodeRules.evaluate(ready), store.health(store.get("node-1")));
        Node notReady = new NodeBuilder(ready).editStatus().editFirstCondition().withStatus("False").endCondition()
                .endStatus().build();
        assertEquals("False", store.health(notReady).ready(), "not the node stored: judged now");
        store.put("node-1", notReady);
        assertEquals("False", store.health(store.get("node-1")).ready());
        Node cordoned = new NodeBuilder(notReady).withNewSpec().withUnschedulable(true).endSpec().build();
        store.put("node-1", cordoned);
        assertEquals(NodeRules.evaluate(cordoned), store.health(store.get("node-1")));
        store.remove("node-1");
        assertEquals(NodeRules.evaluate(ready), store.health(ready), "a node no longer stored is judged now");
    }
}
