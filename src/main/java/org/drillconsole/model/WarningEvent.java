package org.drillconsole.model;

import java.time.Instant;

public record WarningEvent(Instant lastSeen, String object, String reason, String message, int count) {
}
