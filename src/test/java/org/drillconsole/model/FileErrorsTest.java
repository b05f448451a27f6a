package org.drillconsole.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** File errors read as people say them, never as the exception's class. */
class FileErrorsTest {

    @Test
    void namesTheCommonFailuresInWords() {
        assertEquals("permission denied", FileErrors.reason(new AccessDeniedException("/x/data")));
        assertEquals("not found: /x/data", FileErrors.reason(new NoSuchFileException("/x/data")));
        assertEquals("a file is in the way, where a folder should be: /x/a-file",
                FileErrors.reason(new FileAlreadyExistsException("/x/a-file")));
        assertEquals("a file is in the way, where a folder should be: /x/a-file/data",
                FileErrors.reason(new FileSystemException("/x/a-file/data", null, "Not a directory")));
        assertEquals("the disk is full",
                FileErrors.reason(new FileSystemException("/x", null, "No space left on device")));
        assertEquals("the disk is full", FileErrors.reason(new IOException("Disk quota exceeded")));
        assertEquals("a file is in the way, where a folder should be",
                FileErrors.reason(new IOException("Not a directory")));
        assertEquals("the file system is read-only",
                FileErrors.reason(new FileSystemException("/x", null, "Read-only file system")));
    }

    @Test
    void anErrorWithoutAMessageIsAnInputOutputErrorNotItsClassName() {
        assertEquals("an input/output error", FileErrors.reason(new IOException()));
        assertEquals("an input/output error", FileErrors.reason(new IllegalStateException(" ")));
        assertEquals("Stale file handle", FileErrors.reason(new FileSystemException("/x", null, "Stale file handle")));
    }
}
