package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.drillconsole.model.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window reads its kubeconfigs while the toolkit starts; its first connection takes what was read. */
class ClusterPairReadAheadTest {

    @TempDir
    Path dir;

    private ClusterPair pair;

    @AfterEach
    void close() {
        if (pair != null) {
            pair.close();
        }
    }

    /** A kubeconfig whose server (a closed port: nothing is reached) tells which version of the file was read. */
    private Path kubeconfig(String name, String path) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, KubeconfigLoaderTest.kubeconfig("http://127.0.0.1:9/" + path, "", "    token: t"));
        return file;
    }

    private String server(Side side) {
        return pair.monitor(side).clusterTarget().server();
    }

    private ClusterPair open(ClusterPair.Source primary, ClusterPair.Source standby, ClusterPair.ReadAhead ahead) {
        return ClusterPair.open(primary, standby, ahead, "gitpod", snapshot -> { }, Clock.systemUTC());
    }

    @Test
    void theFirstConnectionToTheSameKubeconfigsTakesWhatWasReadAheadAndTheNextReadsThemAgain() throws Exception {
        ClusterPair.Source primary = new ClusterPair.Source(kubeconfig("primary.yaml", "read-ahead"), null);
        ClusterPair.Source standby = new ClusterPair.Source(kubeconfig("standby.yaml", "read-ahead"), null);
        ClusterPair.ReadAhead ahead = ClusterPair.ReadAhead.start(primary, standby);
        ahead.awaitReadings();
        kubeconfig("primary.yaml", "edited");
        kubeconfig("standby.yaml", "edited");

        pair = open(primary, standby, ahead);
        assertEquals("http://127.0.0.1:9/read-ahead/", server(Side.PRIMARY));
        assertEquals("http://127.0.0.1:9/read-ahead/", server(Side.STANDBY));
        pair.close();

        pair = open(primary, standby, ahead);
        assertEquals("http://127.0.0.1:9/edited/", server(Side.PRIMARY));
        assertEquals("http://127.0.0.1:9/edited/", server(Side.STANDBY));
    }

    @Test
    void aConnectionToOtherFilesOrContextsReadsItsOwn() throws Exception {
        Path primaryFile = kubeconfig("primary.yaml", "read-ahead");
        ClusterPair.Source standby = new ClusterPair.Source(kubeconfig("standby.yaml", "read-ahead"), null);
        ClusterPair.ReadAhead ahead = ClusterPair.ReadAhead.start(new ClusterPair.Source(primaryFile, null), standby);
        ahead.awaitReadings();
        kubeconfig("primary.yaml", "edited");
        Path otherStandby = kubeconfig("other-standby.yaml", "other-file");

        pair = open(new ClusterPair.Source(primaryFile, "other"), new ClusterPair.Source(otherStandby, null), ahead);
        assertEquals("http://127.0.0.1:9/edited/", server(Side.PRIMARY));
        assertEquals("other", pair.monitor(Side.PRIMARY).clusterTarget().context());
        assertEquals("http://127.0.0.1:9/other-file/", server(Side.STANDBY));
    }

    @Test
    void aKubeconfigThatCannotBeReadAheadIsShownWithItsReasonAsWhenReadLater() throws Exception {
        Path missing = dir.resolve("missing.yaml");
        ClusterPair.Source standby = new ClusterPair.Source(kubeconfig("standby.yaml", "read-ahead"), null);
        ClusterPair.ReadAhead ahead = ClusterPair.ReadAhead.start(new ClusterPair.Source(missing, null), standby);
        pair = open(new ClusterPair.Source(missing, null), standby, ahead);
        java.util.concurrent.atomic.AtomicReference<String> problem = new java.util.concurrent.atomic.AtomicReference<>();
        try (ClusterPair later = open(new ClusterPair.Source(missing, null), standby, null)) {
            problem.set(later.monitor(Side.PRIMARY).snapshot().stateMessage());
        }
        assertEquals(problem.get(), pair.monitor(Side.PRIMARY).snapshot().stateMessage());
        assertTrue(problem.get().contains("missing.yaml"), problem.get());
        assertEquals("http://127.0.0.1:9/read-ahead/", server(Side.STANDBY));
    }
}
