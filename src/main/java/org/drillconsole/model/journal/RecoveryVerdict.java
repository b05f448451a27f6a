package org.drillconsole.model.journal;

/** What a finished run measured against its objectives, and how its side came back. */
public enum RecoveryVerdict {
    /** The RTO (and the RPO, when known) within the objectives, and the side recovered to HEALTHY. */
    WITHIN_OBJECTIVE("within objectives"),
    /** The RTO or the RPO over its objective, or the clock never stopped. */
    OBJECTIVE_MISSED("objective missed"),
    /** The clock stopped, but the side the run recovered to was not HEALTHY then. */
    RECOVERY_INCOMPLETE("recovery incomplete");

    private final String words;

    RecoveryVerdict(String words) {
        this.words = words;
    }

    /** For people: "within objectives". */
    public String words() {
        return words;
    }
}
