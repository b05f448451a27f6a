package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillsCommandTest {

    @TempDir
    Path dir;

    @Test
    void validatesTheShippedRunbooksAndExitsZero() {
        CliRun run = CliRun.of("drills", "validate", "drills/pilot-light-failover.yaml", "drills/backup-restore.yaml",
                "drills/failback.yaml", "drills/standby-readiness.yaml");
        assertEquals(0, run.code(), run.out());
        assertEquals(4, run.out().lines().filter(l -> l.startsWith("OK")).count(), run.out());
    }

    @Test
    void printsEveryProblemWithFileAndLineAndExitsOne() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                apiVersion: drills.gitpod-dr/v1
                kind: Drill
                metadata: { name: bad, title: Bad }
                spec:
                  strategy: pilot-light
                  steps:
                    - id: a
                      type: sleep
                """);
        CliRun run = CliRun.of("drills", "validate", bad.toString(), "drills/failback.yaml");
        assertEquals(1, run.code());
        assertTrue(run.out().contains(bad + ":8:"), run.out());
        assertTrue(run.out().contains("OK    drills/failback.yaml"), run.out());
    }

    @Test
    void exitsSixtyFourWithoutFiles() {
        assertEquals(Cli.USAGE, CliRun.of("drills", "validate").code());
    }
}
