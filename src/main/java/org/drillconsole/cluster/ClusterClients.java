package org.drillconsole.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The three clients a {@link ClusterMonitor} talks to its cluster through, built together: by the monitor as
 * it starts, or while the window's toolkit starts ({@link ClusterPair.ReadAhead}): built cold after the first
 * frame, they took 0.15 s of the clusters' way to the panes, on two cores shared with the window.
 *
 * @param probe the probe's: fails fast, never retries ({@link ClientFactory#probeClient(ClusterTarget)})
 * @param work  for actions and Velero's backups: whole objects ({@link ClientFactory#workClient})
 * @param read  the informers': objects read slim and never written back ({@link ClientFactory#readClient})
 */
record ClusterClients(KubernetesClient probe, KubernetesClient work, KubernetesClient read) implements AutoCloseable {

    /** All three, or none: what was built before one failed is closed, and the failure thrown. */
    static ClusterClients build(ClusterTarget target) {
        KubernetesClient probe = ClientFactory.probeClient(target);
        KubernetesClient work = null;
        try {
            work = ClientFactory.workClient(target);
            return new ClusterClients(probe, work, ClientFactory.readClient(target));
        } catch (RuntimeException e) {
            probe.close();
            if (work != null) {
                work.close();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        probe.close();
        work.close();
        read.close();
    }
}
