package org.drillconsole.cluster;

/**
 * The outcome of kubectl's rollout-status logic for one workload.
 *
 * @param done what {@code kubectl rollout status} would report as finished
 * @param failed true when kubectl reports an error (e.g. the progress deadline was exceeded)
 * @param reason a short CamelCase reason
 * @param message kubectl's sentence, without the workload name
 */
public record Rollout(boolean done, boolean failed, String reason, String message) {

    static Rollout done(String reason, String message) {
        return new Rollout(true, false, reason, message);
    }

    static Rollout waiting(String reason, String message) {
        return new Rollout(false, false, reason, message);
    }

    static Rollout failed(String reason, String message) {
        return new Rollout(false, true, reason, message);
    }
}
