package org.drillconsole.model;

/** One word per cluster, worst first when ordered descending by severity. */
public enum Verdict {
    HEALTHY(0),
    IDLE(0),
    DEGRADED(1),
    DOWN(2),
    UNKNOWN(2);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    /** Exit code of the {@code health} command for this verdict. */
    public int exitCode() {
        return exitCode;
    }
}
