package org.drillconsole.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryExportTest {

    @TempDir
    Path dir;

    static RunRecord run(long id, String drill, RunMode mode, RunStatus status, String day, String operator) {
        return new RunRecord(id, new NewRun(drill, drill, "ab".repeat(32), "pilot-light", mode, operator, "p", "https://p",
                "s", "https://s"), java.time.Instant.parse(day + "T12:00:00Z"), status);
    }

    @Test
    void filtersByRunbookModeStatusAndDateRangeNewestFirst() {
        List<RunRecord> runs = List.of(
                run(1, "pilot-light-failover", RunMode.PRACTICE, RunStatus.COMPLETED, "2026-10-01", "a"),
                run(2, "pilot-light-failover", RunMode.DRILL, RunStatus.COMPLETED, "2026-11-01", "a"),
                run(3, "failback", RunMode.DRILL, RunStatus.ABORTED, "2026-11-02", "a"),
                run(4, "pilot-light-failover", RunMode.DRILL, RunStatus.COMPLETED, "2026-11-20", "a"));
        HistoryFilter drills = new HistoryFilter("pilot-light-failover", RunMode.DRILL, RunStatus.COMPLETED,
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-20"), ZoneOffset.UTC);
        assertEquals(List.of(4L, 2L), drills.apply(runs).stream().map(RunRecord::id).toList());
        assertEquals("filtered by runbook pilot-light-failover, mode drill, status completed, from 2026-11-01, "
                + "to 2026-11-20", drills.describe());
        assertEquals("all runs", HistoryFilter.ALL.describe());
        assertEquals(List.of(4L, 3L, 2L, 1L), HistoryFilter.ALL.apply(runs).stream().map(RunRecord::id).toList());
        // The team database lists newest first: the same order comes out (it came out upside down).
        List<RunRecord> newestFirst = new java.util.ArrayList<>(runs);
        java.util.Collections.reverse(newestFirst);
        assertEquals(List.of(4L, 3L, 2L, 1L), HistoryFilter.ALL.apply(newestFirst).stream().map(RunRecord::id).toList());
        HistoryFilter october = new HistoryFilter(null, null, null, null, LocalDate.parse("2026-10-31"), ZoneOffset.UTC);
        assertEquals(List.of(1L), october.apply(runs).stream().map(RunRecord::id).toList());
    }

    @Test
    void writesCsvThatQuotesAndDefusesSpreadsheetFormulas() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HistoryExport.csv(List.of(run(7, "failback", RunMode.DRILL, RunStatus.COMPLETED, "2026-11-02",
                "=HYPERLINK(\"x\"), \"sam\"")), out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(String.join(",", HistoryExport.COLUMNS), lines.get(0));
        assertTrue(lines.get(1).contains(",\"'=HYPERLINK(\"\"x\"\"), \"\"sam\"\"\","), lines.get(1));
        assertEquals(2, lines.size());
    }

    @Test
    void writesTheRecordedFiguresIntoEveryHistoryFormat() throws Exception {
        RunRecord recorded = RecordedRun.record(dir, true);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        HistoryExport.csv(List.of(recorded), csv);
        assertTrue(csv.toString(StandardCharsets.UTF_8).contains(",COMPLETED,1260,600,2400,900,OBJECTIVE_MISSED,"
                + "not required,2,prod-eu,dr-us,"), csv.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        HistoryExport.json(List.of(recorded), json);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toByteArray());
        assertEquals(1260, tree.path("runs").get(0).path("rto_seconds").asInt());
        assertTrue(tree.path("runs").get(0).path("cleanup").isTextual());
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        HistoryExport.html(List.of(recorded), "all runs", html);
        ReportFormatsTest.xml(html.toByteArray());
    }
}
