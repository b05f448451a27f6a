package org.drillconsole.store;

import java.nio.file.Path;
import java.time.Clock;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunMode;

/**
 * A second JVM for the journal tests: {@code hold DIR} opens the journal and keeps it open; {@code write DIR}
 * records a run and appends events as fast as it can, printing each sequence number once it is committed,
 * until it is killed.
 */
public final class JournalWriterProcess {

    private JournalWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (JournalStore store = JournalStore.openIn(Path.of(args[1]), Clock.systemUTC())) {
            if (args[0].equals("hold")) {
                System.out.println("open");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            long run = store.startRun(new NewRun("crash", "Crash test", "0".repeat(64), "pilot-light",
                    RunMode.PRACTICE, "test", "p", "http://p", "s", "http://s"), null).id();
            System.out.println("run " + run);
            for (int i = 0; ; i++) {
                int seq = store.append(run, new org.drillconsole.model.journal.RunEvent.Note("step-" + (i % 7), "event " + i)).seq();
                System.out.println("committed " + seq);
                System.out.flush();
            }
        }
    }

    /** Starts this class in a new JVM with the test classpath. */
    static Process start(String mode, Path dir) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                JournalWriterProcess.class.getName(), mode, dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
