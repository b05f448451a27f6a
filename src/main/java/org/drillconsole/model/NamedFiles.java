package org.drillconsole.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a file a person named (a runbook, a values file, a kubeconfig, a certificate, a manifest, a report):
 * only a regular file, and only up to a size its kind may have, so a pipe never blocks the reader and
 * {@code /dev/zero} or a huge file never fills the memory. Why a file cannot be read is said in words.
 */
public final class NamedFiles {

    private NamedFiles() {
    }

    /** Why a named file cannot be read: {@link #getMessage()} is the reason alone, in words ("not found"). */
    public static class Unreadable extends Exception {
        public Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A file larger than its kind may be: it was read (it is a file), but it is not one of its kind. */
    public static final class TooLarge extends Unreadable {
        public TooLarge(String reason) {
            super(reason);
        }
    }

    /**
     * The bytes of {@code file}.
     *
     * @param what the kind of file, for messages: "runbook file", "values file"
     * @param maxBytes the most a file of this kind may hold
     * @throws Unreadable not found, a folder, not a regular file, or not readable ({@link TooLarge}: too large)
     */
    public static byte[] read(Path file, String what, int maxBytes) throws Unreadable {
        Optional<String> notAFile = whyNotAFile(file, what);
        if (notAFile.isPresent()) {
            throw new Unreadable(notAFile.get());
        }
        try {
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                // one byte more than allowed tells a file that is too large, even one that grows while read
                bytes = in.readNBytes(maxBytes + 1);
            }
            if (bytes.length > maxBytes) {
                throw new TooLarge("is more than the " + size(maxBytes) + " a " + what + " may have");
            }
            return bytes;
        } catch (IOException | SecurityException e) {
            throw new Unreadable("cannot be read (" + (e instanceof SecurityException ? "permission denied"
                    : FileErrors.reason(e)) + ")");
        }
    }

    /** Why {@code file} is not a file to read ("not found", "is a folder, not a kubeconfig" …), if it is not. */
    public static Optional<String> whyNotAFile(Path file, String what) {
        try {
            if (Files.isDirectory(file)) {
                return Optional.of("is a folder, not a " + what);
            }
            if (!Files.exists(file)) {
                return Optional.of("not found");
            }
            if (!Files.isRegularFile(file)) {
                return Optional.of("is not a regular file (a device, a pipe or a socket), not a " + what);
            }
            return Optional.empty();
        } catch (SecurityException e) {
            return Optional.of("cannot be read (permission denied)");
        }
    }

    private static String size(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }
}
