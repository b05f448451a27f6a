package org.drillconsole.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.drillconsole.drill.HumanTime;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.report.RunReport.StepSpan;
import org.drillconsole.model.Words;

/** The words every format shares, so HTML, PDF and Markdown say exactly the same thing. */
public final class ReportText {

    public static final String NONE = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** One labelled fact of the report's header. */
    public record Fact(String label, String value) {
    }

    private ReportText() {
    }

    public static String title(RunReport report) {
        NewRun run = report.run().run();
        return "Run " + report.run().id() + ": " + run.drillTitle();
    }

    /** Runbook, version, clusters, mode, operator, objectives, measured figures, outcome, integrity. */
    public static List<Fact> facts(RunReport report) {
        NewRun run = report.run().run();
        RunSummary s = report.summary();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Runbook", run.drillName() + " (" + run.drillTitle() + ")"));
        facts.add(new Fact("Runbook version", "sha256:" + run.drillHash()));
        facts.add(new Fact("Strategy", run.strategy()));
        if (!run.parameters().isEmpty()) {
            facts.add(new Fact("Parameters", run.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining(", "))));
        }
        facts.add(new Fact("Mode", run.mode().name().toLowerCase()));
        facts.add(new Fact("Operator", run.operator()));
        facts.add(new Fact("Primary cluster", run.primaryContext() + " at " + run.primaryServer()));
        facts.add(new Fact("Standby cluster", run.standbyContext() + " at " + run.standbyServer()));
        facts.add(new Fact("Started", time(report.run().createdAt())));
        facts.add(new Fact("Finished", time(report.run().finishedAt())));
        facts.add(new Fact("Outcome", report.outcome() + (s == null || s.recoveryProblem() == null ? ""
                : ": " + s.recoveryProblem())));
        facts.add(new Fact("RTO", duration(s == null ? null : s.rto()) + " (objective "
                + duration(s == null ? null : s.rtoObjective()) + ")"));
        facts.add(new Fact("RPO", duration(s == null ? null : s.rpo()) + " (objective "
                + duration(s == null ? null : s.rpoObjective()) + ")"));
        facts.add(new Fact("Clock started", time(report.clockStart())));
        if (s != null && s.outageStart() != null) {
            facts.add(new Fact("Outage start", time(s.outageStart()) + ", set by the operator: "
                    + s.outageStartSource()));
        } else if (report.clockStart() != null) {
            facts.add(new Fact("Outage start", "the clock started at the runbook's clock-start step"));
        }
        facts.add(new Fact("Waiting for people / clusters", duration(s == null ? null : s.humanTime()) + " / "
                + duration(s == null ? null : s.clusterTime())));
        facts.add(new Fact("Cleanup", s == null || s.cleanupDone() == null ? "not required"
                : s.cleanupDone() ? "done" : "NOT done: the standby may not be at rest"));
        facts.add(new Fact("Standby size", s == null || s.standbyNodes() == null ? NONE
                : Words.count(s.standbyNodes(), "node") + " when the run started"));
        if (report.preflightOverride() != null) {
            facts.add(new Fact("Preflight overridden", report.preflightOverride()));
        }
        facts.add(new Fact("Evidence", report.events().size() + " events, chain head sha256:" + report.chainHead()
                + (report.chainIntact() ? " (chain intact)"
                : " (CHAIN BROKEN at event " + report.firstBrokenSeq() + ": the journal was edited)")));
        facts.add(new Fact("Report generated", time(report.generatedAt())));
        return facts;
    }

    public static final List<String> STEP_COLUMNS = List.of("Step", "Started", "Took", "Waiting for", "Outcome",
            "What was seen or changed");

    /** One row per step, in the order of {@link #STEP_COLUMNS}. */
    public static List<String> stepRow(StepSpan step) {
        return List.of(step.title() == null || step.title().equals(step.stepId()) ? step.stepId()
                        : step.title() + " (" + step.stepId() + ")",
                time(step.started()), duration(step.duration()),
                step.waitingFor() == null ? NONE : step.waitingFor() == RunReport.WaitingFor.PEOPLE ? "people"
                        : "cluster",
                step.outcome() == null ? "UNFINISHED" : step.outcome().name(),
                String.join("; ", step.observations()) + (step.observations().isEmpty() ? "" : ". ")
                        + (step.detail() == null ? "" : step.detail()));
    }

    public static String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant);
    }

    public static String duration(Duration duration) {
        return duration == null ? NONE : HumanTime.duration(duration);
    }
}
