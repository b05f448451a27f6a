package org.drillconsole.cluster;

import io.fabric8.kubernetes.client.Config;
import java.nio.file.Path;
import org.drillconsole.model.Side;

/**
 * A usable connection target: the fabric8 config for one side plus what may be shown and stored about it.
 * Credentials stay inside {@link #config()} and are never shown, logged or stored.
 *
 * @param caFingerprint SHA-256 of the cluster's CA certificate, or "" for plain HTTP or no CA
 */
public record ClusterTarget(Side side, Path kubeconfig, String context, String server, String caFingerprint,
                            Config config) {

    @Override
    public String toString() {
        return side.label() + " " + context + " @ " + server;
    }
}
