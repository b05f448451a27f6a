package org.drillconsole.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;

/**
 * Which runs the history shows; every field null means "any".
 *
 * @param from first day included, in {@code zone}
 * @param to last day included, in {@code zone}
 */
public record HistoryFilter(String drill, RunMode mode, RunStatus status, LocalDate from, LocalDate to, ZoneId zone) {

    public static final HistoryFilter ALL = new HistoryFilter(null, null, null, null, null, ZoneId.systemDefault());

    /** The runs that match, newest first. */
    /**
     * The runs that match, newest first, whatever order they came in (a workstation's journal lists its runs
     * oldest first, the team database newest first: listed as they came, one of the two was upside down).
     */
    public List<RunRecord> apply(List<RunRecord> runs) {
        List<RunRecord> matching = new ArrayList<>();
        for (RunRecord run : runs) {
            if (matches(run)) {
                matching.add(run);
            }
        }
        matching.sort(java.util.Comparator.comparing(RunRecord::createdAt)
                .thenComparing(r -> r.workstation() == null ? "" : r.workstation())
                .thenComparingLong(RunRecord::id).reversed());
        return matching;
    }

    public boolean matches(RunRecord run) {
        LocalDate day = run.createdAt().atZone(zone).toLocalDate();
        return (drill == null || drill.equals(run.run().drillName()))
                && (mode == null || mode == run.run().mode())
                && (status == null || status == run.status())
                && (from == null || !day.isBefore(from))
                && (to == null || !day.isAfter(to));
    }

    /** "all runs", or "filtered by runbook failback, mode drill, from 2026-11-01" for a report's header. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (drill != null) {
            parts.add("runbook " + drill);
        }
        if (mode != null) {
            parts.add("mode " + mode.name().toLowerCase());
        }
        if (status != null) {
            parts.add("status " + status.name().toLowerCase());
        }
        if (from != null) {
            parts.add("from " + from);
        }
        if (to != null) {
            parts.add("to " + to);
        }
        return parts.isEmpty() ? "all runs" : "filtered by " + String.join(", ", parts);
    }
}
