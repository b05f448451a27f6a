package org.drillconsole.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** One command line run in-process, with what it printed and its exit code. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
            System.setErr(errors);
            CommandLine line = Cli.commandLine(args);
            line.setErr(new PrintWriter(errors, true));
            int code = line.execute(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
    }
}
