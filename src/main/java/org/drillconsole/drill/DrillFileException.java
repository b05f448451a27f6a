package org.drillconsole.drill;

import java.util.List;
import java.util.stream.Collectors;

/** A runbook that cannot be used, with every problem found (not only the first). */
public class DrillFileException extends Exception {

    private final transient List<DrillProblem> problems;

    public DrillFileException(List<DrillProblem> problems) {
        super(problems.stream().map(DrillProblem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    public List<DrillProblem> problems() {
        return problems;
    }
}
