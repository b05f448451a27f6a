package org.drillconsole.cluster;

import io.fabric8.kubernetes.client.Config;
import java.nio.file.Path;
import org.drillconsole.model.Side;

/**
 * A usable connection target: the fabric8 config for one side plus what may be shown and stored about it.
 * Credentials stay inside {@link #config()} and are never shown, logged or stored.
 *
 * @param caFingerprint SHA-256 of the cluster's CA certificate, or "" for plain HTTP or no CA
 * @param execCredentials the token of the user's exec plugin, renewed for every client of this side, or null
 *        when the user has no exec plugin
 */
public record ClusterTarget(Side side, Path kubeconfig, String context, String server, String caFingerprint,
                            Config config, ExecCredentials execCredentials) {

    /** A side whose user has no exec plugin. */
    public ClusterTarget(Side side, Path kubeconfig, String context, String server, String caFingerprint,
                         Config config) {
        this(side, kubeconfig, context, server, caFingerprint, config, null);
    }

    @Override
    public String toString() {
        return side.label() + " " + context + " @ " + server;
    }
}
