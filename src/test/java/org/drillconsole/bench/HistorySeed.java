package org.drillconsole.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.drillconsole.model.HandClock;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.store.JournalStore;

/**
 * Fills a journal with realistic runs of the shipped runbooks, a few days apart, with the events the engine
 * writes (about 40 per run). For the history benchmark and for looking at the history with many runs:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.drillconsole.bench.HistorySeed -Dexec.args="DIR COUNT"}.
 */
public final class HistorySeed {

    private static final String[][] STEPS = {
            {"declare-outage", "manual"}, {"workspaces-stopped", "check"}, {"stop-primary-ws-manager", "action"},
            {"scale-up-standby", "action"}, {"standby-ready", "check"}, {"shift-dns", "manual"},
            {"dns-on-standby", "check"}, {"gitpod-serves", "check"}};

    private HistorySeed() {
    }


    public static void seed(Path dir, int count) throws Exception {
        Random random = new Random(42);
        HandClock clock = new HandClock(Instant.parse("2023-06-01T09:00:00Z"));
        List<RunEvent.SideHealth> health = List.of(
                new RunEvent.SideHealth("primary", "prod", "", "ONLINE", "HEALTHY", 5, 5, 0, "", List.of(), List.of()),
                new RunEvent.SideHealth("standby", "dr", "", "ONLINE", "IDLE", 2, 2, 0, "", List.of(), List.of()));
        try (JournalStore store = JournalStore.openIn(dir, clock)) {
            for (int i = 0; i < count; i++) {
                clock.advance(Duration.ofHours(12 + random.nextInt(36)));
                boolean pilotLight = random.nextInt(4) != 0;
                RunMode mode = RunMode.values()[random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 8 ? 1 : 2];
                long id = store.startRun(new NewRun(pilotLight ? "pilot-light-failover" : "backup-restore",
                        pilotLight ? "Fail over to the pilot-light standby" : "Restore Gitpod into a new cluster",
                        "c7".repeat(32), pilotLight ? "pilot-light" : "backup-and-restore", mode,
                        new String[] {"alex", "sam", "kim", "jo"}[random.nextInt(4)], "prod", "https://10.0.0.1:6443",
                        "dr", "https://10.1.0.1:6443"), "mode " + mode.name().toLowerCase()).id();
                for (String check : new String[] {"standby-api-answers", "standby-nodes-ready", "standby-matches-primary"}) {
                    store.append(id, new RunEvent.CheckResult(check, true, true, "passed", null));
                }
                Instant clockStart = null;
                boolean aborted = random.nextInt(12) == 0;
                Duration human = Duration.ZERO;
                Duration cluster = Duration.ZERO;
                for (String[] step : STEPS) {
                    store.append(id, new RunEvent.StepStarted(step[0], step[0]));
                    if (clockStart == null) {
                        clockStart = clock.instant();
                        store.append(id, new RunEvent.ClockStarted(clockStart, null, null));
                        store.append(id, new RunEvent.HealthSnapshot(RunEvent.ClockMark.CLOCK_START, health));
                    }
                    if (step[1].equals("action")) {
                        store.append(id, new RunEvent.ActionPlanned(step[0], "dr", "scale server 0 → 2",
                                List.of("scale server 0 → 2")));
                    }
                    Duration took = Duration.ofSeconds((pilotLight ? 20 : 200) + random.nextInt(pilotLight ? 400 : 2400));
                    clock.advance(took);
                    boolean people = step[1].equals("manual");
                    human = people ? human.plus(took) : human;
                    cluster = people ? cluster : cluster.plus(took);
                    store.append(id, new RunEvent.StepFinished(step[0], RunEvent.StepOutcome.DONE, "done", took,
                            people ? RunEvent.WaitingFor.PEOPLE : RunEvent.WaitingFor.CLUSTER));
                    if (aborted && step[0].equals("standby-ready")) {
                        break;
                    }
                }
                Duration rto = aborted ? null : Duration.between(clockStart, clock.instant());
                if (rto != null) {
                    store.append(id, new RunEvent.ClockStopped("gitpod-serves", rto, Duration.ofMinutes(pilotLight ? 30 : 240)));
                    store.append(id, new RunEvent.HealthSnapshot(RunEvent.ClockMark.CLOCK_STOP, health));
                }
                RunSummary summary = new RunSummary(rto, Duration.ofMinutes(pilotLight ? 30 : 240),
                        Duration.ofMinutes(2 + random.nextInt(20)), Duration.ofMinutes(pilotLight ? 15 : 1440), human,
                        cluster, mode == RunMode.FAILOVER ? null : !aborted, pilotLight ? 2 : 0, null, null);
                store.finish(id, new RunEvent.Finished(aborted ? RunStatus.ABORTED : RunStatus.COMPLETED, summary.verdict().name(),
                        aborted ? "aborted at standby-ready: drill window over" : "completed"), summary);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        seed(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("seeded " + args[1] + " runs into " + args[0]);
    }
}
