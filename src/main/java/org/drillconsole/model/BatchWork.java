package org.drillconsole.model;

import java.time.Instant;

/**
 * A Job or CronJob in the Gitpod namespace and its last result.
 *
 * @param lastRun when it last started (a Job's start, a CronJob's last schedule), or null
 * @param lastSuccess when it last succeeded, or null
 */
public record BatchWork(Kind kind, String name, Status status, String message, Instant lastRun, Instant lastSuccess) {

    public enum Kind {
        JOB("Job"),
        CRONJOB("CronJob");

        private final String display;

        Kind(String display) {
            this.display = display;
        }

        /** The kind as Kubernetes names it. */
        public String display() {
            return display;
        }
    }

    public enum Status {
        /** A Job that completed. */
        SUCCEEDED,
        /** A Job still running, within reason. */
        RUNNING,
        /** A Job running for longer than a Job of its kind should. */
        STUCK,
        /** A Job that failed (backoff limit or deadline reached). */
        FAILED,
        /** A CronJob that runs on its schedule. */
        SCHEDULED,
        /** A CronJob that is suspended. */
        SUSPENDED
    }

    /** A failed or stuck Job. */
    public boolean inTrouble() {
        return status == Status.FAILED || status == Status.STUCK;
    }
}
