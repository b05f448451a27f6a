package org.drillconsole.ui;

import static org.drillconsole.ui.ConsoleWindow.waitUntil;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.TeamDatabase;
import org.drillconsole.store.TeamReplicator;
import org.drillconsole.support.PostgresServer;
import org.drillconsole.ui.history.HistoryView;
import org.drillconsole.ui.history.HistoryViewModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An incident commander's window: the team's history from PostgreSQL, and a drill another workstation is
 * running, followed read-only as its operator goes.
 */
@ExtendWith(ApplicationExtension.class)
class TeamHistoryViewTest {

    static PostgresServer postgres;
    static TeamDatabase team;

    @TempDir
    static Path dir;
    final TaskExecutor executor = new TaskExecutor();
    final RecordingDialogService dialogs = new RecordingDialogService();
    JournalStore commander;
    HistoryViewModel model;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.startForTests();
        postgres.migrateTeamSchema();
        postgres.createWriter("ic", "ic-pw");
        team = TeamDatabase.of(postgres.url("ic"), name -> "ic-pw");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        commander = JournalStore.openIn(dir.resolve("commander"), Clock.systemUTC()).workstation("ic-desk");
        model = new HistoryViewModel(executor, () -> commander, () -> team, dialogs, Clock.systemUTC());
        stage.setScene(new Scene(new HistoryView(model, dialogs), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
        if (commander != null) {
            commander.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void followsADrillAnotherWorkstationIsRunning(FxRobot robot) throws Exception {
        try (JournalStore operator = JournalStore.openIn(dir.resolve("operator"), Clock.systemUTC())
                .workstation("laptop-sam");
             TeamReplicator replicator = new TeamReplicator(operator, team, s -> { }, Clock.systemUTC()).start()) {
            RunRecord run = operator.startRun(new NewRun("pilot-light-failover", "Fail over to the pilot-light standby",
                    "ef".repeat(32), "pilot-light", RunMode.FAILOVER, "sam", "prod", "https://10.0.0.1:6443", "dr",
                    "https://10.1.0.1:6443", Map.of("domain", "gitpod.acme.test")), "mode failover");
            operator.append(run.id(), new RunEvent.StepStarted("declare-outage", "Declare the outage"));
            replicator.flush(Duration.ofSeconds(20));

            robot.interact(model::refresh);
            TableView<RunRecord> table = robot.lookup("#historyTable").queryAs(TableView.class);
            waitUntil(() -> table.getItems().size() == 1 && model.messageProperty().get().contains("by the team"), 15,
                    () -> String.valueOf(model.messageProperty().get()));
            robot.interact(() -> table.getSelectionModel().select(0));
            waitUntil(() -> robot.lookup("#runTitle").queryAs(Label.class).getText().contains("Fail over"), 10,
                    () -> robot.lookup("#runTitle").queryAs(Label.class).getText());

            // The operator goes on; the commander's window shows it without a click (how fast: TeamBenchmark).
            operator.append(run.id(), new RunEvent.StepFinished("declare-outage", RunEvent.StepOutcome.DONE,
                    "done by sam", Duration.ofSeconds(40), RunEvent.WaitingFor.PEOPLE));
            operator.append(run.id(), new RunEvent.Note(null, "sam: DNS TTL is 5 minutes"));
            waitUntil(() -> robot.lookup("#runDetail").queryAs(javafx.scene.Node.class).lookupAll(".label").stream()
                    .anyMatch(n -> ((Label) n).getText().contains("DNS TTL is 5 minutes")), 10,
                    () -> "the note never showed");
        }
    }
}
