package org.drillconsole.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * Builds fabric8 clients with timeouts tuned for an on-call console: fabric8's defaults take 10 to 20 s
 * (ten retries with backoff) to give up on a dead server.
 */
public final class ClientFactory {

    private ClientFactory() {
    }

    /** For the probe: fail fast, never retry. */
    public static KubernetesClient probeClient(Config config) {
        return build(config, 2000, ApiProbe.TIMEOUT_MS);
    }

    /** For informers and actions: a little more patience for large lists, still no hidden retries. */
    public static KubernetesClient workClient(Config config) {
        return build(config, 3000, 15000);
    }

    private static KubernetesClient build(Config config, int connectMs, int requestMs) {
        Config tuned = new ConfigBuilder(config)
                .withConnectionTimeout(connectMs)
                .withRequestTimeout(requestMs)
                .withRequestRetryBackoffLimit(0)
                .withWatchReconnectInterval(1000)
                .withWatchReconnectLimit(-1)
                .build();
        return new KubernetesClientBuilder().withConfig(tuned).build();
    }
}
