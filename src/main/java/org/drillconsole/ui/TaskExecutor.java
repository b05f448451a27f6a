package org.drillconsole.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one place the UI sends blocking work (network, files): it runs on background threads and its result
 * comes back on the FX thread.
 */
public class TaskExecutor implements AutoCloseable {

    private final ExecutorService pool;

    public TaskExecutor() {
        AtomicInteger count = new AtomicInteger();
        // Three threads: a running drill holds one for its whole length, the rest stay free for the window.
        pool = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "ui-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
