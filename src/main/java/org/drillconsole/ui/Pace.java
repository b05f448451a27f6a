package org.drillconsole.ui;

import java.time.Duration;

/**
 * How often the window takes in what changed: a burst of a few hand-overs passes at once, then one per
 * interval (a token bucket). A change after a quiet moment is shown at once; a cluster that changes
 * continuously is shown at the steady rate, so the window keeps time to draw between hand-overs.
 * Pure: the caller gives the time.
 */
public final class Pace {

    private final long intervalNanos;
    private final long burst;
    /** The hand-overs in hand, in nanoseconds of interval (one hand-over = one interval); may go below 0. */
    private long credit;
    private long updatedAt;

    /**
     * @param interval the steady spacing of hand-overs once the burst is spent
     * @param burst    how many hand-overs pass at once after a quiet moment
     * @param now      the time now, in nanoseconds ({@link System#nanoTime()})
     */
    public Pace(Duration interval, int burst, long now) {
        if (interval.isNegative() || interval.isZero() || burst < 1) {
            throw new IllegalArgumentException("a pace needs a positive interval and a burst of at least 1");
        }
        this.intervalNanos = interval.toNanos();
        this.burst = burst;
        this.credit = burst * intervalNanos;
        this.updatedAt = now;
    }

    /**
     * Reserves the next hand-over.
     *
     * @return how long from {@code now} it must wait, in nanoseconds: 0 to go at once
     */
    public synchronized long reserve(long now) {
        credit = Math.min(burst * intervalNanos, credit + Math.max(0, now - updatedAt));
        updatedAt = now;
        credit -= intervalNanos;
        return Math.max(0, -credit);
    }
}
