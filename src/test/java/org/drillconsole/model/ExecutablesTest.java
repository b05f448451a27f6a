package org.drillconsole.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program is found in the first PATH directory that holds it as an executable, as a shell finds it. */
class ExecutablesTest {

    @TempDir
    Path dir;

    @Test
    void findsTheFirstExecutableOfThatNameOnThePath() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path notExecutable = Files.createDirectory(dir.resolve("plain"));
        Files.writeString(notExecutable.resolve("tool"), "");
        Path first = executable(Files.createDirectory(dir.resolve("first")).resolve("tool"));
        executable(Files.createDirectory(dir.resolve("second")).resolve("tool"));
        String path = String.join(File.pathSeparator, "", empty.toString(), notExecutable.toString(),
                first.getParent().toString(), dir.resolve("second").toString());
        assertEquals(Optional.of(first), Executables.onPath("tool", path));
    }

    @Test
    void findsNothingWithoutPathOrWithoutTheProgram() {
        assertEquals(Optional.empty(), Executables.onPath("tool", null));
        assertEquals(Optional.empty(), Executables.onPath("tool", ""));
        assertEquals(Optional.empty(), Executables.onPath("tool", dir.toString()));
    }

    private static Path executable(Path file) throws Exception {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
