package org.drillconsole.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.drillconsole.drill.Durations;
import org.drillconsole.drill.HumanTime;
import org.drillconsole.model.Words;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.report.HistoryExport;
import org.drillconsole.report.HistoryFilter;
import org.drillconsole.report.ReportException;
import org.drillconsole.report.ReportFiles;
import org.drillconsole.store.JournalException;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.TeamDatabase;
import org.drillconsole.store.TeamHistory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = HistoryCommand.NAME, mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = {"List the recorded runs, newest first, as a table, CSV, JSON or HTML.",
                "Exit codes: 0 listed, 2 the journal or the file could not be read or written, 64 usage error."})
final class HistoryCommand implements Callable<Integer> {

    /** The subcommand's name, as typed (Cli finds the command for the arguments by it). */
    static final String NAME = "history";

    static final class Format {
        @Option(names = "--csv", description = "CSV (RFC 4180) instead of a table.") boolean csv;
        @Option(names = "--json", description = "JSON instead of a table.") boolean json;
        @Option(names = "--html", description = "A printable HTML page instead of a table.") boolean html;
    }

    @ArgGroup(exclusive = true)
    Format format = new Format();

    @Option(names = "--drill", paramLabel = "NAME", description = "Only runs of this runbook.") String drill;
    @Option(names = "--mode", paramLabel = "MODE", description = "practice, drill or failover.") String mode;
    @Option(names = "--status", paramLabel = "STATUS", description = "completed, failed, aborted or running.")
    String status;
    @Option(names = "--since", paramLabel = "DATE", description = "First day (YYYY-MM-DD), inclusive.")
    LocalDate since;
    @Option(names = "--until", paramLabel = "DATE", description = "Last day (YYYY-MM-DD), inclusive.")
    LocalDate until;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to a file instead of the screen.")
    Path output;

    @Mixin
    JournalOptions journal;

    @Mixin
    TeamOptions team;

    @Override
    public Integer call() {
        if (since != null && until != null && since.isAfter(until)) {
            System.err.println("error: --since " + since + " is after --until " + until + ": no day is in both");
            return Cli.USAGE;
        }
        RunMode runMode;
        RunStatus runStatus;
        try {
            runMode = mode == null ? null : RunMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("error: --mode must be practice, drill or failover, not " + mode);
            return Cli.USAGE;
        }
        try {
            runStatus = status == null ? null : RunStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("error: --status must be completed, failed, aborted or running, not " + status);
            return Cli.USAGE;
        }
        HistoryFilter filter = new HistoryFilter(drill, runMode, runStatus, since, until, ZoneId.systemDefault());
        try {
            Listed listed = runs();
            List<RunRecord> runs = filter.apply(listed.runs());
            if (!format.csv && !format.json && !format.html) {
                table(runs, listed.team(), System.out);
                return 0;
            }
            ReportFiles.Content content = format.csv ? out -> HistoryExport.csv(runs, out)
                    : format.json ? out -> HistoryExport.json(runs, out)
                    : out -> HistoryExport.html(runs, filter.describe(), out);
            if (output == null) {
                content.writeTo(System.out);
                System.out.flush();
            } else {
                ReportFiles.write(output, content);
                System.out.println("wrote " + output + " (" + runs.size() + " runs)");
            }
            return 0;
        } catch (JournalException | ReportException | IOException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }

    /**
     * The team's runs when a team database is configured and answers; else this workstation's, and it says so
     * (an outage must never take the history away).
     */
    private Listed runs() throws JournalException {
        TeamDatabase database = null;
        try {
            database = team.database();
            if (database != null) {
                try (TeamHistory history = TeamHistory.open(database)) {
                    return new Listed(history.runs(), true);
                }
            }
        } catch (TeamDatabase.TeamDbException e) {
            System.err.println("note: " + e.getMessage() + "; showing this workstation's runs only");
        }
        try (JournalStore store = journal.open()) {
            return new Listed(store.runs(), false);
        }
    }

    /** The runs listed, and whether they are the team's (from the team database) or this workstation's. */
    private record Listed(List<RunRecord> runs, boolean team) {
    }

    /** A table for people: local times to the minute, durations as "4m 05s" against their objective ("30m"). */
    private static void table(List<RunRecord> runs, boolean fromTeam, PrintStream out) {
        if (runs.isEmpty()) {
            out.println("no runs recorded (yet) that match");
            return;
        }
        String line = "%-5s %-16s %-24s %-9s %-12s %-10s %-13s %-13s %-19s %-12s%s%n";
        out.printf(line, "ID", "STARTED", "RUNBOOK", "MODE", "OPERATOR", "STATUS", "RTO", "RPO", "VERDICT", "CLEANUP",
                fromTeam ? " WORKSTATION" : "");
        for (RunRecord run : runs) {
            RunSummary s = run.summary();
            out.printf(line, run.id(), HumanTime.localDay(run.createdAt(), ZoneId.systemDefault()).substring(0, 16),
                    run.run().drillName(), run.run().mode().name().toLowerCase(Locale.ROOT), run.run().operator(),
                    run.status().name(), against(s == null ? null : s.rto(), s == null ? null : s.rtoObjective()),
                    against(s == null ? null : s.rpo(), s == null ? null : s.rpoObjective()),
                    s == null || s.verdict() == null ? "-" : s.verdict().name(),
                    s == null || s.cleanupDone() == null ? "not required" : s.cleanupDone() ? "done" : "not done",
                    fromTeam ? " " + run.workstation() : "");
        }
        long workstations = runs.stream().map(RunRecord::workstation).distinct().count();
        out.println(Words.count(runs.size(), "run") + (fromTeam ? " from the team database ("
                + Words.count(workstations, "workstation") + "); times are local" : " in this workstation's journal;"
                + " times are local"));
    }

    /** "4m 05s/30m", "-/15m", "-". */
    private static String against(Duration actual, Duration objective) {
        return (actual == null ? "-" : HumanTime.duration(actual))
                + (objective == null ? "" : "/" + Durations.format(objective));
    }
}
