package org.drillconsole.model.journal;

import java.time.Instant;

public record RunRecord(long id, NewRun run, Instant createdAt, RunStatus status) {
}
