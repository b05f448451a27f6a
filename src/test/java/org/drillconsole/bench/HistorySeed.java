package org.drillconsole.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import org.drillconsole.model.journal.NewRun;
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

    /** A clock the seeder moves by hand, so each run's events carry believable times. */
    private static final class HandClock extends Clock {
        private Instant now;

        HandClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static void seed(Path dir, int count) throws Exception {
        Random random = new Random(42);
        HandClock clock = new HandClock(Instant.parse("2023-06-01T09:00:00Z"));
        String health = "{\"primary\":{\"context\":\"prod\",\"state\":\"ONLINE\",\"verdict\":\"HEALTHY\",\"nodesReady\":5,"
                + "\"nodesTotal\":5,\"runningWorkspaces\":0,\"reasons\":[],\"components\":[]},\"standby\":{\"context\":"
                + "\"dr\",\"state\":\"ONLINE\",\"verdict\":\"IDLE\",\"nodesReady\":2,\"nodesTotal\":2,"
                + "\"runningWorkspaces\":0,\"reasons\":[],\"components\":[]}}";
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
                    store.append(id, "CHECK_RESULT", check, "PASSED", "passed");
                }
                Instant clockStart = null;
                boolean aborted = random.nextInt(12) == 0;
                Duration human = Duration.ZERO;
                Duration cluster = Duration.ZERO;
                for (String[] step : STEPS) {
                    store.append(id, "STEP_STARTED", step[0], null, step[0]);
                    if (clockStart == null) {
                        clockStart = clock.instant();
                        store.append(id, "CLOCK_START", null, null, "at " + clockStart);
                        store.append(id, "HEALTH_SNAPSHOT", null, "CLOCK_START", health);
                    }
                    if (step[1].equals("action")) {
                        store.append(id, "ACTION_PLANNED", step[0], null, "on dr: scale server 0 → 2");
                    }
                    Duration took = Duration.ofSeconds((pilotLight ? 20 : 200) + random.nextInt(pilotLight ? 400 : 2400));
                    clock.advance(took);
                    boolean people = step[1].equals("manual");
                    human = people ? human.plus(took) : human;
                    cluster = people ? cluster : cluster.plus(took);
                    store.append(id, "STEP_FINISHED", step[0], "DONE", "done; took " + took.toSeconds() + "s waiting for "
                            + (people ? "people" : "the cluster"));
                    if (aborted && step[0].equals("standby-ready")) {
                        break;
                    }
                }
                Duration rto = aborted ? null : Duration.between(clockStart, clock.instant());
                if (rto != null) {
                    store.append(id, "CLOCK_STOP", "gitpod-serves", null, "RTO " + rto.toSeconds() + "s");
                    store.append(id, "HEALTH_SNAPSHOT", null, "CLOCK_STOP", health);
                }
                RunSummary summary = new RunSummary(rto, Duration.ofMinutes(pilotLight ? 30 : 240),
                        Duration.ofMinutes(2 + random.nextInt(20)), Duration.ofMinutes(pilotLight ? 15 : 1440), human,
                        cluster, mode == RunMode.FAILOVER ? null : !aborted, pilotLight ? 2 : 0, null, null);
                store.finish(id, aborted ? RunStatus.ABORTED : RunStatus.COMPLETED, summary.verdict(),
                        aborted ? "aborted at standby-ready: drill window over" : "completed", summary);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        seed(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("seeded " + args[1] + " runs into " + args[0]);
    }
}
