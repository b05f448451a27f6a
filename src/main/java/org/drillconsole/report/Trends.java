package org.drillconsole.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunSummary;

/** What the history says over time: RTO and RPO per run against their objectives, and cost per strategy. */
public final class Trends {

    public record Point(long runId, Instant at, Duration value) {
    }

    /** @param objective the newest run's objective (objectives change as runbooks are revised), or null */
    public record Series(List<Point> points, Duration objective) {
    }

    /**
     * Gitpod's "acceptable cost" trade-off in figures: a warmer (bigger) standby buys a shorter RTO.
     *
     * @param medianStandbyNodes null when no run recorded the standby's size
     */
    public record StrategyCost(String strategy, int runs, Duration medianRto, Integer medianStandbyNodes) {
    }

    private Trends() {
    }

    /** The RTO of each run of the runbook that stopped its clock, oldest first. */
    public static Series rto(List<RunRecord> runs, String drill) {
        return series(runs, drill, RunSummary::rto, RunSummary::rtoObjective);
    }

    /** The RPO of each run of the runbook that measured one, oldest first. */
    public static Series rpo(List<RunRecord> runs, String drill) {
        return series(runs, drill, RunSummary::rpo, RunSummary::rpoObjective);
    }

    private static Series series(List<RunRecord> runs, String drill, Function<RunSummary, Duration> value,
                                 Function<RunSummary, Duration> objective) {
        List<Point> points = new ArrayList<>();
        Duration newestObjective = null;
        List<RunRecord> oldestFirst = runs.stream().filter(r -> r.run().drillName().equals(drill) && r.summary() != null)
                .sorted(Comparator.comparing(RunRecord::createdAt)).toList();
        for (RunRecord run : oldestFirst) {
            if (value.apply(run.summary()) != null) {
                points.add(new Point(run.id(), run.createdAt(), value.apply(run.summary())));
            }
            if (objective.apply(run.summary()) != null) {
                newestObjective = objective.apply(run.summary());
            }
        }
        return new Series(List.copyOf(points), newestObjective);
    }

    /** Per strategy, over runs that stopped their clock: how many, their median RTO and standby size. */
    public static List<StrategyCost> byStrategy(List<RunRecord> runs) {
        Map<String, List<RunSummary>> measured = new TreeMap<>();
        for (RunRecord run : runs) {
            if (run.summary() != null && run.summary().rto() != null) {
                measured.computeIfAbsent(run.run().strategy(), s -> new ArrayList<>()).add(run.summary());
            }
        }
        List<StrategyCost> costs = new ArrayList<>();
        measured.forEach((strategy, summaries) -> {
            List<Duration> rtos = summaries.stream().map(RunSummary::rto).sorted().toList();
            List<Integer> nodes = summaries.stream().map(RunSummary::standbyNodes)
                    .filter(java.util.Objects::nonNull).sorted().toList();
            costs.add(new StrategyCost(strategy, summaries.size(), rtos.get(rtos.size() / 2),
                    nodes.isEmpty() ? null : nodes.get(nodes.size() / 2)));
        });
        return costs;
    }
}
