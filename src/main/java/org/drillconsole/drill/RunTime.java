package org.drillconsole.drill;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as the engine needs it: wall-clock instants for the record, a monotonic clock for durations (so a
 * clock change on the workstation cannot shorten an RTO), and sleeping between check attempts. Tests
 * replace it with a fake.
 */
public interface RunTime {

    Instant now();

    long nanos();

    void sleep(Duration duration) throws InterruptedException;

    RunTime SYSTEM = new RunTime() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
        }
    };
}
