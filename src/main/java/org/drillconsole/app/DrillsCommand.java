package org.drillconsole.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.drillconsole.drill.DrillFileException;
import org.drillconsole.drill.DrillLoader;
import org.drillconsole.drill.DrillProblem;
import org.drillconsole.model.drill.DrillDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "drills", mixinStandardHelpOptions = true, description = "Work with runbooks (drills/*.yaml).",
        subcommands = DrillsCommand.Validate.class)
final class DrillsCommand {

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check runbooks and print every problem with file, line and path.",
                    "Exit codes: 0 all valid, 1 any problem, 64 usage error."})
    static final class Validate implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Runbook files.")
        List<Path> files;

        @Override
        public Integer call() {
            int invalid = 0;
            for (Path file : files) {
                try {
                    DrillDefinition drill = DrillLoader.load(file);
                    var spec = drill.spec();
                    System.out.printf("OK    %s: %s (%d preflight, %d steps, %d cleanup%s)%n", file,
                            drill.metadata().name(), spec.preflight().size(), spec.steps().size(),
                            spec.cleanup().size(), spec.objectives() == null || spec.objectives().rto() == null
                                    ? "" : ", RTO objective " + spec.objectives().rto());
                } catch (DrillFileException e) {
                    invalid++;
                    System.out.printf("FAIL  %s: %d problem%s%n", file, e.problems().size(),
                            e.problems().size() == 1 ? "" : "s");
                    for (DrillProblem problem : e.problems()) {
                        System.out.println("  " + problem);
                    }
                }
            }
            return invalid == 0 ? 0 : 1;
        }
    }
}
