package org.drillconsole.app;

import java.util.OptionalInt;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * SIGTERM, SIGHUP and SIGINT (a logout, a closed terminal, Ctrl+C, {@code kill}) close the window as its own
 * close does: its layout is kept, the connections and the journal are closed, and the command then ends with
 * 128 + the signal's number, as a process the signal stopped. Left to the JVM, JavaFX's own shutdown hook
 * stopped its renderer under a frame still being drawn and printed a stack trace on the terminal, and the layout
 * was lost. A window still open {@link #GRACE_MS} after the signal, or a second signal a moment later (Ctrl+C
 * pressed again), ends the JVM all the same: a signal must always stop the command. A signal within
 * {@link #SAME_MS} of the first is the same one: a closed terminal or Ctrl+C reaches both JVMs of a
 * {@code java -jar} start, and the first passes it on to this one ({@link FastStart}).
 */
final class WindowSignals {

    static final long GRACE_MS = 10_000;
    static final long SAME_MS = 1_000;

    private final Runnable close;
    private final IntConsumer exit;
    private final LongSupplier nanoTime;
    private volatile int received;
    private long receivedAt;

    /**
     * @param close asks the window to close (from the signal's thread)
     * @param exit ends the JVM with a status, when the window did not close in time or a second signal came
     */
    WindowSignals(Runnable close, IntConsumer exit) {
        this(close, exit, System::nanoTime);
    }

    WindowSignals(Runnable close, IntConsumer exit, LongSupplier nanoTime) {
        this.close = close;
        this.exit = exit;
        this.nanoTime = nanoTime;
    }

    /** Handles the three signals in this JVM from now on ({@link FastStart#onStopSignals}). */
    WindowSignals install() {
        FastStart.onStopSignals(signal -> received(signal.getNumber()));
        return this;
    }

    /** What a signal numbered {@code number} does. */
    synchronized void received(int number) {
        long now = nanoTime.getAsLong();
        if (received != 0) {
            if (now - receivedAt >= SAME_MS * 1_000_000) {
                exit.accept(128 + number);
            }
            return;
        }
        received = number;
        receivedAt = now;
        Thread grace = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MS);
            } catch (InterruptedException e) {
                return;
            }
            exit.accept(128 + number);
        }, "window-close-grace");
        grace.setDaemon(true);
        grace.start();
        close.run();
    }

    /** The command's exit status once the window has closed: 128 + the signal's number, if one closed it. */
    OptionalInt status() {
        int number = received;
        return number == 0 ? OptionalInt.empty() : OptionalInt.of(128 + number);
    }
}
