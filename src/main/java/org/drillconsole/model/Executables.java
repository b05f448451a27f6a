package org.drillconsole.model;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Programs found as a shell finds them: the first executable of that name in the directories on PATH. */
public final class Executables {

    private Executables() {
    }

    /** {@code program} in this process's PATH, or empty when no directory on it holds an executable of that name. */
    public static Optional<Path> onPath(String program) {
        return onPath(program, System.getenv("PATH"));
    }

    static Optional<Path> onPath(String program, String pathVariable) {
        for (String dir : (pathVariable == null ? "" : pathVariable).split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }
}
