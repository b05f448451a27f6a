package org.drillconsole.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.RunSummary;
import org.junit.jupiter.api.Test;

class TrendsTest {

    static RunRecord run(long id, String drill, String strategy, String day, Integer rtoMinutes, int objective,
                         Integer nodes) {
        RunSummary summary = new RunSummary(rtoMinutes == null ? null : Duration.ofMinutes(rtoMinutes),
                Duration.ofMinutes(objective), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ZERO,
                Duration.ZERO, true, nodes, null, null);
        return new RunRecord(id, new NewRun(drill, drill, "ab".repeat(32), strategy, RunMode.DRILL, "a", "p", "u", "s",
                "u"), Instant.parse(day + "T10:00:00Z"), RunStatus.COMPLETED, Instant.parse(day + "T11:00:00Z"), summary);
    }

    final List<RunRecord> runs = List.of(
            run(3, "pilot-light-failover", "pilot-light", "2026-11-03", 12, 20, 2),
            run(1, "pilot-light-failover", "pilot-light", "2026-11-01", 25, 30, 2),
            run(2, "pilot-light-failover", "pilot-light", "2026-11-02", null, 30, 2),
            run(4, "backup-restore", "backup-and-restore", "2026-11-04", 180, 240, 0),
            run(5, "backup-restore", "backup-and-restore", "2026-11-05", 140, 240, null));

    @Test
    void plotsTheRtoOfEachRunOldestFirstAgainstTheNewestObjective() {
        Trends.Series rto = Trends.rto(runs, "pilot-light-failover");
        assertEquals(List.of(1L, 3L), rto.points().stream().map(Trends.Point::runId).toList(),
                "run 2 never stopped its clock");
        assertEquals(Duration.ofMinutes(20), rto.objective());
        assertEquals(3, Trends.rpo(runs, "pilot-light-failover").points().size());
        assertEquals(List.of(), Trends.rto(runs, "failback").points());
        assertNull(Trends.rto(runs, "failback").objective());
    }

    @Test
    void setsEachStrategysTypicalRtoBesideItsStandbySize() {
        List<Trends.StrategyCost> costs = Trends.byStrategy(runs);
        assertEquals(new Trends.StrategyCost("backup-and-restore", 2, Duration.ofMinutes(180), 0), costs.get(0));
        assertEquals(new Trends.StrategyCost("pilot-light", 2, Duration.ofMinutes(25), 2), costs.get(1));
    }
}
