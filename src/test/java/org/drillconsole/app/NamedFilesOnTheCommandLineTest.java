package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file named on the command line that is no file (missing, a folder, a device) is a mistake in the command:
 * exit 64, said in words, nothing journaled, and never read forever. {@code --values /dev/zero} ended the console
 * with an OutOfMemoryError and its stack trace; a run with a missing kubeconfig was journaled and failed preflight.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NamedFilesOnTheCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void aValuesFileThatIsNoFileIsAUsageError() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
        CliRun zero = CliRun.of("drills", "validate", "drills/standby-readiness.yaml", "--values", "/dev/zero");
        assertEquals(Cli.USAGE, zero.code(), zero.out() + zero.err());
        assertTrue(zero.out().contains("/dev/zero: is not a regular file (a device, a pipe or a socket), not a values"
                + " file"), zero.out());
        CliRun missing = CliRun.of("drills", "validate", "drills/standby-readiness.yaml", "--values",
                dir.resolve("prod.yaml").toString());
        assertEquals(Cli.USAGE, missing.code(), missing.out());
        assertTrue(missing.out().contains("prod.yaml: not found"), missing.out());
        assertFalse((zero.out() + zero.err() + missing.out() + missing.err()).contains("Exception"));
    }

    @Test
    void aRunWithAKubeconfigThatIsNoFileNeverStarts() throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("primary.kubeconfig"), "apiVersion: v1\nkind: Config\n");
        Path data = dir.resolve("data");
        CliRun missing = CliRun.of("run", "drills/standby-readiness.yaml", "--primary", kubeconfig.toString(),
                "--standby", dir.resolve("standby.kubeconfig").toString(), "--data-dir", data.toString());
        assertEquals(Cli.USAGE, missing.code(), missing.out() + missing.err());
        assertTrue(missing.err().contains("--standby " + dir.resolve("standby.kubeconfig") + ": not found"),
                missing.err());
        CliRun folder = CliRun.of("run", "drills/standby-readiness.yaml", "--primary", dir.toString(),
                "--standby", kubeconfig.toString(), "--data-dir", data.toString());
        assertEquals(Cli.USAGE, folder.code(), folder.out() + folder.err());
        assertTrue(folder.err().contains("is a folder, not a kubeconfig"), folder.err());
        assertFalse(Files.exists(data), "nothing journaled");
    }

    @Test
    void verifyingAReportThatIsNoFileSaysSo() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
        CliRun zero = CliRun.of("report", "verify", "/dev/zero");
        assertEquals(2, zero.code(), zero.out() + zero.err());
        assertTrue(zero.err().contains("cannot read /dev/zero: is not a regular file"), zero.err());
        CliRun folder = CliRun.of("report", "verify", dir.toString());
        assertEquals(2, folder.code(), folder.out() + folder.err());
        assertTrue(folder.err().contains("is a folder, not a JSON report"), folder.err());
    }
}
