package org.drillconsole.model.drill;

/** Gitpod's disaster-recovery strategies, and the two drills that go with them. */
public enum Strategy {
    PILOT_LIGHT("pilot-light"),
    BACKUP_RESTORE("backup-restore"),
    FAILBACK("failback"),
    /** Preflight only: nothing is changed and no clock runs. */
    READINESS("readiness");

    private final String key;

    Strategy(String key) {
        this.key = key;
    }

    /** As runbooks write it. */
    public String key() {
        return key;
    }
}
