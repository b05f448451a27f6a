package org.drillconsole.cluster;

import java.time.Instant;
import org.drillconsole.model.ConnectionState;

/**
 * What one fast probe of the API server found.
 *
 * @param latencyMs round-trip time, or -1 when there was no answer
 */
public record ProbeResult(ConnectionState state, String message, long latencyMs, String serverVersion, Instant at) {
}
