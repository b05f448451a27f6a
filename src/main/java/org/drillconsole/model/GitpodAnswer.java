package org.drillconsole.model;

import java.time.Instant;

/**
 * How Gitpod's own URL answered (e.g. {@code https://gitpod.example.com/api/version}), probed beside the API
 * server: the way users come in, seen from this workstation.
 *
 * @param status the HTTP status, or -1 when there was no answer
 * @param latencyMs how long the answer took, or -1 when there was none
 * @param problem why there was no answer, in words, or null
 */
public record GitpodAnswer(String url, int status, long latencyMs, String problem, Instant at) {

    /** Answered with a success or a redirect: Gitpod serves. */
    public boolean serving() {
        return status >= 200 && status < 400;
    }
}
