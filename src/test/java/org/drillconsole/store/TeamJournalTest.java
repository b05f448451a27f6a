package org.drillconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.support.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team journal against a real PostgreSQL server that the test starts, stops and restarts. */
class TeamJournalTest {

    static PostgresServer postgres;
    static int writers;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.startForTests();
        postgres.migrateTeamSchema();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A new login role that writes as the consoles do, and the database as it sees it. */
    static TeamDatabase writer() throws Exception {
        String user = "oncall" + (++writers);
        postgres.createWriter(user, user + "-pw");
        return TeamDatabase.of(postgres.url(user), name -> name.equals(TeamDatabase.PASSWORD_VARIABLE) ? user + "-pw"
                : null);
    }

    static final NewRun RUN = new NewRun("pilot-light-failover", "Fail over", "ab".repeat(32), "pilot-light",
            RunMode.PRACTICE, "alex", "practice-primary", "http://127.0.0.1:1", "practice-standby", "http://127.0.0.1:2",
            Map.of("domain", "gitpod.example.com"));

    /** Records a short run of {@code steps} steps, finished. */
    static RunRecord drill(JournalStore store, int steps) throws Exception {
        RunRecord run = store.startRun(RUN, "mode practice");
        for (int i = 0; i < steps; i++) {
            store.append(run.id(), new RunEvent.StepStarted("step-" + i, "Step " + i));
            store.append(run.id(), new RunEvent.StepFinished("step-" + i, RunEvent.StepOutcome.DONE, "done",
                    Duration.ofSeconds(i), RunEvent.WaitingFor.PEOPLE));
        }
        store.finish(run.id(), new RunEvent.Finished(RunStatus.COMPLETED, null, "completed"), new RunSummary(null, null,
                null, null, Duration.ZERO, Duration.ZERO, null, 2, null, null));
        return run;
    }

