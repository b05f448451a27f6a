package org.drillconsole.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.TeamDatabase;
import org.drillconsole.store.TeamHistory;
import org.drillconsole.store.TeamReplicator;
import org.drillconsole.support.PostgresServer;

/**
 * The team journal on a real PostgreSQL server on loopback: replication lag (an event committed to the local
 * journal until it is visible in PostgreSQL), catching up 1,000 runs of 40 events recorded while the team
 * database was away, and reading the history of 10,000 runs from 5 workstations. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.drillconsole.bench.TeamBenchmark}.
 */
public final class TeamBenchmark {

    private TeamBenchmark() {
    }

    static final NewRun RUN = new NewRun("pilot-light-failover", "Fail over to the pilot-light standby", "ab".repeat(32),
            "pilot-light", RunMode.DRILL, "alex", "prod", "https://10.0.0.1:6443", "dr", "https://10.1.0.1:6443",
            Map.of("domain", "gitpod.acme.test", "namespace", "gitpod"));

    /** A run of 40 events: started, 18 steps (started and finished), summary and end. */
    static void drill(JournalStore store) throws Exception {
        RunRecord run = store.startRun(RUN, "mode drill");
        for (int i = 0; i < 18; i++) {
            store.append(run.id(), new RunEvent.StepStarted("step-" + i, "Step " + i));
            store.append(run.id(), new RunEvent.StepFinished("step-" + i, RunEvent.StepOutcome.DONE, "done by alex",
                    Duration.ofSeconds(30 + i), RunEvent.WaitingFor.PEOPLE));
        }
        store.append(run.id(), new RunEvent.Note(null, "all good"));
        store.finish(run.id(), new RunEvent.Finished(RunStatus.COMPLETED, "WITHIN_OBJECTIVE", "completed"),
                new RunSummary(Duration.ofMinutes(12), Duration.ofMinutes(30), Duration.ofMinutes(4),
                        Duration.ofMinutes(15), Duration.ofMinutes(9), Duration.ofMinutes(3), true, 2, null, null));
    }

    public static void main(String[] args) throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            postgres.migrateTeamSchema();
            postgres.createWriter("bench", "bench-pw");
            TeamDatabase team = TeamDatabase.of(postgres.url("bench"), name -> "bench-pw");
            Path dir = Files.createTempDirectory("team-bench");
            lag(postgres, team, dir.resolve("lag"));
            catchUp(team, dir.resolve("catch-up"));
            history(team, dir);
        }
        System.exit(0);
    }

    /** Each event's time from its local commit until a reader on another connection sees it in PostgreSQL. */
    static void lag(PostgresServer postgres, TeamDatabase team, Path dir) throws Exception {
        List<Long> lags = new ArrayList<>();
        try (JournalStore store = JournalStore.openIn(dir, Clock.systemUTC());
             TeamReplicator replicator = new TeamReplicator(store, team, s -> { }, Clock.systemUTC()).start();
             Connection reader = postgres.admin("drills");
             PreparedStatement seen = reader.prepareStatement(
                     "SELECT 1 FROM team_events WHERE run_uid = CAST(? AS uuid) AND seq = ?")) {
            RunRecord run = store.startRun(RUN, "lag");
            replicator.flush(Duration.ofSeconds(20));
            for (int i = 0; i < 300; i++) {
                int seq = store.append(run.id(), new RunEvent.Note(null, "event " + i)).seq();
                long committed = System.nanoTime();
                while (true) {
                    seen.setString(1, run.uid());
                    seen.setInt(2, seq);
                    try (ResultSet rows = seen.executeQuery()) {
                        if (rows.next()) {
                            break;
                        }
                    }
                    Thread.sleep(1);
                }
                lags.add((System.nanoTime() - committed) / 1_000);
                Thread.sleep(20); // a drill writes a few events a second, not a stream
            }
        }
        Collections.sort(lags);
        System.out.printf("replication lag, 300 events: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                lags.get(lags.size() / 2) / 1000.0, lags.get(lags.size() * 95 / 100) / 1000.0,
                lags.get(lags.size() - 1) / 1000.0);
    }

    /** 1,000 runs (40,000 events) recorded while the team database was away, then copied. */
    static void catchUp(TeamDatabase team, Path dir) throws Exception {
        try (JournalStore store = JournalStore.openIn(dir, Clock.systemUTC())) {
            long seeding = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                drill(store);
            }
            System.out.printf("recorded locally: 1,000 runs, %d events in %.1f s%n", store.uncopiedCount(),
                    (System.nanoTime() - seeding) / 1e9);
            try (TeamReplicator replicator = new TeamReplicator(store, team, s -> { }, Clock.systemUTC())) {
                long started = System.nanoTime();
                TeamReplicator.State state = replicator.flush(Duration.ofMinutes(5));
                System.out.printf("catch-up of 1,000 runs / 40,000 events: %.1f s (%s)%n",
                        (System.nanoTime() - started) / 1e9, state.describe(java.time.Instant::toString));
            }
        }
    }

    /** 10,000 runs from 5 workstations (the 1,000 above plus 1,800 from each of 5), read as the History tab reads them. */
    static void history(TeamDatabase team, Path dir) throws Exception {
        for (int w = 1; w <= 5; w++) {
            int runs = 1800;
            try (JournalStore store = JournalStore.openIn(dir.resolve("ws-" + w), Clock.systemUTC())
                    .workstation("workstation-" + w);
                 TeamReplicator replicator = new TeamReplicator(store, team, s -> { }, Clock.systemUTC())) {
                for (int i = 0; i < runs; i++) {
                    drill(store);
                }
                replicator.flush(Duration.ofMinutes(10));
            }
        }
        for (int round = 0; round < 5; round++) {
            long started = System.nanoTime();
            int count;
            try (TeamHistory history = TeamHistory.open(team)) {
                count = history.runs().size();
            }
            System.out.printf("history of %,d runs from the team database: %.2f s%n", count,
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
