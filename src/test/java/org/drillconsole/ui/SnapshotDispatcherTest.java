package org.drillconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.Side;
import org.drillconsole.model.Verdict;
import org.junit.jupiter.api.Test;

/** Snapshots handed to the FX thread: the newest per side, at a pace; a queue and a clock stand in for both. */
class SnapshotDispatcherTest {

    static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    final ArrayDeque<Runnable> fxQueue = new ArrayDeque<>();
    final List<Long> delays = new ArrayList<>();
    final ArrayDeque<Runnable> delayed = new ArrayDeque<>();
    final List<String> shown = new ArrayList<>();
    long now = 0;
    final SnapshotDispatcher dispatcher = new SnapshotDispatcher(s -> shown.add(s.side() + " " + s.reasons().get(0)),
            fxQueue::add, (task, delay) -> {
                delays.add(delay);
                delayed.add(task);
            }, () -> now);

    static ClusterSnapshot snapshot(Side side, String reason) {
        return new ClusterSnapshot(side, "ctx", "https://k", "gitpod", ConnectionState.ONLINE, "ready",
                Verdict.HEALTHY, List.of(reason), 5, "v1.32.4", NOW, true, true, List.of(), List.of(),
                List.of(), List.of(), "203.0.113.10", 0, List.of(), NOW, List.of(), null);
    }

    void runFxThread() {
        while (!fxQueue.isEmpty()) {
            fxQueue.poll().run();
        }
    }

    @Test
    void onlyTheNewestSnapshotOfEachSideIsShownWhenSeveralArriveBeforeTheFxThreadRuns() {
        dispatcher.accept(snapshot(Side.PRIMARY, "first"));
        dispatcher.accept(snapshot(Side.STANDBY, "standby"));
        dispatcher.accept(snapshot(Side.PRIMARY, "second"));
        assertEquals(1, fxQueue.size(), "one hand-over pending at a time");
        runFxThread();
        assertEquals(List.of("PRIMARY second", "STANDBY standby"), shown);
    }

    @Test
    void aBurstOfChangesIsShownAtOnceThenChangesUnderChurnWaitForTheirTenthOfASecond() {
        for (int i = 0; i < SnapshotDispatcher.BURST; i++) {
            now += MS;
            dispatcher.accept(snapshot(Side.STANDBY, "change " + i));
            assertEquals(1, fxQueue.size(), "change " + i + " handed over at once");
            runFxThread();
        }
        now += MS;
        dispatcher.accept(snapshot(Side.STANDBY, "under churn"));
        dispatcher.accept(snapshot(Side.STANDBY, "newer under churn"));
        assertEquals(0, fxQueue.size(), "the burst is spent");
        // 3 hand-overs spent 300 ms of credit in 4 ms, of which 4 ms came back: 96 ms + 1 ms to wait.
        assertEquals(List.of(97 * MS), delays);
        delayed.poll().run();
        runFxThread();
        assertEquals(List.of("STANDBY change 0", "STANDBY change 1", "STANDBY change 2", "STANDBY newer under churn"),
                shown);
        now += 2000 * MS;
        dispatcher.accept(snapshot(Side.PRIMARY, "after a quiet moment"));
        assertEquals(1, fxQueue.size(), "shown at once again");
    }
}
