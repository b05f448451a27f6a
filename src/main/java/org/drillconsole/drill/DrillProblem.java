package org.drillconsole.drill;

import java.nio.file.Path;

/** One thing wrong with a runbook, where it is: {@code drills/x.yaml:12:7 spec.steps[2].check.kind: …}. */
public record DrillProblem(Path file, int line, int column, String path, String message) {

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file.toString();
        return where + (path.isEmpty() ? "" : " " + path) + ": " + message;
    }
}
