package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds fabric8 clients with timeouts tuned for an on-call console: fabric8's defaults take 10 to 20 s
 * (ten retries with backoff) to give up on a dead server.
 */
public final class ClientFactory {

    private ClientFactory() {
    }

    /**
     * Whole typed objects, with the kinds the console watches registered by hand. fabric8's default serialization
     * searches the class path for every model class of every API group (about a thousand classes, a third
     * of a second on a cold start) to know what kind a watch event or a manifest carries; the console's
     * clients only ever meet these kinds (a manifest of any kind, for an apply action, is read with fabric8's
     * own serialization). Shared, so the mapper's caches fill once; the kubeconfig reader uses it too.
     */
    static final KubernetesSerialization TYPED = withWatchedKinds(new KubernetesSerialization(new ObjectMapper(),
            false));

    /** The kinds the informers watch, and Status (a watch's error), known to a serialization by name. */
    static KubernetesSerialization withWatchedKinds(KubernetesSerialization serialization) {
        for (Class<? extends KubernetesResource> kind : List.of(Pod.class, Node.class, Service.class, Event.class,
                PersistentVolumeClaim.class, Namespace.class, Status.class, Deployment.class, StatefulSet.class,
                DaemonSet.class, Job.class, CronJob.class)) {
            serialization.registerKubernetesResource(kind);
        }
        return serialization;
    }

    /** For the probe: fail fast, never retry. */
    public static KubernetesClient probeClient(Config config) {
        return build(config, 2000, ApiProbe.TIMEOUT_MS, TYPED, null);
    }

    /** The same for a kubeconfig's side, whose exec plugin's token {@link ExecCredentials} renews. */
    public static KubernetesClient probeClient(ClusterTarget target) {
        return build(target.config(), 2000, ApiProbe.TIMEOUT_MS, TYPED, target.execCredentials());
    }

    private static final class Slim {
        static final KubernetesSerialization READS = SlimReads.serialization();
    }

    /**
     * For objects that are judged and dropped (the {@code health} command's lists, the window's informers):
     * the work client's patience, and objects read without the parts the health rules never look at
     * ({@link SlimReads}); never for objects written back.
     */
    public static KubernetesClient readClient(ClusterTarget target) {
        return build(target.config(), 3000, 15000, Slim.READS, target.execCredentials());
    }

    /**
     * For actions and what they read before writing (and Velero's backups): whole objects, a little more
     * patience than the probe, still no hidden retries.
     */
    public static KubernetesClient workClient(ClusterTarget target) {
        return build(target.config(), 3000, 15000, TYPED, target.execCredentials());
    }

    /** @param exec the side's exec plugin token, or null when it has none */
    private static KubernetesClient build(Config config, int connectMs, int requestMs,
                                          KubernetesSerialization serialization, ExecCredentials exec) {
        Optional<TrustManager[]> trust = ServerTrust.replacing(config);
        Config tuned = new ConfigBuilder(config)
                .withConnectionTimeout(connectMs)
                .withRequestTimeout(requestMs)
                .withRequestRetryBackoffLimit(0)
                .withWatchReconnectInterval(1000)
                .withWatchReconnectLimit(-1)
                // fabric8 then builds its accept-all trust managers (no trust store read) and the factory puts
                // ServerTrust's in their place in every HTTP client it builds for this one
                .withTrustCerts(trust.isPresent() || config.isTrustCerts())
                .build();
        return new KubernetesClientBuilder().withConfig(tuned).withKubernetesSerialization(serialization)
                .withHttpClientFactory(new StoppingJdkHttpClientFactory(trust, exec)).build();
    }
}
