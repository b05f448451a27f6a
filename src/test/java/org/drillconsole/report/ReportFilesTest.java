package org.drillconsole.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void leavesNoHalfWrittenFileWhenTheDiskFillsUp() throws Exception {
        Path target = dir.resolve("run-1.pdf");
        ReportException e = assertThrows(ReportException.class, () -> ReportFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + target + ": the disk is full (nothing was written)", e.getMessage());
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "neither the report nor its temporary file");
        }
    }

    @Test
    void keepsTheEarlierReportWhenRewritingItFails() throws Exception {
        Path target = dir.resolve("run-1.md");
        ReportFiles.write(target, out -> out.write("first".getBytes()));
        assertThrows(ReportException.class, () -> ReportFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("Input/output error");
        }));
        assertEquals("first", Files.readString(target));
    }

    @Test
    void namesAMissingDirectory() {
        Path target = dir.resolve("no-such-dir").resolve("run.html");
        ReportException e = assertThrows(ReportException.class, () -> ReportFiles.write(target, out -> { }));
        assertTrue(e.getMessage().contains("the directory " + target.getParent() + " does not exist"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void refusesADirectoryAsTheTarget() {
        ReportException e = assertThrows(ReportException.class, () -> ReportFiles.write(dir, out -> { }));
        assertTrue(e.getMessage().contains("it is a directory"), e.getMessage());
    }
}
