package org.drillconsole.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.drillconsole.report.JsonReport;
import org.drillconsole.report.ReportException;
import org.drillconsole.report.ReportFiles;
import org.drillconsole.report.ReportFormat;
import org.drillconsole.report.Reports;
import org.drillconsole.report.RunReport;
import org.drillconsole.store.JournalException;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.TeamDatabase;
import org.drillconsole.store.TeamHistory;
import org.drillconsole.report.RunReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = ReportCommand.NAME, mixinStandardHelpOptions = true, addMethodSubcommands = false,
        subcommands = ReportCommand.Verify.class,
        description = {"Write the report of one run: html, pdf, md, json or junit (JUnit XML).",
                "Exit codes: 0 written, 2 the run or the file could not be read or written, 64 usage error."})
final class ReportCommand implements Callable<Integer> {

    /** The subcommand's name, as typed (Cli finds the command for the arguments by it). */
    static final String NAME = "report";

    // Not required in picocli's sense: `report verify FILE` must parse without them.
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_ID",
            description = "The run (see `history`); with --team-db: WORKSTATION/ID or its uid.")
    String runId;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "html, pdf, md, json or junit.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write (default: drill-run-RUN_ID.EXT here; - for standard output).")
    String output;

    @Mixin
    JournalOptions journal;

    @Mixin
    TeamOptions team;

    @Override
    public Integer call() {
        if (runId == null || format == null) {
            System.err.println("error: give the run and a format: report RUN_ID --format html|pdf|md|json|junit "
                    + "[-o FILE], or report verify FILE.json");
            return Cli.USAGE;
        }
        ReportFormat chosen;
        try {
            chosen = ReportFormat.valueOf(format.toUpperCase());
        } catch (IllegalArgumentException e) {
            System.err.println("error: --format must be html, pdf, md, json or junit, not " + format);
            return Cli.USAGE;
        }
        try {
            RunReport report = load();
            if ("-".equals(output)) {
                chosen.write(report, System.out);
                System.out.flush();
                return 0;
            }
            Path target = Path.of(output != null ? output : "drill-run-" + runId.replace('/', '-') + "." + chosen.extension());
            ReportFiles.write(target, out -> chosen.write(report, out));
            System.out.println("wrote " + target + " (run " + runId + ", " + report.outcome() + ", chain head "
                    + report.chainHead().substring(0, 16) + "…)");
            return 0;
        } catch (JournalException | ReportException | IOException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }

    /** The run from the team database when one is given, else from this workstation's journal. */
    private RunReport load() throws ReportException, JournalException {
        TeamDatabase database;
        try {
            database = team.database();
        } catch (TeamDatabase.TeamDbException e) {
            throw new ReportException(e.getMessage(), e);
        }
        if (database != null) {
            try (TeamHistory history = TeamHistory.open(database)) {
                var run = history.run(runId).orElseThrow(() -> new ReportException("the team database has no run "
                        + runId + " (give WORKSTATION/ID or a uid, see `history --team-db`)", null));
                return RunReports.of(run, history.events(run), Clock.systemUTC().instant());
            } catch (TeamDatabase.TeamDbException e) {
                throw new ReportException(e.getMessage(), e);
            }
        }
        long id;
        try {
            id = Long.parseLong(runId);
        } catch (NumberFormatException e) {
            throw new ReportException("RUN_ID is a run number (see `history`), not " + runId, e);
        }
        try (JournalStore store = journal.open()) {
            return Reports.load(store, id, Clock.systemUTC());
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, addMethodSubcommands = false,
            description = {"Check a JSON report against its own hash chain: detects an edited, inserted or removed"
                    + " event, and a header or summary that differs from the journal.",
                    "Exit codes: 0 intact, 1 tampered with, 2 the file cannot be read."})
    static final class Verify implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE.json", description = "A report written with --format json.")
        Path file;

        @Override
        public Integer call() {
            PrintStream out = System.out;
            try {
                JsonReport.Verification result = JsonReport.verify(file);
                if (result.intact()) {
                    out.println("INTACT  " + file + ": " + result.events() + " events, chain head "
                            + result.chainHead());
                    return 0;
                }
                out.println("TAMPERED  " + file + ":");
                result.problems().forEach(p -> out.println("  " + p));
                return 1;
            } catch (ReportException e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
        }
    }
}
