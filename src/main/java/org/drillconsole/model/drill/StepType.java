package org.drillconsole.model.drill;

/** The step types, as runbooks name them. */
public enum StepType {
    MANUAL("manual"), APPROVAL("approval"), CHECK("check"), ACTION("action");

    private final String key;

    StepType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
