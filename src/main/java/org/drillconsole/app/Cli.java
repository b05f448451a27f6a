package org.drillconsole.app;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the picocli command tree and its conventions (usage errors exit 64, as sysexits.h says). */
public final class Cli {

    public static final int USAGE = 64;

    private Cli() {
    }

    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new RootCommand());
        line.setParameterExceptionHandler((error, args) -> {
            CommandLine cmd = error.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("error: " + error.getMessage());
            err.println("usage: " + cmd.getHelp().synopsis(0).strip());
            err.println("(run with --help for all options)");
            return USAGE;
        });
        line.setExecutionExceptionHandler((error, cmd, parseResult) -> {
            cmd.getErr().println("error: " + (error.getMessage() == null ? error.toString() : error.getMessage()));
            return 2;
        });
        return line;
    }
}
