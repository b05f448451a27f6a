package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.drillconsole.model.Side;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.store.EventChain;
import org.drillconsole.store.EventCodec;
import org.drillconsole.store.JournalStore;
import org.drillconsole.support.PracticeClustersExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** kill -9 the console in the middle of a drill, then resume: nothing recorded is lost, the clock ran on. */
class DrillResumeTest {

    @RegisterExtension
    static final PracticeClustersExtension practice = new PracticeClustersExtension(Duration.ofMillis(300));

    static final String DRILL = "src/test/resources/drills/practice-scale-up.yaml";

    List<String> args(Path dataDir, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", DRILL,
                "--primary", practice.clusters().kubeconfig(Side.PRIMARY).toString(),
                "--standby", practice.clusters().kubeconfig(Side.STANDBY).toString(),
                "--mode", "practice", "--operator", "alex", "--data-dir", dataDir.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    /** Runs the console in its own JVM, answers up to {@code killAt}, and kills it there without warning. */
    void runAndKill(Path dataDir, List<String[]> script, String killAt) throws Exception {
        runAndStop(dataDir, script, killAt, true);
    }

    /** @param kill SIGKILL when true, else SIGTERM (what Ctrl+C also does: the shutdown hooks run) */
    void runAndStop(Path dataDir, List<String[]> script, String killAt, boolean kill) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(args(dataDir));
        Process console = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (InputStream in = console.getInputStream()) {
                int c;
                while ((c = in.read()) >= 0) {
                    synchronized (seen) {
                        seen.append((char) c);
                        seen.notifyAll();
                    }
                }
            } catch (java.io.IOException ignored) {
                // killed
            }
        });
        reader.start();
        try (OutputStream answers = console.getOutputStream()) {
            for (String[] step : script) {
                await(seen, step[0], console);
                answers.write((step[1] + "\n").getBytes(StandardCharsets.UTF_8));
                answers.flush();
            }
            await(seen, killAt, console);
            if (kill) {
                console.destroyForcibly().waitFor();   // SIGKILL
            } else {
                console.toHandle().destroy();          // SIGTERM; Process.destroy() would also close stdin
                assertTrue(console.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "stopped in time");
            }
        }
        reader.join();
    }

    static void await(StringBuilder seen, String marker, Process console) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        synchronized (seen) {
            while (seen.indexOf(marker) < 0) {
                if (System.nanoTime() > deadline || !console.isAlive()) {
                    throw new AssertionError("never saw \"" + marker + "\":\n" + seen);
                }
                seen.wait(200);
            }
            seen.delete(0, seen.indexOf(marker) + marker.length());
        }
    }

    CliRun resume(Path dataDir, String answers) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args(dataDir, "--resume").toArray(String[]::new));
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void resumesAfterAKillWhileAnActionAwaitsConfirmation() throws Exception {
        Path dataDir = Files.createTempDirectory("resume-a");
        runAndKill(dataDir, List.<String[]>of(new String[] {"abort REASON > ", "done"}),
                "to go ahead > ");
        assertResumes(dataDir, "practice-standby\npractice-standby\n");
    }

    @Test
    void resumesAfterAKillRightAfterTheClockStarted() throws Exception {
        Path dataDir = Files.createTempDirectory("resume-b");
        runAndKill(dataDir, List.of(), "CLOCK_START");
        assertResumes(dataDir, "done\npractice-standby\npractice-standby\n");
    }

    @Test
    void recordsAnAbortWhenInterruptedAtAPrompt() throws Exception {
        Path dataDir = Files.createTempDirectory("interrupt");
        runAndStop(dataDir, List.of(), "abort REASON > ", false);
        try (JournalStore store = JournalStore.openIn(dataDir, Clock.systemUTC())) {
            RunRecord run = store.runs().get(0);
            assertEquals(RunStatus.ABORTED, run.status(), "kept, and recorded as aborted");
            List<JournalEvent> events = store.events(run.id());
            JournalEvent last = events.get(events.size() - 1);
            assertEquals("ABORTED", last.kind());
            assertTrue(last.detail().contains("interrupted (Ctrl+C or SIGTERM)"), last.detail());
            assertEquals(-1, EventChain.firstBroken(events));
        }
    }

    @Test
    void resumesAfterAKillJustAfterTheStandbyWasScaled() throws Exception {
        Path dataDir = Files.createTempDirectory("resume-c");
        runAndKill(dataDir, List.<String[]>of(new String[] {"abort REASON > ", "done"},
                new String[] {"to go ahead > ", "practice-standby"}), "scaled ");
        // If the kill came before the step was journaled as finished, the scale-up is planned and confirmed
        // again (it is idempotent); either way the cleanup needs its confirmation.
        assertResumes(dataDir, "practice-standby\npractice-standby\n");
    }

    @Test
    void resumesAfterAKillOnceTheClockHadStopped() throws Exception {
        Path dataDir = Files.createTempDirectory("resume-d");
        runAndKill(dataDir, List.<String[]>of(new String[] {"abort REASON > ", "done"},
                new String[] {"to go ahead > ", "practice-standby"}), "CLOCK_STOP");
        String stoppedAt;
        try (JournalStore store = JournalStore.openIn(dataDir, Clock.systemUTC())) {
            stoppedAt = store.events(1).stream().filter(e -> e.kind().equals("CLOCK_STOP")).findFirst().orElseThrow()
                    .detail();
        }
        Thread.sleep(2000);
        CliRun resumed = resume(dataDir, "practice-standby\n");
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("RESUMED"), resumed.out());
        try (JournalStore store = JournalStore.openIn(dataDir, Clock.systemUTC())) {
            List<JournalEvent> after = store.events(1);
            assertEquals(RunStatus.COMPLETED, store.runs().get(0).status());
            assertEquals(List.of(stoppedAt), after.stream().filter(e -> e.kind().equals("CLOCK_STOP"))
                    .map(JournalEvent::detail).toList(), "the RTO stays what it was when the clock stopped");
            assertEquals(-1, EventChain.firstBroken(after));
        }
    }

    void assertResumes(Path dataDir, String answers) throws Exception {
        List<JournalEvent> before;
        try (JournalStore store = JournalStore.openIn(dataDir, Clock.systemUTC())) {
            RunRecord run = store.unfinishedRun().orElseThrow();
            before = store.events(run.id());
        }
        Thread.sleep(2000); // the outage does not pause while the console is down
        CliRun resumed = resume(dataDir, answers);
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("RESUMED"), resumed.out());
        try (JournalStore store = JournalStore.openIn(dataDir, Clock.systemUTC())) {
            assertEquals(1, store.runs().size(), "the same run went on");
            RunRecord run = store.runs().get(0);
            assertEquals(RunStatus.COMPLETED, run.status());
            List<JournalEvent> after = store.events(run.id());
            assertEquals(before, after.subList(0, before.size()), "every event recorded before the kill is there");
            assertEquals(-1, EventChain.firstBroken(after));
            assertEquals(1, after.stream().filter(e -> e.kind().equals("CLOCK_START")).count());
            JournalEvent stop = after.stream().filter(e -> e.kind().equals("CLOCK_STOP")).findFirst().orElseThrow();
            Duration rto = ((RunEvent.ClockStopped) EventCodec.decode(stop)).rto();
            assertTrue(rto.compareTo(Duration.ofSeconds(2)) >= 0, "the clock ran on through the restart: " + rto);
        }
    }
}
