package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.TeamDatabase;
import org.drillconsole.store.TeamReplicator;
import org.drillconsole.support.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history and report read the team database, and fall back to the local journal when it does not answer. */
class TeamCommandsTest {

    static PostgresServer postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.startForTests();
        TeamOptions.environment = name -> name.equals(TeamDatabase.PASSWORD_VARIABLE) ? PostgresServer.ADMIN_PASSWORD
                : null;
        CliRun init = CliRun.of("team-db", "init", "--team-db", postgres.url("postgres"));
        assertEquals(0, init.code(), init.out() + init.err());
        postgres.createWriter("kim", "kim-pw");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        TeamOptions.environment = System::getenv;
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void adminAgain() {
        TeamOptions.environment = name -> name.equals(TeamDatabase.PASSWORD_VARIABLE) ? PostgresServer.ADMIN_PASSWORD
                : null;
    }

    RunRecord recordOn(Path journal, String workstation) throws Exception {
        try (JournalStore store = JournalStore.openIn(journal, Clock.systemUTC()).workstation(workstation);
             TeamReplicator replicator = new TeamReplicator(store, TeamDatabase.of(postgres.url("kim"),
                     name -> "kim-pw"), s -> { }, Clock.systemUTC())) {
            RunRecord run = store.startRun(new NewRun("standby-readiness", "Weekly standby readiness check",
                    "cd".repeat(32), "readiness", RunMode.DRILL, "kim", "prod", "https://10.0.0.1:6443", "dr",
                    "https://10.1.0.1:6443", Map.of("namespace", "gitpod")), "mode drill");
            store.append(run.id(), new RunEvent.CheckResult("standby-api-answers", true, true, "API server ONLINE", null));
            store.finish(run.id(), new RunEvent.Finished(RunStatus.COMPLETED, null, "all 1 preflight checks done"),
                    new RunSummary(null, null, null, null, Duration.ZERO, Duration.ZERO, null, 2, null, null));
            assertEquals(TeamReplicator.Health.UP_TO_DATE, replicator.flush(Duration.ofSeconds(20)).health());
            return run;
        }
    }

    @Test
    void listsEveryWorkstationsRunsAndReportsOneWithTheChainHeadItHadWhereItRan() throws Exception {
        recordOn(dir.resolve("a"), "laptop-kim");
        RunRecord jo = recordOn(dir.resolve("b"), "laptop-jo");
        CliRun history = CliRun.of("history", "--team-db", postgres.url("postgres"), "--data-dir", dir.resolve("a").toString());
        assertEquals(0, history.code(), history.out() + history.err());
        assertTrue(history.out().contains("WORKSTATION") && history.out().contains("laptop-kim")
                && history.out().contains("laptop-jo"), history.out());

        Path json = dir.resolve("jo.json");
        CliRun report = CliRun.of("report", "laptop-jo/" + jo.id(), "--format", "json", "-o", json.toString(),
                "--team-db", postgres.url("postgres"));
        assertEquals(0, report.code(), report.out() + report.err());
        Path local = dir.resolve("jo-local.json");
        CliRun localReport = CliRun.of("report", Long.toString(jo.id()), "--format", "json", "-o", local.toString(),
                "--data-dir", dir.resolve("b").toString());
        assertEquals(0, localReport.code(), localReport.out() + localReport.err());
        CliRun verifyTeam = CliRun.of("report", "verify", json.toString());
        CliRun verifyLocal = CliRun.of("report", "verify", local.toString());
        assertEquals(0, verifyTeam.code(), verifyTeam.out() + verifyTeam.err());
        String head = verifyLocal.out().substring(verifyLocal.out().indexOf("chain head ") + 11).strip();
        assertTrue(verifyTeam.out().contains(head), "the same chain head: " + verifyTeam.out() + " vs " + head);
    }

    @Test
    void fallsBackToThisWorkstationsRunsWhenTheTeamDatabaseRefusesAndSaysSo() throws Exception {
        recordOn(dir.resolve("a"), "laptop-kim");
        TeamOptions.environment = name -> "wrong";
        CliRun history = CliRun.of("history", "--team-db", postgres.url("kim"), "--data-dir", dir.resolve("a").toString());
        assertEquals(0, history.code(), history.out() + history.err());
        assertTrue(history.err().contains("wrong user or password") && history.err().contains("this workstation's runs"),
                history.err());
        assertTrue(history.out().contains("standby-readiness"), history.out());
    }
}
