package org.drillconsole.sandbox.api;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.drillconsole.sandbox.api.ObjectStore.Change;
import org.drillconsole.sandbox.api.ObjectStore.EventType;

/**
 * One watcher's queue of changes. The store only ever offers (never blocks); an object that starts or
 * stops matching the selector arrives as ADDED or DELETED, as the API server does. A watcher that falls
 * too far behind is ended, and its client lists and watches again.
 */
public final class Watch {

    private static final int MAX_BEHIND = 100_000;
    private static final Change END = new Change(EventType.DELETED, null, null, null, -1);

    private final ApiResource resource;
    private final Selector selector;
    private final LinkedBlockingQueue<Change> queue = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    Watch(ApiResource resource, Selector selector) {
        this.resource = resource;
        this.selector = selector;
    }

    ApiResource resource() {
        return resource;
    }

    void deliver(Change change) {
        boolean now = selector.test(change.object());
        boolean before = change.previous() != null && selector.test(change.previous());
        if (change.type() == EventType.MODIFIED) {
            if (now && !before) {
                offer(new Change(EventType.ADDED, change.resource(), change.object(), null, change.revision()));
            } else if (!now && before) {
                offer(new Change(EventType.DELETED, change.resource(), change.object(), change.previous(),
                        change.revision()));
            } else if (now) {
                offer(change);
            }
        } else if (now || (change.type() == EventType.DELETED && before)) {
            offer(change);
        }
    }

    void offer(Change change) {
        if (ended) {
            return;
        }
        if (queue.size() >= MAX_BEHIND) {
            end();
            return;
        }
        queue.offer(change);
    }

    /**
     * The next change, or null when the watch has ended or {@code timeoutMs} passed without one.
     */
    public Change next(long timeoutMs) throws InterruptedException {
        if (ended && queue.isEmpty()) {
            return null;
        }
        Change change = queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
        return change == END ? null : change;
    }

    public boolean ended() {
        return ended;
    }

    /** Ends the watch: the store forgets it and a waiting {@link #next} returns. */
    public void end() {
        ended = true;
        queue.clear();
        queue.offer(END);
    }
}
