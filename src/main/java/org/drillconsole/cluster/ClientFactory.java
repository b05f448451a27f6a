package org.drillconsole.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds fabric8 clients with timeouts tuned for an on-call console: fabric8's defaults take 10 to 20 s
 * (ten retries with backoff) to give up on a dead server.
 */
public final class ClientFactory {

    private ClientFactory() {
    }

    /**
     * Typed reads only: no search of the class path for every kind fabric8 knows (about a thousand model
     * classes loaded and indexed), which is what a client needs to turn a manifest of any kind into an object.
     * Shared, so the mapper's caches fill once; the kubeconfig reader uses it too.
     */
    static final KubernetesSerialization TYPED_READS = new KubernetesSerialization(new ObjectMapper(), false);

    /** For the probe: fail fast, never retry. */
    public static KubernetesClient probeClient(Config config) {
        return build(config, 2000, ApiProbe.TIMEOUT_MS, TYPED_READS);
    }

    private static final class Slim {
        static final KubernetesSerialization READS = SlimReads.serialization();
    }

    /**
     * For one-shot lists (the {@code health} command): the work client's patience, and objects read without
     * the parts the health rules never look at ({@link SlimReads}); never for objects written back.
     */
    public static KubernetesClient readClient(Config config) {
        return build(config, 3000, 15000, Slim.READS);
    }

    /** For informers and actions: a little more patience for large lists, still no hidden retries. */
    public static KubernetesClient workClient(Config config) {
        return build(config, 3000, 15000, null);
    }

    private static KubernetesClient build(Config config, int connectMs, int requestMs,
                                          KubernetesSerialization serialization) {
        Config tuned = new ConfigBuilder(config)
                .withConnectionTimeout(connectMs)
                .withRequestTimeout(requestMs)
                .withRequestRetryBackoffLimit(0)
                .withWatchReconnectInterval(1000)
                .withWatchReconnectLimit(-1)
                .build();
        KubernetesClientBuilder builder = new KubernetesClientBuilder().withConfig(tuned);
        return (serialization == null ? builder : builder.withKubernetesSerialization(serialization)).build();
    }
}
