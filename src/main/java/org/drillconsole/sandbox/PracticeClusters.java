package org.drillconsole.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.drillconsole.model.Side;

/** The two practice clusters, primary and standby, on loopback. */
public final class PracticeClusters implements AutoCloseable {

    private final Map<Side, PracticeCluster> clusters;
    private final Path kubeconfigDir;
    private final PracticeControls controls;

    private PracticeClusters(Map<Side, PracticeCluster> clusters, Path kubeconfigDir) {
        this.clusters = clusters;
        this.kubeconfigDir = kubeconfigDir;
        this.controls = new PracticeControls(this);
    }

    /**
     * Starts both clusters and writes {@code primary.kubeconfig} and {@code standby.kubeconfig} into
     * {@code dir}. Ports are chosen by the system.
     */
    public static PracticeClusters start(Path dir, SandboxOptions options) throws IOException {
        // Both clusters start side by side: seeding goes through HTTP and takes most of the start time.
        Map<Side, CompletableFuture<PracticeCluster>> starting = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            starting.put(side, CompletableFuture.supplyAsync(() -> {
                try {
                    PracticeCluster cluster = PracticeCluster.start(side, 0, options);
                    cluster.writeKubeconfig(dir);
                    return cluster;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, runnable -> new Thread(runnable, "practice-start-" + side.key()).start()));
        }
        Map<Side, PracticeCluster> clusters = new EnumMap<>(Side.class);
        IOException failure = null;
        for (Side side : Side.values()) {
            try {
                clusters.put(side, starting.get(side).join());
            } catch (CompletionException e) {
                Throwable cause = e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
                failure = cause instanceof IOException io ? io
                        : new IOException("the " + side.key() + " practice cluster did not start: " + cause, cause);
            }
        }
        if (failure != null) {
            clusters.values().forEach(PracticeCluster::close);
            throw failure;
        }
        return new PracticeClusters(clusters, dir);
    }

    public PracticeCluster cluster(Side side) {
        return clusters.get(side);
    }

    public Path kubeconfig(Side side) {
        return kubeconfigDir.resolve(side.key() + ".kubeconfig");
    }

    public String context(Side side) {
        return "practice-" + side.key();
    }

    public PracticeControls controls() {
        return controls;
    }

    @Override
    public void close() {
        clusters.values().forEach(PracticeCluster::close);
    }
}
