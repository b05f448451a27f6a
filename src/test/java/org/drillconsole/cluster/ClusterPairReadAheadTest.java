package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.drillconsole.model.Side;
import org.drillconsole.support.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window reads its kubeconfigs and builds their clients while the toolkit starts; its first connection takes
 * what was read and built, and what it does not take is closed.
 */
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
        ClusterPair.Source primary = readAhead("primary.yaml");
        ClusterPair.Source standby = readAhead("standby.yaml");
        ClusterPair.ReadAhead ahead = ClusterPair.ReadAhead.start(primary, standby);
        Map<Side, ClusterClients> built = ahead.awaitClients();
        kubeconfig("primary.yaml", "edited");
        kubeconfig("standby.yaml", "edited");

        pair = open(primary, standby, ahead);
        assertEquals("http://127.0.0.1:9/read-ahead/", server(Side.PRIMARY));
        assertEquals("http://127.0.0.1:9/read-ahead/", server(Side.STANDBY));
        for (Side side : Side.values()) {
            ClusterMonitor monitor = pair.monitor(side);
            Await.until(() -> monitor.client() != null, side + "'s monitor has its clients");
            assertSame(built.get(side).work(), monitor.client(), side + " works through the client built ahead");
            assertFalse(closed(built.get(side).probe()), side + "'s clients are open while the window uses them");
        }
        pair.close();
        for (Side side : Side.values()) {
            // the informers' client a moment later (ClusterMonitor's grace for a list under way)
            assertTrue(closed(built.get(side).probe()) && closed(built.get(side).work()),
                    side + "'s clients built ahead are closed with its monitor");
        }

        pair = open(primary, standby, ahead);
        assertEquals("http://127.0.0.1:9/edited/", server(Side.PRIMARY));
        assertEquals("http://127.0.0.1:9/edited/", server(Side.STANDBY));
    }

    @Test
    void aConnectionToOtherFilesOrContextsReadsItsOwn() throws Exception {
        Path primaryFile = kubeconfig("primary.yaml", "read-ahead");
        ClusterPair.Source standby = new ClusterPair.Source(kubeconfig("standby.yaml", "read-ahead"), null);
        ClusterPair.ReadAhead ahead = ClusterPair.ReadAhead.start(new ClusterPair.Source(primaryFile, null), standby);
        Map<Side, ClusterClients> built = ahead.awaitClients();
        kubeconfig("primary.yaml", "edited");
        Path otherStandby = kubeconfig("other-standby.yaml", "other-file");

        pair = open(new ClusterPair.Source(primaryFile, "other"), new ClusterPair.Source(otherStandby, null), ahead);
        assertEquals("http://127.0.0.1:9/edited/", server(Side.PRIMARY));
        assertEquals("other", pair.monitor(Side.PRIMARY).clusterTarget().context());
        assertEquals("http://127.0.0.1:9/other-file/", server(Side.STANDBY));
        for (Side side : Side.values()) {
            assertTrue(allClosed(built.get(side)),
                    side + "'s clients built ahead for another file or context are closed");
        }
    }

    @Test
    void aNamespaceThatIsNoNamespaceNameClosesTheClientsBuiltAheadAndSaysWhy() throws Exception {
        ClusterPair.Source primary = readAhead("primary.yaml");
        ClusterPair.Source standby = readAhead("standby.yaml");
        ClusterPair.ReadAhead ahead = ClusterPair.ReadAhead.start(primary, standby);
        Map<Side, ClusterClients> built = ahead.awaitClients();

        pair = ClusterPair.open(primary, standby, ahead, "Not A Namespace", snapshot -> { }, Clock.systemUTC());

        for (Side side : Side.values()) {
            assertTrue(pair.monitor(side).snapshot().stateMessage().contains("is not a namespace name"));
            assertTrue(allClosed(built.get(side)), side + "'s clients built ahead are closed");
        }
    }

    @Test
    void aMonitorClosedBeforeItStartsClosesTheClientsBuiltForIt() throws Exception {
        ClusterTarget target = KubeconfigLoader.load(Side.PRIMARY, kubeconfig("primary.yaml", "never"), null);
        ClusterClients clients = ClusterClients.build(target);

        new ClusterMonitor(target, clients, "gitpod", snapshot -> { }, Clock.systemUTC()).close();

        assertTrue(allClosed(clients));
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

    /** A kubeconfig whose server's path says it was read ahead. */
    private ClusterPair.Source readAhead(String name) throws Exception {
        return new ClusterPair.Source(kubeconfig(name, "read-ahead"), null);
    }

    /** All three: where no monitor took them (a monitor closes the informers' client a moment later). */
    private static boolean allClosed(ClusterClients clients) {
        return closed(clients.probe()) && closed(clients.work()) && closed(clients.read());
    }

    private static boolean closed(KubernetesClient client) {
        return client.getHttpClient().isClosed();
    }
}
