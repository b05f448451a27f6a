package org.drillconsole.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what another thread does, failing the test with what was waited for after ten seconds. */
public final class Await {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private Await() {
    }

    public static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + LIMIT.toSeconds() + " s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
