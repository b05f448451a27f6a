package org.drillconsole.ui;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.Side;

/**
 * Hands snapshots from the monitor threads to the FX thread, keeping only the newest per side: at most one
 * {@code Platform.runLater} is pending at any time, however fast the clusters change.
 */
public final class SnapshotDispatcher implements Consumer<ClusterSnapshot> {

    private final Map<Side, AtomicReference<ClusterSnapshot>> pending = new EnumMap<>(Side.class);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<ClusterSnapshot> onFxThread;

    public SnapshotDispatcher(Consumer<ClusterSnapshot> onFxThread) {
        this.onFxThread = onFxThread;
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
            Platform.runLater(this::drain);
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
