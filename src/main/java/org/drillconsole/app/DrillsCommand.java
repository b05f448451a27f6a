package org.drillconsole.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.drillconsole.drill.DrillLoader;
import org.drillconsole.drill.DrillProblem;
import org.drillconsole.model.Words;
import org.drillconsole.drill.Durations;
import org.drillconsole.model.drill.DrillDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = DrillsCommand.NAME, mixinStandardHelpOptions = true, description = "Work with runbooks (drills/*.yaml).",
        subcommands = DrillsCommand.Validate.class)
final class DrillsCommand {

    /** The subcommand's name, as typed (Cli finds the command for the arguments by it). */
    static final String NAME = "drills";

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check runbooks and print every problem as file:line:column path: message. Parameters"
                    + " without a value are listed; give --values or --set to check the values too.",
                    "Exit codes: 0 all valid, 1 any problem, 64 a runbook or values file that cannot be read"
                            + " (missing, a folder, not a regular file)."})
    static final class Validate implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Runbook files.")
        List<Path> files;

        @Mixin
        ValuesOptions values;

        @Override
        public Integer call() {
            int invalid = 0;
            boolean unreadable = false;
            List<DrillProblem> unreadableValues = values.unreadableFiles();
            if (!unreadableValues.isEmpty()) {
                unreadableValues.forEach(p -> System.out.printf("FAIL  %s: %s%n", p.file(), p.message()));
                return Cli.USAGE;
            }
            for (Path file : files) {
                DrillLoader.Checked checked = DrillLoader.check(file, values.read(file), false);
                if (checked.unreadable()) {
                    unreadable = true;
                    System.out.printf("FAIL  %s: %s%n", file, checked.problems().get(0).message());
                    continue;
                }
                if (!checked.problems().isEmpty()) {
                    invalid++;
                    System.out.printf("FAIL  %s: %s%n", file, Words.count(checked.problems().size(), "problem"));
                    for (DrillProblem problem : checked.problems()) {
                        System.out.println("  " + problem);
                    }
                    continue;
                }
                DrillDefinition drill = checked.drill();
                if (drill == null) {
                    System.out.printf("OK    %s (parameters without a value: %s; what uses them is checked once they"
                            + " have one)%n", file, String.join(", ", checked.missingValues()));
                    continue;
                }
                var spec = drill.spec();
                System.out.printf("OK    %s: %s (%d preflight, %d steps, %d cleanup%s)%n", file,
                        drill.metadata().name(), spec.preflight().size(), spec.steps().size(),
                        spec.cleanup().size(), spec.objectives().rto() == null ? ""
                                : ", RTO objective " + Durations.format(spec.objectives().rto()));
            }
            return unreadable ? Cli.USAGE : invalid == 0 ? 0 : 1;
        }
    }
}
