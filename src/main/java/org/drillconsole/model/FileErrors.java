package org.drillconsole.model;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Why a file could not be read, written or created, in a person's words: never an exception's class name. */
public final class FileErrors {

    private FileErrors() {
    }

    /** "permission denied", "the disk is full", "a file is in the way, where a folder should be: /x/a-file" … */
    public static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException missing) {
            return "not found: " + (missing.getFile() == null ? "a folder on the path" : missing.getFile());
        }
        String message = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage();
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException
                || "Not a directory".equals(message)) {
            String file = e instanceof FileSystemException fs ? fs.getFile() : null;
            return "a file is in the way, where a folder should be" + (file == null ? "" : ": " + file);
        }
        if (message == null || message.isBlank()) {
            return "an input/output error";
        }
        if (message.contains("No space left") || message.contains("Disk quota")) {
            return "the disk is full";
        }
        if (message.contains("Read-only file system")) {
            return "the file system is read-only";
        }
        return message;
    }
}
