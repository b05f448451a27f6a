package org.drillconsole.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The one place the UI sends blocking work (network, files): it runs on background threads and its result
 * comes back on the FX thread.
 */
public class TaskExecutor implements AutoCloseable {

    private final ExecutorService pool;
    private final Executor fxThread;
    /** For {@link #later}: created on first use. */
    private ScheduledExecutorService timer;

    /** Results come back on the JavaFX application thread. */
    public TaskExecutor() {
        this(Platform::runLater);
    }

    /**
     * @param fxThread where results are handed over: the JavaFX application thread in the window, one thread of
     *                 the test's own where a view model is tested without a running toolkit
     */
    public TaskExecutor(Executor fxThread) {
        this.fxThread = fxThread;
        AtomicInteger count = new AtomicInteger();
        // Three threads: a running drill holds one for its whole length, the rest stay free for the window.
        pool = Executors.newFixedThreadPool(3, daemons(() -> "ui-background-" + count.incrementAndGet()));
    }

    /** Daemon threads (the window's close never waits for them), named for thread dumps. */
    private static ThreadFactory daemons(Supplier<String> name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name.get());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Runs {@code work} in the background; once the window has closed (the pool is shut down), work is dropped. */
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (pool.isShutdown()) {
            return; // the window is closing: nothing is left to show a result in
        }
        try {
            submit(work, onSuccess, onFailure);
        } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
            // shut down between the check and the submit: same as above
        }
    }

    private <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pool.execute(() -> {
            try {
                T result = work.call();
                onFxThread(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                onFxThread(() -> onFailure.accept(e));
            }
        });
    }

    /** Hands a result over to the FX thread: for work that runs on threads of its own (probes, replication). */
    public void onFxThread(Runnable update) {
        try {
            fxThread.execute(update);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The window has closed while the work ran (a briefing's dry runs wait for a slow cluster): nothing
            // is left to show the result in.
        }
    }

    /**
     * Runs {@code update} on the FX thread after {@code delay}, unless the window has closed by then. Checked
     * and scheduled under this executor's lock, which {@link #close} takes to stop the timer: nothing is
     * scheduled on a stopped timer, and nothing scheduled outlives the close.
     */
    public synchronized void later(Duration delay, Runnable update) {
        if (pool.isShutdown()) {
            return;
        }
        timer().schedule(whileOpen(update), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code update} on the FX thread every {@code period} until the window closes: a clock's tick. A
     * JavaFX {@code Timeline} would do the same but keeps the toolkit pulsing 60 times a second between its
     * ticks (measured: an idle window with a 1 s Timeline ran a pulse every 16 ms), which costs CPU all the
     * time the window is open; a hand-off once a period makes at most one pulse, and none when nothing changed.
     */
    public synchronized void every(Duration period, Runnable update) {
        if (pool.isShutdown()) {
            return;
        }
        timer().scheduleAtFixedRate(whileOpen(update), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Hands {@code update} to the FX thread unless the window has closed meanwhile. */
    private Runnable whileOpen(Runnable update) {
        return () -> {
            if (!pool.isShutdown()) {
                onFxThread(update);
            }
        };
    }

    /** The timer, created on first use; under this executor's lock. */
    private ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(daemons(() -> "ui-timer"));
        }
        return timer;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        synchronized (this) {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
    }
}
