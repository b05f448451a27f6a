package org.drillconsole.model.journal;

public enum RunStatus {
    RUNNING,
    COMPLETED,
    FAILED,
    ABORTED;

    public boolean finished() {
        return this != RUNNING;
    }
}
