package org.drillconsole.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
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
            List<RunRecord> runs = filter.apply(runs());
            if (!format.csv && !format.json && !format.html) {
                table(runs, System.out);
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
    private List<RunRecord> runs() throws JournalException {
        TeamDatabase database = null;
        try {
            database = team.database();
            if (database != null) {
                try (TeamHistory history = TeamHistory.open(database)) {
                    return history.runs();
                }
            }
        } catch (TeamDatabase.TeamDbException e) {
            System.err.println("note: " + e.getMessage() + "; showing this workstation's runs only");
        }
        try (JournalStore store = journal.open()) {
            return store.runs();
        }
    }

    private static void table(List<RunRecord> runs, PrintStream out) {
        if (runs.isEmpty()) {
            out.println("no runs recorded (yet) that match");
            return;
        }
        boolean team = runs.stream().map(RunRecord::workstation).distinct().count() > 1;
        out.printf("%-5s %-17s %-24s %-9s %-12s %-10s %-9s %-9s %-19s %-12s%s%n", "ID", "STARTED", "RUNBOOK", "MODE",
                "OPERATOR", "STATUS", "RTO", "RPO", "VERDICT", "CLEANUP", team ? " WORKSTATION" : "");
        for (RunRecord run : runs) {
            List<String> row = HistoryExport.row(run);
            out.printf("%-5s %-17s %-24s %-9s %-12s %-10s %-9s %-9s %-19s %-12s%s%n", row.get(0),
                    row.get(1).substring(0, Math.min(16, row.get(1).length())).replace('T', ' '), row.get(2),
                    row.get(4), row.get(5), row.get(6), seconds(row.get(7), row.get(8)), seconds(row.get(9), row.get(10)),
                    row.get(11).isEmpty() ? "-" : row.get(11), row.get(12), team ? " " + run.workstation() : "");
        }
    }

    private static String seconds(String actual, String objective) {
        return (actual.isEmpty() ? "-" : actual + "s") + (objective.isEmpty() ? "" : "/" + objective + "s");
    }
}