    static List<String[]> teamEvents(String uid) throws SQLException {
        List<String[]> events = new ArrayList<>();
        try (Connection admin = postgres.admin("drills"); Statement sql = admin.createStatement();
             ResultSet rows = sql.executeQuery("SELECT seq, hash FROM team_events WHERE run_uid = '" + uid
                     + "' ORDER BY seq")) {
            while (rows.next()) {
                events.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return events;
    }

    @Test
    void copiesEveryEventInOrderAndCopyingTwiceChangesNothing() throws Exception {
        try (JournalStore store = JournalStore.openIn(dir, Clock.systemUTC());
             TeamReplicator replicator = new TeamReplicator(store, writer(), s -> { }, Clock.systemUTC())) {
            RunRecord run = drill(store, 5);
            assertEquals(TeamReplicator.Health.UP_TO_DATE, replicator.flush(Duration.ofSeconds(20)).health(),
                    replicator.state().describe(java.time.Instant::toString));
            List<JournalEvent> local = store.events(run.id());
            List<String[]> team = teamEvents(run.uid());
            assertEquals(local.size(), team.size());
            for (int i = 0; i < local.size(); i++) {
                assertEquals(Integer.toString(local.get(i).seq()), team.get(i)[0]);
                assertEquals(local.get(i).hash(), team.get(i)[1], "event " + (i + 1) + " is what was recorded here");
            }
            // Forget what was copied: copying it all again adds nothing and changes nothing.
            store.markCopied(run.id(), 0);
            assertEquals(TeamReplicator.Health.UP_TO_DATE, replicator.flush(Duration.ofSeconds(20)).health());
            assertEquals(local.size(), teamEvents(run.uid()).size());
        }
    }

    @Test
    void catchesUpAfterTheServerWasStoppedMidDrillAndRestarted() throws Exception {
        try (JournalStore store = JournalStore.openIn(dir, Clock.systemUTC());
             TeamReplicator replicator = new TeamReplicator(store, writer(), s -> { }, Clock.systemUTC()).start()) {
            RunRecord run = store.startRun(RUN, "mode practice");
            store.append(run.id(), new RunEvent.StepStarted("declare", "Declare the outage"));
            assertEquals(TeamReplicator.Health.UP_TO_DATE, replicator.flush(Duration.ofSeconds(20)).health());
            postgres.stopServer();
            try {
                // The drill goes on: every event is committed here first, whatever the team database does.
                for (int i = 0; i < 40; i++) {
                    store.append(run.id(), new RunEvent.Note("declare", "while the team database is down " + i));
                }
                TeamReplicator.State down = replicator.flush(Duration.ofSeconds(3));
                assertEquals(TeamReplicator.Health.UNREACHABLE, down.health(), down.describe(java.time.Instant::toString));
                assertTrue(down.pending() >= 40, down.describe(java.time.Instant::toString));
                assertTrue(down.describe(java.time.Instant::toString).contains("unreachable since"), down.describe(java.time.Instant::toString));
            } finally {
                postgres.startServer();
            }
            store.append(run.id(), new RunEvent.Note("declare", "back"));
            assertEquals(TeamReplicator.Health.UP_TO_DATE, replicator.flush(Duration.ofSeconds(30)).health(),
                    replicator.state().describe(java.time.Instant::toString));
            assertEquals(store.events(run.id()).size(), teamEvents(run.uid()).size());
        }
    }

    @Test
    void twoWorkstationsRecordDrillsAtOnceIntoOneHistory() throws Exception {
        TeamDatabase team = writer();
        ExecutorService both = Executors.newFixedThreadPool(2);
        List<Future<RunRecord>> runs = new ArrayList<>();
        for (String workstation : List.of("laptop-kim", "laptop-jo")) {
            Path journal = dir.resolve(workstation);
            runs.add(both.submit(() -> {
                try (JournalStore store = JournalStore.openIn(journal, Clock.systemUTC()).workstation(workstation);
                     TeamReplicator replicator = new TeamReplicator(store, team, s -> { }, Clock.systemUTC()).start()) {
                    RunRecord run = drill(store, 20);
                    assertEquals(TeamReplicator.Health.UP_TO_DATE, replicator.flush(Duration.ofSeconds(30)).health());
                    return run;
                }
            }));
        }
        for (Future<RunRecord> run : runs) {
            run.get();
        }
        both.shutdown();
        try (TeamHistory history = TeamHistory.open(team)) {
            List<RunRecord> all = history.runs();
            RunRecord kim = history.run("laptop-kim/1").orElseThrow();
            RunRecord jo = history.run("laptop-jo/1").orElseThrow();
            assertTrue(all.stream().anyMatch(r -> r.uid().equals(kim.uid())) && all.stream()
                    .anyMatch(r -> r.uid().equals(jo.uid())));
            assertEquals(RunStatus.COMPLETED, kim.status());
            assertEquals("alex", kim.run().operator());
            assertEquals(Map.of("domain", "gitpod.example.com"), kim.run().parameters());
            assertEquals(42 + 1, history.events(kim).size(), "started, 40 step events, summary and the end");
            assertEquals(-1, EventChain.firstBroken(history.events(jo)), "the chain verifies from the team database");
        }
    }

    @Test
    void theConsolesRoleMayNotChangeOrDeleteWhatWasRecorded() throws Exception {
        TeamDatabase team = writer();
        try (JournalStore store = JournalStore.openIn(dir, Clock.systemUTC());
             TeamReplicator replicator = new TeamReplicator(store, team, s -> { }, Clock.systemUTC())) {
            drill(store, 1);
            replicator.flush(Duration.ofSeconds(20));
        }
        try (Connection writer = team.connect(); Statement sql = writer.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> sql.executeUpdate(
                    "UPDATE team_events SET detail = 'edited'"));
            assertEquals("42501", update.getSQLState(), update.getMessage());
            writer.rollback();
            SQLException delete = assertThrows(SQLException.class, () -> sql.executeUpdate("DELETE FROM team_runs"));
            assertEquals("42501", delete.getSQLState(), delete.getMessage());
            writer.rollback();
            assertTrue(TeamDatabase.explain(update).getMessage().contains("may not do that"));
        }
    }

    @Test
    void aWrongPasswordIsSaidPlainlyWhileTheDrillGoesOn() throws Exception {
        writer();
        String user = "oncall" + writers;
        TeamDatabase wrong = TeamDatabase.of(postgres.url(user), name -> "not-the-password");
        try (JournalStore store = JournalStore.openIn(dir, Clock.systemUTC());
             TeamReplicator replicator = new TeamReplicator(store, wrong, s -> { }, Clock.systemUTC()).start()) {
            RunRecord run = drill(store, 3);
            TeamReplicator.State state = replicator.flush(Duration.ofSeconds(10));
            assertEquals(TeamReplicator.Health.REFUSED, state.health(), state.describe(java.time.Instant::toString));
            assertTrue(state.describe(java.time.Instant::toString).contains("wrong user or password"), state.describe(java.time.Instant::toString));
            assertTrue(!state.describe(java.time.Instant::toString).contains("not-the-password"), "the password is never said");
            assertEquals(RunStatus.COMPLETED, store.run(run.id()).orElseThrow().status(), "recorded here all the same");
        }
    }

    @Test
    void aTeamDatabaseThatNeverAnswersIsUnreachableWithinItsTimeoutsWhileTheDrillGoesOn() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepts, never answers
                    }
                } catch (java.io.IOException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            TeamDatabase hanging = TeamDatabase.of("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort()
                    + "/drills?user=oncall", name -> null);
            try (JournalStore store = JournalStore.openIn(dir, Clock.systemUTC());
                 TeamReplicator replicator = new TeamReplicator(store, hanging, s -> { }, Clock.systemUTC()).start()) {
                long started = System.nanoTime();
                RunRecord run = drill(store, 3);
                assertTrue(System.nanoTime() - started < Duration.ofSeconds(2).toNanos(),
                        "recording never waits for the team database");
                TeamReplicator.State state = replicator.flush(Duration.ofSeconds(20));
                assertEquals(TeamReplicator.Health.UNREACHABLE, state.health(), state.describe(java.time.Instant::toString));
                assertTrue(state.describe(java.time.Instant::toString).contains("does not answer"), state.describe(java.time.Instant::toString));
                assertEquals(RunStatus.COMPLETED, store.run(run.id()).orElseThrow().status());
            }
        }
    }

    @Test
    void copiesOverTlsWithTheServerVerifiedAndRefusesAServerItCannotVerify() throws Exception {
        Path ca = postgres.enableTls();
        writer();
        String user = "oncall" + writers;
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/drills?user=" + user + "&sslmode=verify-full"
                + "&sslrootcert=" + ca;
        TeamDatabase verified = TeamDatabase.of(url, name -> user + "-pw");
        try (JournalStore store = JournalStore.openIn(dir.resolve("tls"), Clock.systemUTC());
             TeamReplicator replicator = new TeamReplicator(store, verified, s -> { }, Clock.systemUTC())) {
            RunRecord run = drill(store, 2);
            assertEquals(TeamReplicator.Health.UP_TO_DATE, replicator.flush(Duration.ofSeconds(20)).health(),
                    replicator.state().describe(java.time.Instant::toString));
            assertEquals(store.events(run.id()).size(), teamEvents(run.uid()).size());
        }
        try (Connection admin = postgres.admin("drills"); Statement sql = admin.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM pg_stat_ssl WHERE ssl")) {
            rows.next();
            assertTrue(rows.getLong(1) >= 1, "the admin's own connection is encrypted too: TLS is on");
        }
        // Another CA than the server's: the server cannot be verified, and the console says so.
        Path otherDir = Files.createDirectories(dir.resolve("other-ca"));
        Path strangerCa = otherDir.resolve("ca.crt");
        new ProcessBuilder("openssl", "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=someone else",
                "-keyout", otherDir.resolve("k").toString(), "-out", strangerCa.toString()).redirectErrorStream(true)
                .redirectOutput(otherDir.resolve("log").toFile()).start().waitFor();
        TeamDatabase unverifiable = TeamDatabase.of(url.replace(ca.toString(), strangerCa.toString()), name -> user + "-pw");
        try (JournalStore store = JournalStore.openIn(dir.resolve("tls-refused"), Clock.systemUTC());
             TeamReplicator replicator = new TeamReplicator(store, unverifiable, s -> { }, Clock.systemUTC())) {
            drill(store, 1);
            TeamReplicator.State state = replicator.flush(Duration.ofSeconds(10));
            assertEquals(TeamReplicator.Health.REFUSED, state.health(), state.describe(java.time.Instant::toString));
            assertTrue(state.describe(java.time.Instant::toString).contains("TLS was refused"), state.describe(java.time.Instant::toString));
        }
    }

    @Test
    void aUrlWithAPasswordIsRefusedBeforeAnythingConnects() {
        TeamDatabase.TeamDbException e = assertThrows(TeamDatabase.TeamDbException.class, () -> TeamDatabase.of(
                "jdbc:postgresql://db:5432/drills?user=oncall&password=hunter2", name -> null));
        assertTrue(e.getMessage().contains("~/.pgpass") && !e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void theWritersCannotReachTheDatabaseWithoutTheirRole() throws Exception {
        try (Connection admin = postgres.admin("drills"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE stranger LOGIN PASSWORD 'stranger-pw'");
        }
        try (Connection stranger = DriverManager.getConnection(postgres.url("stranger"), "stranger", "stranger-pw");
             Statement sql = stranger.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> sql.executeQuery("SELECT * FROM team_events"));
            assertEquals("42501", e.getSQLState());
        }
    }
}
