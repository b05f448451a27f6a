package org.drillconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PaceTest {

    static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void aBurstAfterAQuietMomentPassesAtOnceThenHandOversAreSpacedByTheInterval() {
        Pace pace = new Pace(Duration.ofMillis(100), 3, 0);
        assertEquals(0, pace.reserve(0));
        assertEquals(0, pace.reserve(MS));
        assertEquals(0, pace.reserve(2 * MS));
        assertEquals(100 * MS - 3 * MS, pace.reserve(3 * MS), "the burst is spent: wait for the next slot");
    }

    @Test
    void changesEveryThirtyMillisecondsAreHandedOverTenTimesASecond() {
        Pace pace = new Pace(Duration.ofMillis(100), 3, 0);
        long now = 0;
        int handedOver = 0;
        // As the dispatcher uses it: one reservation pending at a time, the next asked for when it is done.
        while (now < 10_000 * MS) {
            now += pace.reserve(now);
            handedOver++;
            now += 30 * MS;
        }
        assertEquals(100 + 3, handedOver, 10, "10 a second over 10 s, and the first burst");
    }

    @Test
    void aChangeAfterAQuietSecondIsShownAtOnceAgain() {
        Pace pace = new Pace(Duration.ofMillis(100), 3, 0);
        for (int i = 0; i < 5; i++) {
            pace.reserve(0);
        }
        assertEquals(0, pace.reserve(2000 * MS));
    }

    @Test
    void aPaceNeedsAnIntervalAndABurst() {
        assertThrows(IllegalArgumentException.class, () -> new Pace(Duration.ZERO, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new Pace(Duration.ofMillis(100), 0, 0));
    }
}
