package org.drillconsole.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
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
        Map<Side, PracticeCluster> clusters = new EnumMap<>(Side.class);
        try {
            for (Side side : Side.values()) {
                PracticeCluster cluster = PracticeCluster.start(side, 0, options);
                clusters.put(side, cluster);
                cluster.writeKubeconfig(dir);
            }
        } catch (IOException | RuntimeException e) {
            clusters.values().forEach(PracticeCluster::close);
            throw e;
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
