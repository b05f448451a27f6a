package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How long a change waits before the monitor judges it: at once after a quiet spell, paced in a burst. */
class PublishPaceTest {

    @Test
    void aChangeAfterAQuietSpellIsJudgedAtOnce() {
        assertEquals(0, ClusterMonitor.publishDelayMs(Long.MAX_VALUE, 0));
        assertEquals(0, ClusterMonitor.publishDelayMs(5_000, 12));
        assertEquals(0, ClusterMonitor.publishDelayMs(ClusterMonitor.COALESCE_MS, 3));
    }

    @Test
    void aChangeRightAfterASnapshotWaitsForTheRestOfTheInterval() {
        assertEquals(ClusterMonitor.COALESCE_MS, ClusterMonitor.publishDelayMs(0, 3));
        assertEquals(ClusterMonitor.COALESCE_MS - 10, ClusterMonitor.publishDelayMs(10, 3));
    }

    @Test
    void aSlowEvaluationStretchesTheIntervalSoJudgingTakesAtMostHalfACore() {
        assertEquals(200, ClusterMonitor.publishDelayMs(0, 200));
        assertEquals(150, ClusterMonitor.publishDelayMs(50, 200));
        assertEquals(0, ClusterMonitor.publishDelayMs(200, 200));
    }
}
