package org.drillconsole.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.drillconsole.model.FileErrors;

/**
 * Writes a report to a temporary file beside the target and moves it into place only when complete, so a
 * failure (no permission, disk full) never leaves a half-written report behind.
 */
public final class ReportFiles {

    /** Produces the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private ReportFiles() {
    }

    public static void write(Path target, Content content) throws ReportException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new ReportException("cannot write " + target + ": it is a directory; give a file name", null);
        }
        Path partial = null;
        try {
            // Not createTempFile: its owner-only permissions would stick to the report.
            partial = dir.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".partial");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            throw new ReportException("cannot write " + target + ": " + why(e, dir) + " (nothing was written)", e);
        }
    }

    static String why(Exception e, Path dir) {
        if (e instanceof NoSuchFileException) {
            return "the directory " + dir + " does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "no permission to write in " + dir;
        }
        return FileErrors.reason(e);
    }

    private static void deleteQuietly(Path partial) {
        if (partial != null) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the failure being reported matters more than a leftover temporary file
            }
        }
    }
}
