package org.drillconsole.drill;

import org.drillconsole.model.drill.ResourceKind;

/**
 * One change sent to a cluster. An action's plan is a list of these: sent once as a server-side dry run,
 * shown to the operator, then sent again unchanged once the operator confirms.
 */
public sealed interface ClusterRequest {

    /** Exhaustive, typed dispatch: one method per kind of request. */
    <R, X extends Exception> R accept(Cases<R, X> cases) throws X;

    interface Cases<R, X extends Exception> {
        R scale(Scale request) throws X;

        R patch(Patch request) throws X;

        R nodePatch(NodePatch request) throws X;

        R createOrUpdate(CreateOrUpdate request) throws X;

        R delete(Delete request) throws X;
    }

    /** Sets a Deployment's or StatefulSet's {@code spec.replicas} (a merge patch). */
    record Scale(ResourceKind resource, String name, int from, int to) implements ClusterRequest {
        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.scale(this);
        }
    }

    /** A JSON merge patch of a namespaced object. */
    record Patch(ResourceKind resource, String name, String json) implements ClusterRequest {
        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.patch(this);
        }
    }

    /** Marks a node unschedulable (cordon) or schedulable again (uncordon): {@code spec.unschedulable}. */
    record NodePatch(String node, boolean cordoned) implements ClusterRequest {
        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.nodePatch(this);
        }
    }

    /** Creates an object from a manifest, or updates it when it exists. */
    record CreateOrUpdate(String kind, String name, String manifestJson) implements ClusterRequest {
        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.createOrUpdate(this);
        }
    }

    record Delete(ResourceKind resource, String name) implements ClusterRequest {
        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.delete(this);
        }
    }

    /** A request in words: "scale ws-manager 0 → 2". */
    static String describe(ClusterRequest request) {
        return request.accept(new ClusterRequest.Cases<String, RuntimeException>() {
            @Override
            public String scale(ClusterRequest.Scale scale) {
                return "scale " + scale.name() + " " + scale.from() + " → " + scale.to();
            }

            @Override
            public String patch(ClusterRequest.Patch patch) {
                return "merge-patch " + patch.resource().key() + "/" + patch.name() + " with " + patch.json();
            }

            @Override
            public String nodePatch(ClusterRequest.NodePatch node) {
                return (node.cordoned() ? "cordon" : "uncordon") + " node " + node.node();
            }

            @Override
            public String createOrUpdate(ClusterRequest.CreateOrUpdate object) {
                return "apply " + object.kind() + "/" + object.name();
            }

            @Override
            public String delete(ClusterRequest.Delete delete) {
                return "delete " + delete.resource().key() + "/" + delete.name();
            }
        });
    }

}
