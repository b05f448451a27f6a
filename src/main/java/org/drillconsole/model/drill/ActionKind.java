package org.drillconsole.model.drill;

/** The action kinds, as runbooks name them. */
public enum ActionKind {
    SCALE("scale"),
    ROLLOUT_RESTART("rolloutRestart"),
    CORDON("cordon"),
    UNCORDON("uncordon"),
    MERGE_PATCH("mergePatch"),
    APPLY("apply"),
    DELETE("delete");

    private final String key;

    ActionKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
