package org.drillconsole.model.drill;

/** What an action step changes: each kind is its own record with only its own fields. */
public sealed interface Action {

    ActionKind kind();

    /** Exhaustive, typed dispatch: one method per kind. */
    <R, X extends Exception> R accept(Cases<R, X> cases) throws X;

    interface Cases<R, X extends Exception> {
        R scale(Scale action) throws X;

        R rolloutRestart(RolloutRestart action) throws X;

        R cordon(Cordon action) throws X;

        R uncordon(Uncordon action) throws X;

        R mergePatch(MergePatch action) throws X;

        R apply(Apply action) throws X;

        R delete(Delete action) throws X;
    }

    /** Sets the replicas of the target Deployments and StatefulSets. */
    record Scale(WorkloadTarget target, Replicas replicas) implements Action {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.scale(this);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.SCALE;
        }
    }

    /** How many replicas a scale sets. */
    sealed interface Replicas {
        record Fixed(int count) implements Replicas {
        }

        /** The replicas recorded on the primary before the outage. */
        record FromPrimarySnapshot() implements Replicas {
        }
    }

    /** Restarts the target workloads' pods, as {@code kubectl rollout restart} does. */
    record RolloutRestart(WorkloadTarget target) implements Action {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.rolloutRestart(this);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.ROLLOUT_RESTART;
        }
    }

    record Cordon(String node) implements Action {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.cordon(this);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.CORDON;
        }
    }

    record Uncordon(String node) implements Action {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.uncordon(this);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.UNCORDON;
        }
    }

    /** @param patchJson a JSON object, the merge patch */
    record MergePatch(ResourceKind resource, String name, String patchJson) implements Action {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.mergePatch(this);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.MERGE_PATCH;
        }
    }

    /** @param file a manifest, relative to the runbook */
    record Apply(String file) implements Action {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.apply(this);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.APPLY;
        }
    }

    record Delete(ResourceKind resource, String name) implements Action {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.delete(this);
        }

        @Override
        public ActionKind kind() {
            return ActionKind.DELETE;
        }
    }
}
