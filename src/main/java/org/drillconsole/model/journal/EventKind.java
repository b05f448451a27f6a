package org.drillconsole.model.journal;

/** The kinds of run event, as the journal's kind column holds them. */
public enum EventKind {
    STARTED, STEP_STARTED, STEP_FINISHED, CHECK_RESULT, ACTION_PLANNED, ACTION_RESULT, CLOCK_START, CLOCK_STOP, NOTE,
    STEP_RETRIED, PREFLIGHT_OVERRIDDEN, RESUMED, BACKUP_TIME_ENTERED, PRIMARY_REPLICAS, RPO, HEALTH_SNAPSHOT,
    WARNING_EVENTS, SUMMARY, COMPLETED, FAILED, ABORTED,
    /** Written by a newer console. */
    UNKNOWN
}
