package org.drillconsole.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.RunSummary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreTest {

    @TempDir
    Path dir;

    static final NewRun RUN = new NewRun("pilot-light-failover", "Fail over", "ab".repeat(32), "pilot-light",
            RunMode.PRACTICE, "oncall", "practice-primary", "http://127.0.0.1:1", "practice-standby",
            "http://127.0.0.1:2");

    static final RunSummary SUMMARY = new RunSummary(Duration.ofMinutes(7), Duration.ofMinutes(30), null,
            Duration.ofHours(1), Duration.ofMinutes(2), Duration.ofMinutes(5), true, 2,
            Instant.parse("2026-11-25T03:00:00Z"), "PagerDuty alert at 03:00");

    JournalStore open() throws JournalException {
        return JournalStore.openIn(dir, Clock.systemUTC());
    }

    /** Work still under way when a window closes meets a closed journal: it fails, and leaves no H2 trace file. */
    @Test
    void aJournalUsedAfterItClosedFailsAndLeavesOnlyTheJournalInTheDataDirectory() throws Exception {
        JournalStore store = open();
        store.startRun(RUN, "mode practice");
        store.close();
        assertThrows(JournalException.class, store::runs);
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(List.of("journal.mv.db"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void keepsEveryEventOfARunInOrderAcrossReopening() throws Exception {
        long id;
        try (JournalStore store = open()) {
            RunRecord run = store.startRun(RUN, "mode practice");
            id = run.id();
            store.append(id, new RunEvent.StepStarted("declare-outage", "Declare the outage"));
            store.append(id, new RunEvent.StepFinished("declare-outage", RunEvent.StepOutcome.DONE, "done by oncall",
                    Duration.ofSeconds(12), RunEvent.WaitingFor.PEOPLE));
            store.finish(id, new RunEvent.Finished(RunStatus.COMPLETED, "WITHIN_OBJECTIVE", "within objectives"), SUMMARY);
        }
        try (JournalStore store = open()) {
            List<JournalEvent> events = store.events(id);
            assertEquals(List.of("STARTED", "STEP_STARTED", "STEP_FINISHED", "SUMMARY", "COMPLETED"),
                    events.stream().map(JournalEvent::kind).toList());
            RunRecord run = store.runs().get(0);
            assertEquals(RunStatus.COMPLETED, run.status());
            assertEquals(RUN, run.run());
            assertEquals(SUMMARY, run.summary(), "the history columns hold what was measured");
            assertEquals(new RunEvent.Summary(SUMMARY), EventCodec.decode(events.get(3)), "and so does the chained event");
            assertEquals("oncall", ((RunEvent.Started) EventCodec.decode(events.get(0))).run().operator(), "who ran it is chained too");
            assertEquals(-1, EventChain.firstBroken(events));
        }
    }

    @Test
    void ranksStepsByHowLongTheyTookAcrossRuns() throws Exception {
        java.util.concurrent.atomic.AtomicLong seconds = new java.util.concurrent.atomic.AtomicLong();
        Clock ticking = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.parse("2026-11-01T00:00:00Z").plusSeconds(seconds.get());
            }
        };
        try (JournalStore store = JournalStore.openIn(dir, ticking)) {
            for (int minutes : new int[] {4, 8}) {
                long id = store.startRun(RUN, null).id();
                store.append(id, new RunEvent.StepStarted("declare-outage", "Declare the outage"));
                seconds.addAndGet(30);
                store.append(id, new RunEvent.StepFinished("declare-outage", RunEvent.StepOutcome.DONE, "done", null, null));
                store.append(id, new RunEvent.StepStarted("standby-ready", "Standby ready"));
                seconds.addAndGet(minutes * 60L);
                store.append(id, new RunEvent.StepFinished("standby-ready", RunEvent.StepOutcome.DONE, "done", null, null));
            }
            var timings = store.stepTimings("pilot-light-failover");
            assertEquals(List.of("standby-ready", "declare-outage"), timings.stream().map(t -> t.stepId()).toList());
            assertEquals(Duration.ofMinutes(6), timings.get(0).average());
            assertEquals(Duration.ofMinutes(8), timings.get(0).longest());
            assertEquals(2, timings.get(0).runs());
            assertEquals(List.of(), store.stepTimings("failback"));
        }
    }

    @Test
    void keepsTheParameterValuesOfARunInItsRowAndInItsChainedHeader() throws Exception {
        NewRun withValues = new NewRun(RUN.drillName(), RUN.drillTitle(), RUN.drillHash(), RUN.strategy(), RUN.mode(),
                RUN.operator(), RUN.primaryContext(), RUN.primaryServer(), RUN.standbyContext(), RUN.standbyServer(),
                java.util.Map.of("domain", "gitpod.acme.test"));
        long id;
        long without;
        try (JournalStore store = open()) {
            id = store.startRun(withValues, null).id();
            without = store.startRun(RUN, null).id();
        }
        try (JournalStore store = open()) {
            assertEquals(java.util.Map.of("domain", "gitpod.acme.test"), store.run(id).orElseThrow().run().parameters());
            assertEquals(java.util.Map.of("domain", "gitpod.acme.test"),
                    ((RunEvent.Started) EventCodec.decode(store.events(id).get(0))).run().parameters());
            assertEquals(java.util.Map.of(), store.run(without).orElseThrow().run().parameters());
        }
    }

    @Test
    void detectsAnEditedRecord() throws Exception {
        long id;
        try (JournalStore store = open()) {
            id = store.startRun(RUN, null).id();
            store.append(id, new RunEvent.StepFinished("scale-up", RunEvent.StepOutcome.DONE, "scaled 13 workloads", null, null));
            store.append(id, new RunEvent.ClockStopped("gitpod-serves", Duration.ofMinutes(3), null));
        }
        try (var sql = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("journal"), "sa", "")) {
            sql.createStatement().executeUpdate("UPDATE events SET detail = 'scaled 2 workloads' WHERE seq = 2");
        }
        try (JournalStore store = open()) {
            assertEquals(2, EventChain.firstBroken(store.events(id)));
        }
    }

    @Test
    void findsTheRunThatNeverFinished() throws Exception {
        try (JournalStore store = open()) {
            long done = store.startRun(RUN, null).id();
            store.finish(done, new RunEvent.Finished(RunStatus.ABORTED, null, "operator aborted: wrong cluster"), SUMMARY);
            long open = store.startRun(RUN, null).id();
            assertEquals(open, store.unfinishedRun().orElseThrow().id());
        }
    }

    @Test
    void theSchemaAJournalOpensAtWithoutFlywayIsTheNewestMigrationShipped() {
        List<String> shipped = java.util.Arrays.stream(org.flywaydb.core.Flyway.configure()
                        .dataSource("jdbc:h2:mem:shipped", "sa", "").locations("classpath:db/journal").load()
                        .info().all())
                .map(migration -> migration.getVersion().getVersion()).toList();
        assertEquals(shipped.get(shipped.size() - 1), JournalStore.NEWEST_SCHEMA, shipped.toString());
    }

    @Test
    void onlyAJournalWhoseEveryMigrationSucceededUpToTheNewestOpensWithoutFlyway() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("journal");
        try (var empty = DriverManager.getConnection(url, "sa", "")) {
            assertFalse(JournalStore.atNewestSchema(empty), "a new journal");
        }
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/journal")
                .target("4").load().migrate();
        try (var earlier = DriverManager.getConnection(url, "sa", "")) {
            assertFalse(JournalStore.atNewestSchema(earlier), "an earlier version's journal");
        }
        open().close(); // migrates it to the newest
        try (var newest = DriverManager.getConnection(url, "sa", "")) {
            assertTrue(JournalStore.atNewestSchema(newest), "a journal at the newest schema");
            newest.createStatement().executeUpdate(
                    "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '3'");
            assertFalse(JournalStore.atNewestSchema(newest), "a journal with a failed migration");
        }
    }

    @Test
    void refusesASecondInstanceWithAClearMessage() throws Exception {
        try (JournalStore before = open()) {
            before.startRun(RUN, null);
        }
        Process other = JournalWriterProcess.start("hold", dir);
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream()))) {
            assertEquals("open", out.readLine());
            JournalException e = assertThrows(JournalException.class, this::open);
            assertTrue(e.getMessage().contains("in use by another DR Drill Console")
                    && e.getMessage().contains("journal.mv.db"), e.getMessage());
        } finally {
            other.destroyForcibly().waitFor();
        }
        try (JournalStore after = open()) {
            assertEquals(1, after.runs().size(), "what was recorded before is intact");
        }
    }

    @Test
    void explainsADamagedFileAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("journal.mv.db");
        byte[] garbage = "this is not an H2 database, it was overwritten by mistake".repeat(100).getBytes();
        Files.write(file, garbage);
        JournalException e = assertThrows(JournalException.class, this::open);
        assertTrue(e.getMessage().contains("journal.mv.db") && e.getMessage().contains("damaged"), e.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(file));
    }

    @Test
    void explainsADataDirectoryThatCannotBeCreated() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        JournalException e = assertThrows(JournalException.class,
                () -> JournalStore.openIn(file.resolve("data"), Clock.systemUTC()));
        assertTrue(e.getMessage().contains("cannot create the data directory") && e.getMessage().contains("a-file"),
                e.getMessage());
        assertTrue(e.getMessage().contains("a file is in the way"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), "no Java class name: " + e.getMessage());
    }

    @Test
    void explainsAReadOnlyDataDirectory() throws Exception {
        Path readOnly = dir.resolve("ro");
        Files.createDirectories(readOnly);
        assertTrue(readOnly.toFile().setWritable(false, false));
        try {
            Assumptions.assumeFalse(Files.isWritable(readOnly), "root ignores file permissions");
            JournalException e = assertThrows(JournalException.class,
                    () -> JournalStore.openIn(readOnly, Clock.systemUTC()));
            assertTrue(e.getMessage().contains("read-only") && e.getMessage().contains("ro"), e.getMessage());
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }

    @Test
    void aJournalUrlH2CannotOpenIsSaidInH2sWordsWithoutItsErrorCode() {
        String url = "jdbc:h2:" + dir.resolve("journal") + ";FOO=bar";
        JournalException e = assertThrows(JournalException.class, () -> JournalStore.open(url, url, Clock.systemUTC()));
        assertEquals("the journal " + url + " cannot be opened: unsupported connection setting \"FOO\"",
                e.getMessage());
    }
}
