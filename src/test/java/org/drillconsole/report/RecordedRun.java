package org.drillconsole.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import java.util.Map;
import org.drillconsole.model.Side;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.store.JournalStore;

/** A pilot-light failover as the engine journals it, recorded into a real H2 journal with a stepping clock. */
final class RecordedRun {

    static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    static final List<RunEvent.SideHealth> HEALTH = List.of(
            new RunEvent.SideHealth("primary", "prod-eu", "https://10.0.0.1:6443", "UNREACHABLE", "DOWN", 0, 5, 0, "",
                    List.of("API server does not answer"),
                    List.of(new RunEvent.ComponentState("server", "Deployment", "UNKNOWN", 0, 2))),
            new RunEvent.SideHealth("standby", "dr-us", "https://10.1.0.1:6443", "ONLINE", "HEALTHY", 2, 2, 0,
                    "203.0.113.20", List.of(), List.of(new RunEvent.ComponentState("server", "Deployment", "READY", 2, 2))));

    private RecordedRun() {
    }

    /** A clock that moves on by the given step at every reading, so each event has its own time. */
    static Clock stepping(Duration step) {
        AtomicReference<Instant> now = new AtomicReference<>(START);
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.getAndUpdate(t -> t.plus(step));
            }
        };
    }

    /** Records the run and returns it as the journal lists it. */
    static RunRecord record(Path dir, boolean missRto) throws Exception {
        try (JournalStore store = JournalStore.openIn(dir, stepping(Duration.ofSeconds(20)))) {
            RunRecord run = store.startRun(new NewRun("pilot-light-failover", "Fail over to the pilot-light standby",
                    "c7".repeat(32), "pilot-light", RunMode.FAILOVER, "alex", "prod-eu", "https://10.0.0.1:6443",
                    "dr-us", "https://10.1.0.1:6443"), "mode failover");
            long id = run.id();
            store.append(id, new RunEvent.CheckResult("standby-api-answers", true, true, "API server ONLINE (ready)", null));
            store.append(id, new RunEvent.CheckResult("database-replica-within-rpo", true, false, "newest backup 40m old",
                    null));
            store.append(id, new RunEvent.PreflightOverridden("alex", "replica lag is known, go ahead"));
            store.append(id, new RunEvent.StepStarted("declare-outage", "Declare the outage"));
            store.append(id, new RunEvent.ClockStarted(Instant.parse("2026-11-20T09:00:00Z"),
                    Instant.parse("2026-11-20T08:45:00Z"), "PagerDuty alert"));
            store.append(id, new RunEvent.HealthSnapshot(RunEvent.ClockMark.CLOCK_START, HEALTH));
            store.append(id, new RunEvent.StepFinished("declare-outage", RunEvent.StepOutcome.DONE, "done by alex",
                    Duration.ofSeconds(20), RunEvent.WaitingFor.PEOPLE));
            store.append(id, new RunEvent.StepStarted("scale-up-standby", "Bring the standby up"));
            store.append(id, new RunEvent.ActionPlanned("scale-up-standby", "dr-us", "scale server 0 → 2",
                    List.of("scale server 0 → 2")));
            store.append(id, new RunEvent.ActionApplied("scale-up-standby", Side.STANDBY, "scaled 1 workload(s)",
                    Map.of("server", 2)));
            store.append(id, new RunEvent.StepFinished("scale-up-standby", RunEvent.StepOutcome.DONE,
                    "scaled 1 workload(s)", Duration.ofMinutes(1), RunEvent.WaitingFor.CLUSTER));
            store.append(id, new RunEvent.StepStarted("standby-ready", "Every workload on the standby is rolled out"));
            store.append(id, new RunEvent.CheckResult("standby-ready", false, false, "1/2 workloads rolled out", null));
            store.append(id, new RunEvent.StepFinished("standby-ready", RunEvent.StepOutcome.FAILED,
                    "1/2 workloads rolled out", Duration.ofSeconds(40), RunEvent.WaitingFor.CLUSTER));
            store.append(id, new RunEvent.Note("standby-ready", "alex: <proxy> image pull was slow | registry throttled"));
            store.append(id, new RunEvent.StepStarted("shift-dns", "Point DNS at the standby"));
            store.append(id, new RunEvent.StepFinished("shift-dns", RunEvent.StepOutcome.SKIPPED,
                    "skipped by alex: DNS already moved", Duration.ofSeconds(20), RunEvent.WaitingFor.PEOPLE));
            store.append(id, new RunEvent.StepStarted("gitpod-serves", "Gitpod serves again"));
            store.append(id, new RunEvent.StepFinished("gitpod-serves", RunEvent.StepOutcome.DONE, "HTTP 200",
                    Duration.ofSeconds(20), RunEvent.WaitingFor.CLUSTER));
            store.append(id, new RunEvent.ClockStopped("gitpod-serves", Duration.ofMinutes(21),
                    Duration.ofMinutes(missRto ? 10 : 30)));
            store.append(id, new RunEvent.HealthSnapshot(RunEvent.ClockMark.CLOCK_STOP, HEALTH));
            store.append(id, new RunEvent.WarningEvents(List.of(new RunEvent.RecordedWarning("standby",
                    Instant.parse("2026-11-20T09:03:00Z"), "Pod/proxy-1", "BackOff", "Back-off pulling image", 3))));
            RunSummary summary = new RunSummary(Duration.ofMinutes(21), Duration.ofMinutes(missRto ? 10 : 30),
                    Duration.ofMinutes(40), Duration.ofMinutes(15), Duration.ofSeconds(40), Duration.ofMinutes(2),
                    null, 2, Instant.parse("2026-11-20T08:45:00Z"), "PagerDuty alert");
            store.finish(id, new RunEvent.Finished(RunStatus.COMPLETED, summary.verdict().name(), "completed in 21m"), summary);
            return store.run(id).orElseThrow();
        }
    }

    static RunReport report(Path dir) throws Exception {
        RunRecord run = record(dir, false);
        try (JournalStore store = JournalStore.openIn(dir, Clock.systemUTC())) {
            return Reports.load(store, run.id(), Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
        }
    }
}
