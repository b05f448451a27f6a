package org.drillconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Work handed to the executor comes back through the FX hand-off, also when it is asked for later. */
class TaskExecutorTest {

    @Test
    void somethingAskedForLaterRunsThroughTheFxHandOffAfterItsDelay() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        Thread[] where = new Thread[1];
        try (TaskExecutor executor = new TaskExecutor(task -> {
            where[0] = Thread.currentThread();
            task.run();
        })) {
            long asked = System.nanoTime();
            executor.later(Duration.ofMillis(200), ran::countDown);
            assertTrue(ran.await(10, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - asked >= Duration.ofMillis(200).toNanos(), "not before its delay");
            assertEquals("ui-timer", where[0].getName());
        }
    }

    @Test
    void nothingAskedForLaterRunsOnceTheWindowHasClosed() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        TaskExecutor executor = new TaskExecutor(Runnable::run);
        executor.later(Duration.ofMillis(200), ran::countDown);
        executor.close();
        assertFalse(ran.await(1, TimeUnit.SECONDS));
        executor.later(Duration.ZERO, ran::countDown);
        assertFalse(ran.await(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void aTickComesThroughTheFxHandOffEveryPeriodUntilTheWindowCloses() throws Exception {
        java.util.concurrent.atomic.AtomicInteger handedOver = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        TaskExecutor executor = new TaskExecutor(task -> {
            handedOver.incrementAndGet();
            task.run();
        });
        long started = System.nanoTime();
        executor.every(Duration.ofMillis(100), three::countDown);
        assertTrue(three.await(10, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(300).toNanos(), "one tick a period, not sooner");
        executor.close();
        int atClose = handedOver.get();
        Thread.sleep(400);
        assertTrue(handedOver.get() <= atClose + 1, "at most a tick already under way after the close");
        executor.every(Duration.ofMillis(10), three::countDown);
        Thread.sleep(100);
        assertTrue(handedOver.get() <= atClose + 1, "nothing starts ticking after the close");
    }
}
