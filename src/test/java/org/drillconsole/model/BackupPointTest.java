package org.drillconsole.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupPointTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    static BackupPoint minutesOld(long minutes) {
        return new BackupPoint("Velero Backup velero/nightly", NOW.minus(Duration.ofMinutes(minutes)));
    }

    @Test
    void aBackupIsWithinTheRpoUpToThreeQuartersOfItNearingUpToItAndPastBeyond() {
        Duration rpo = Duration.ofMinutes(20);
        assertEquals(BackupPoint.Posture.WITHIN, minutesOld(14).against(rpo, NOW));
        assertEquals(BackupPoint.Posture.NEAR, minutesOld(15).against(rpo, NOW));
        assertEquals(BackupPoint.Posture.NEAR, minutesOld(20).against(rpo, NOW));
        assertEquals(BackupPoint.Posture.PAST, minutesOld(21).against(rpo, NOW));
    }

    @Test
    void aBackupFromTheFutureIsNoOlderThanNow() {
        assertEquals(Duration.ZERO, minutesOld(-5).ageAt(NOW));
    }
}
