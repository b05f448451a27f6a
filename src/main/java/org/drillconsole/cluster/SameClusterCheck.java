package org.drillconsole.cluster;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Warns when primary and standby are the same cluster: a drill against one cluster proves nothing. */
public final class SameClusterCheck {

    private SameClusterCheck() {
    }

    public static Optional<String> warning(ClusterTarget primary, ClusterTarget standby) {
        if (primary == null || standby == null) {
            return Optional.empty();
        }
        boolean sameServer = normalise(primary.server()).equals(normalise(standby.server()));
        boolean sameCa = !primary.caFingerprint().isEmpty() && primary.caFingerprint().equals(standby.caFingerprint());
        if (sameServer) {
            return Optional.of("Primary and standby point at the same API server (" + primary.server()
                    + "): a failover drill needs two clusters.");
        }
        if (sameCa) {
            return Optional.of("Primary (" + primary.server() + ") and standby (" + standby.server()
                    + ") share one CA certificate: check they are really two clusters.");
        }
        return Optional.empty();
    }

    static String normalise(String server) {
        try {
            URI uri = URI.create(server.trim());
            int port = uri.getPort();
            if (port < 0) {
                port = "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
            }
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (host.equals("localhost")) {
                host = "127.0.0.1";
            }
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host + ":" + port;
        } catch (RuntimeException e) {
            return server.trim().toLowerCase(Locale.ROOT);
        }
    }
}
