package org.drillconsole.app;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine;

/** Builds the picocli command tree and its conventions (usage errors exit 64, as sysexits.h says). */
public final class Cli {

    public static final int USAGE = 64;

    /** The java.sql and java.time types no option here takes (every java.time type but LocalDate). */
    static final String CONVERTERS_NOT_NEEDED = "java\\.sql\\..*,java\\.time\\.(?!LocalDate$).*";

    static {
        // picocli looks for Groovy's Closure class on the class path at its first use, for Groovy scripts'
        // annotations; a class not found costs a search of the jar and an exception (~20 ms cold). None here.
        setUnlessGiven("picocli.disable.closures", "true");
        // Every CommandLine registers a converter for each java.sql and java.time type picocli knows, by
        // reflection: loading, linking and initialising the class (MonthDay's builds a date formatter) on the
        // command's critical path, twice for a subcommand. The options here take paths, LocalDate, strings and
        // numbers (CliTest keeps that true).
        setUnlessGiven("picocli.converters.excludes", CONVERTERS_NOT_NEEDED);
    }

    private Cli() {
    }

    /** Sets a system property, unless the command line gave it (-D) to choose otherwise. */
    static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** A subcommand: its name as typed, and its class. */
    private record Subcommand(String name, Class<?> type) {
    }

    /**
     * In the order {@code --help} lists them. Their names are the classes' own constants, not read from their
     * {@code @Command} annotations: parsing an annotation on a cold JVM takes milliseconds each, and
     * {@code health} would parse the six it does not run.
     */
    private static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand(HealthCommand.NAME, HealthCommand.class),
            new Subcommand(SandboxCommand.NAME, SandboxCommand.class),
            new Subcommand(DrillsCommand.NAME, DrillsCommand.class),
            new Subcommand(RunCommand.NAME, RunCommand.class),
            new Subcommand(TeamDbCommand.NAME, TeamDbCommand.class),
            new Subcommand(ReportCommand.NAME, ReportCommand.class),
            new Subcommand(HistoryCommand.NAME, HistoryCommand.class));

    /** The names of the subcommands, in the order {@code --help} lists them. */
    static List<String> subcommandNames() {
        return SUBCOMMANDS.stream().map(Subcommand::name).toList();
    }

    /** The whole tree. */
    public static CommandLine commandLine() {
        return build(SUBCOMMANDS);
    }

    /**
     * The tree for these arguments: when they name a subcommand, only that one is built. picocli builds
     * the model of every command it is given by reflection, about a tenth of a second per command on a cold
     * JVM, which a one-shot {@code health} should not pay for the six it does not run. Arguments that open
     * the window (options of the root command only) build the root alone: the window does not wait half a
     * second for commands it does not run. Anything else without a subcommand ({@code --help}, a typo, a
     * wrong option) gets the whole tree, so help, errors and suggestions stay complete.
     */
    public static CommandLine commandLine(String... args) {
        for (String arg : args) {
            for (Subcommand command : SUBCOMMANDS) {
                if (arg.equals(command.name())) {
                    return build(List.of(command));
                }
            }
        }
        CommandLine window = build(List.of());
        return opensTheWindow(window, args) ? window : commandLine();
    }

    /** Whether the root command alone accepts these arguments as a start of the window (not help, not version). */
    private static boolean opensTheWindow(CommandLine root, String... args) {
        try {
            CommandLine.ParseResult parsed = root.parseArgs(args);
            return !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested();
        } catch (CommandLine.ParameterException notForTheRootAlone) {
            return false;
        }
    }

    /** Every number an option takes is a count, a delay or a wait: a whole number, 0 or more. */
    static Integer wholeNumber(String value) {
        long number = largeWholeNumber(value);
        if (number > Integer.MAX_VALUE) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too large: at most " + Integer.MAX_VALUE);
        }
        return (int) number;
    }

    static Long largeWholeNumber(String value) {
        if (!value.matches("\\d{1,19}")) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number (0 or more, digits "
                    + "only, such as 15)");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException tooLarge) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too large: at most " + Long.MAX_VALUE);
        }
    }

    /** A day, as YYYY-MM-DD. */
    static LocalDate day(String value) {
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a day written YYYY-MM-DD, such as "
                    + "2026-12-03");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException noSuchDay) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a day of the calendar (month 01 - 12, "
                    + "day 01 to the month's last)");
        }
    }

    private static CommandLine build(List<Subcommand> subcommands) {
        CommandLine line = new CommandLine(new RootCommand());
        subcommands.forEach(command -> line.addSubcommand(command.name(), command.type()));
        // After the subcommands: picocli gives a converter to the commands the tree holds when it is registered.
        // Its own say "is not an int" and "cannot convert '2026-13-45' to class java.time.LocalDate
        // (java.time.format.DateTimeParseException: ...)".
        line.registerConverter(Integer.class, Cli::wholeNumber);
        line.registerConverter(Integer.TYPE, Cli::wholeNumber);
        line.registerConverter(Long.class, Cli::largeWholeNumber);
        line.registerConverter(Long.TYPE, Cli::largeWholeNumber);
        line.registerConverter(LocalDate.class, Cli::day);
        line.setParameterExceptionHandler((error, args) -> {
            CommandLine cmd = error.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("error: " + error.getMessage());
            // a mistyped subcommand or option: "Did you mean: health?"
            CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
            err.println("usage: " + cmd.getHelp().synopsis(0).strip());
            err.println("(run with --help for all options)");
            return USAGE;
        });
        line.setExecutionExceptionHandler((error, cmd, parseResult) -> failed(error, cmd.getErr()));
        return line;
    }

    /**
     * The window with every default, as the bare command opens it, without building picocli's model (by
     * reflection over the root command and its mixins, on a cold JVM). Its exit status.
     */
    public static int openTheWindow() {
        try {
            RootCommand.withDefaults().run();
            return 0;
        } catch (RuntimeException error) {
            return failed(error, new PrintWriter(System.err, true));
        }
    }

    /** What stopped a command, in one line ("error: Unable to open DISPLAY"), never a stack trace: exits 2. */
    private static int failed(Exception error, PrintWriter err) {
        err.println("error: " + (error.getMessage() == null ? error.toString() : error.getMessage()));
        return 2;
    }
}
