package org.drillconsole.sandbox;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.drillconsole.cluster.ClusterMonitor;
import org.drillconsole.cluster.ClusterPair;
import org.drillconsole.cluster.HealthEvaluator;
import org.drillconsole.drill.Network;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.Side;

/**
 * The practice clusters' outside world. DNS is a ConfigMap kept on both clusters (the "shift DNS" step is
 * the {@code dns SIDE} practice control), and Gitpod's HTTP endpoint answers 200 when the side the name
 * points at runs its proxy and server, 503 when they are not up, and not at all when that cluster is down.
 */
public final class PracticeNetwork implements Network {

    public static final String NAMESPACE = "default";
    public static final String CONFIG_MAP = "practice-dns";

    private final ClusterPair clusters;

    public PracticeNetwork(ClusterPair clusters) {
        this.clusters = clusters;
    }

    @Override
    public List<String> resolve(String host) {
        for (Side side : List.of(Side.STANDBY, Side.PRIMARY)) {
            ClusterMonitor monitor = clusters.monitor(side);
            KubernetesClient client = monitor.client();
            if (client == null || !monitor.snapshot().state().answers()) {
                continue;
            }
            try {
                ConfigMap dns = client.configMaps().inNamespace(NAMESPACE).withName(CONFIG_MAP).get();
                Map<String, String> records = dns == null || dns.getData() == null ? Map.of() : dns.getData();
                return records.containsKey(host) ? List.of(records.get(host)) : List.of();
            } catch (RuntimeException unreachable) {
                // try the other side's copy
            }
        }
        return List.of();
    }

    @Override
    public Answer get(String url) {
        String host = URI.create(url).getHost();
        List<String> addresses = resolve(host);
        if (addresses.isEmpty()) {
            return new Answer(-1, "unknown host " + host);
        }
        for (Side side : Side.values()) {
            ClusterSnapshot s = clusters.monitor(side).snapshot();
            if (!s.proxyAddress().equals(addresses.get(0))) {
                continue;
            }
            if (!s.state().answers()) {
                return new Answer(-1, "connect timed out: the " + side.key() + " cluster behind " + addresses.get(0)
                        + " is down");
            }
            return new Answer(serves(s) ? 200 : 503, "");
        }
        return new Answer(-1, "no route to " + addresses.get(0));
    }

    /**
     * Gitpod answers when nothing on its serving path lacks an available replica, by the same rule that makes
     * the verdict DOWN.
     */
    private static boolean serves(ClusterSnapshot s) {
        return HealthEvaluator.servingPathDown(s.components()).isEmpty();
    }

    /** The DNS record, as seeded and as the {@code dns SIDE} control sets it. */
    static Map<String, String> records(String address) {
        return Map.of("gitpod.example.com", address);
    }

    static String proxyAddress(Side side) {
        return side == Side.PRIMARY ? "203.0.113.10" : "203.0.113.20";
    }
}
