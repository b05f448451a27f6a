package org.drillconsole.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drillconsole.drill.ParameterValues;
import picocli.CommandLine.Option;

/** A runbook's parameter values: the same two options for every command that reads runbooks. */
final class ValuesOptions {

    @Option(names = "--values", paramLabel = "FILE",
            description = "A values file (name: value per line) for the runbook's parameters; repeatable, later wins.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "One parameter's value; repeatable, wins over values files.")
    List<String> assignments = new ArrayList<>();

    /** The values files given that are not files at all (missing, a folder, a pipe): a mistake in the command. */
    List<org.drillconsole.drill.DrillProblem> unreadableFiles() {
        ParameterValues values = ParameterValues.none();
        files.forEach(values::file);
        return values.unreadableFiles();
    }

    ParameterValues read(Path runbook) {
        ParameterValues values = ParameterValues.none();
        files.forEach(values::file);
        assignments.forEach(a -> values.set(a, runbook));
        return values;
    }
}
