package org.drillconsole.cluster;

import java.time.Instant;
import org.drillconsole.model.ConnectionState;

/**
 * What one fast probe of the API server found.
 *
 * @param latencyMs round-trip time, or -1 when there was no answer
 */
public record ProbeResult(ConnectionState state, String message, long latencyMs, String serverVersion, Instant at) {

    /** When the API server was last heard from, if this probe heard it (a 403 is an answer too), else null. */
    public Instant contact() {
        return state.answers() || state == ConnectionState.FORBIDDEN ? at : null;
    }
}
