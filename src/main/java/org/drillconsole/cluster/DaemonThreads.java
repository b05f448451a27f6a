package org.drillconsole.cluster;

import java.util.concurrent.ThreadFactory;

/** Threads of the cluster layer: daemons (a JVM never waits for them to exit), named for thread dumps. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Daemon threads, every one named {@code name}. */
    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
