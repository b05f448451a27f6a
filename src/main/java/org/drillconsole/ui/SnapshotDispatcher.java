package org.drillconsole.ui;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.Side;

/**
 * Hands snapshots from the monitor threads to the FX thread, keeping only the newest per side: at most one
 * hand-over is pending at any time, however fast the clusters change, and hand-overs follow a {@link Pace}:
 * a change after a quiet moment is shown at once, a cluster under churn at most {@link #STEADY_RATE} times a
 * second (each hand-over has the panes laid out and drawn again; measured, drawing at every 30 ms snapshot
 * left the window's pulses up to 150-200 ms apart on a large cluster under churn).
 */
public final class SnapshotDispatcher implements Consumer<ClusterSnapshot> {

    /** Steady hand-overs per second while the clusters change continuously. */
    static final int STEADY_RATE = 10;
    /** Hand-overs that pass at once after a quiet moment. */
    static final int BURST = 3;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "snapshot-pace");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs a task after a delay: a timer thread in the window, a recording one in tests. */
    interface Later {
        void run(Runnable task, long delayNanos);
    }

    private final Map<Side, AtomicReference<ClusterSnapshot>> pending = new EnumMap<>(Side.class);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<ClusterSnapshot> onFxThread;
    private final Executor fxThread;
    private final Later later;
    private final LongSupplier clock;
    private final Pace pace;

    /**
     * @param onFxThread what takes in a snapshot, on the FX thread
     * @param fxThread   the hand-off to the FX thread ({@link TaskExecutor#onFxThread})
     */
    public SnapshotDispatcher(Consumer<ClusterSnapshot> onFxThread, Executor fxThread) {
        this(onFxThread, fxThread, (task, delay) -> TIMER.schedule(task, delay, TimeUnit.NANOSECONDS),
                System::nanoTime);
    }

    SnapshotDispatcher(Consumer<ClusterSnapshot> onFxThread, Executor fxThread, Later later, LongSupplier clock) {
        this.onFxThread = onFxThread;
        this.fxThread = fxThread;
        this.later = later;
        this.clock = clock;
        this.pace = new Pace(Duration.ofMillis(1000 / STEADY_RATE), BURST, clock.getAsLong());
        for (Side side : Side.values()) {
            pending.put(side, new AtomicReference<>());
        }
    }

    /** Drops whatever an earlier set of monitors still has in flight (after reconnecting). */
    public void clear() {
        pending.values().forEach(ref -> ref.set(null));
    }

    @Override
    public void accept(ClusterSnapshot snapshot) {
        pending.get(snapshot.side()).set(snapshot);
        if (scheduled.compareAndSet(false, true)) {
            long wait = pace.reserve(clock.getAsLong());
            if (wait == 0) {
                fxThread.execute(this::drain);
            } else {
                later.run(() -> fxThread.execute(this::drain), wait);
            }
        }
    }

    private void drain() {
        scheduled.set(false);
        for (Side side : Side.values()) {
            ClusterSnapshot snapshot = pending.get(side).getAndSet(null);
            if (snapshot != null) {
                onFxThread.accept(snapshot);
            }
        }
    }
}
