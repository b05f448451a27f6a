package org.drillconsole.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.store.JournalStore;

/** A pilot-light failover as the engine journals it, recorded into a real H2 journal with a stepping clock. */
final class RecordedRun {

    static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    static final String HEALTH = """
            {"primary":{"context":"prod-eu","server":"https://10.0.0.1:6443","state":"UNREACHABLE","verdict":"DOWN",\
            "nodesReady":0,"nodesTotal":5,"runningWorkspaces":0,"reasons":["API server does not answer"],\
            "components":[{"name":"server","kind":"Deployment","status":"UNKNOWN","ready":0,"desired":2}]},\
            "standby":{"context":"dr-us","server":"https://10.1.0.1:6443","state":"ONLINE","verdict":"HEALTHY",\
            "nodesReady":2,"nodesTotal":2,"runningWorkspaces":0,"reasons":[],\
            "components":[{"name":"server","kind":"Deployment","status":"READY","ready":2,"desired":2}]}}""";

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
            store.append(id, "CHECK_RESULT", "standby-api-answers", "PASSED", "API server ONLINE (ready)");
            store.append(id, "CHECK_RESULT", "database-replica-within-rpo", "FAILED", "newest backup 40m old");
            store.append(id, "PREFLIGHT_OVERRIDDEN", null, null, "by alex: replica lag is known, go ahead");
            store.append(id, "STEP_STARTED", "declare-outage", null, "Declare the outage");
            store.append(id, "CLOCK_START", null, "BACKDATED",
                    "outage started 2026-11-20T08:45:00Z (15m before the clock was started): PagerDuty alert");
            store.append(id, "HEALTH_SNAPSHOT", null, "CLOCK_START", HEALTH);
            store.append(id, "STEP_FINISHED", "declare-outage", "DONE", "done by alex; took 20s waiting for people");
            store.append(id, "STEP_STARTED", "scale-up-standby", null, "Bring the standby up");
            store.append(id, "ACTION_PLANNED", "scale-up-standby", null, "on dr-us: scale server 0 → 2");
            store.append(id, "ACTION_RESULT", "scale-up-standby", "APPLIED", "scaled 1 workload(s)");
            store.append(id, "STEP_FINISHED", "scale-up-standby", "DONE",
                    "scaled 1 workload(s); took 1m waiting for the cluster");
            store.append(id, "STEP_STARTED", "standby-ready", null, "Every workload on the standby is rolled out");
            store.append(id, "CHECK_RESULT", "standby-ready", "FAILED", "1/2 workloads rolled out");
            store.append(id, "STEP_FINISHED", "standby-ready", "FAILED", "1/2 workloads rolled out; took 40s "
                    + "waiting for the cluster");
            store.append(id, "NOTE", "standby-ready", null, "alex: <proxy> image pull was slow | registry throttled");
            store.append(id, "STEP_STARTED", "shift-dns", null, "Point DNS at the standby");
            store.append(id, "STEP_FINISHED", "shift-dns", "SKIPPED", "skipped by alex: DNS already moved; took "
                    + "20s waiting for people");
            store.append(id, "STEP_STARTED", "gitpod-serves", null, "Gitpod serves again");
            store.append(id, "STEP_FINISHED", "gitpod-serves", "DONE", "HTTP 200; took 20s waiting for the cluster");
            store.append(id, "CLOCK_STOP", "gitpod-serves", missRto ? "OBJECTIVE_MISSED" : "WITHIN_OBJECTIVE",
                    "RTO 21m");
            store.append(id, "HEALTH_SNAPSHOT", null, "CLOCK_STOP", HEALTH);
            store.append(id, "WARNING_EVENTS", null, null, """
                    {"primary":[],"standby":[{"lastSeen":"2026-11-20T09:03:00Z","object":"Pod/proxy-1",\
                    "reason":"BackOff","message":"Back-off pulling image","count":3}]}""");
            RunSummary summary = new RunSummary(Duration.ofMinutes(21), Duration.ofMinutes(missRto ? 10 : 30),
                    Duration.ofMinutes(40), Duration.ofMinutes(15), Duration.ofSeconds(40), Duration.ofMinutes(2),
                    null, 2, Instant.parse("2026-11-20T08:45:00Z"), "PagerDuty alert");
            store.finish(id, RunStatus.COMPLETED, summary.verdict(), "completed in 21m", summary);
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
