package org.drillconsole.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.drillconsole.model.ClusterSnapshot;

/** Keeps the latest snapshot a monitor published and waits for one that matches. */
public final class SnapshotRecorder implements Consumer<ClusterSnapshot> {

    private final AtomicReference<ClusterSnapshot> latest = new AtomicReference<>();

    @Override
    public synchronized void accept(ClusterSnapshot snapshot) {
        latest.set(snapshot);
        notifyAll();
    }

    public ClusterSnapshot latest() {
        return latest.get();
    }

    public synchronized ClusterSnapshot await(Predicate<ClusterSnapshot> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (latest.get() == null || !condition.test(latest.get())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching snapshot within " + timeout + "; last: " + describe(latest.get()));
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return latest.get();
    }

    public static String describe(ClusterSnapshot snapshot) {
        return snapshot == null ? "none" : snapshot.side() + " " + snapshot.state() + " " + snapshot.verdict() + " "
                + snapshot.reasons();
    }
}
