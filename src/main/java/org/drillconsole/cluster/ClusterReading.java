package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.internal.OperationSupport;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.drillconsole.model.BackupPoint;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.Side;

/**
 * Both clusters read once, for a one-shot command such as {@code health}: a probe, then one list of each
 * kind the health rules read, all sides and kinds at the same time. No informer, no watch, nothing left
 * running: what a command that prints and exits needs. The snapshot is judged by the same
 * {@link HealthEvaluator} as the window's live panes.
 */
public final class ClusterReading {

    /** Both sides, and the warning when both kubeconfigs point at the same cluster. */
    public record Pair(ClusterSnapshot primary, ClusterSnapshot standby, Optional<String> sameClusterWarning) {
    }

    private ClusterReading() {
    }

    /**
     * Reads both sides at once. A side that does not answer is reported within its probe's timeout; lists
     * not complete within {@code wait} leave that side's objects unknown.
     */
    public static Pair read(ClusterPair.Source primary, ClusterPair.Source standby, String namespace, Duration wait,
                            Clock clock) {
        ClusterPair.Targets loaded = ClusterPair.Targets.load(primary, standby);
        ExecutorService pool = Executors.newCachedThreadPool(DaemonThreads.named("health-read"));
        try {
            Map<Side, CompletableFuture<ClusterSnapshot>> sides = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                ClusterTarget target = loaded.targets().get(side);
                sides.put(side, target == null
                        ? CompletableFuture.completedFuture(misconfigured(side, loaded.problems().get(side), namespace,
                        clock))
                        : CompletableFuture.supplyAsync(
                                () -> readSide(target, namespace, wait, clock, pool), pool));
            }
            return new Pair(sides.get(Side.PRIMARY).join(), sides.get(Side.STANDBY).join(),
                    loaded.sameClusterWarning());
        } finally {
            pool.shutdownNow();
        }
    }

    private static ClusterSnapshot misconfigured(Side side, String error, String namespace, Clock clock) {
        ProbeResult probe = new ProbeResult(ConnectionState.MISCONFIGURED, error, -1, "", clock.instant());
        return HealthEvaluator.evaluate(new HealthEvaluator.Target(side, "", "", namespace), probe, null, false,
                ClusterObjects.empty(), clock.instant());
    }

    private static ClusterSnapshot readSide(ClusterTarget cluster, String namespace, Duration wait, Clock clock,
                                            ExecutorService pool) {
        HealthEvaluator.Target target = new HealthEvaluator.Target(cluster.side(), cluster.context(),
                cluster.server(), namespace);
        long deadline = System.nanoTime() + wait.toNanos();
        // What fabric8 refuses to build a client with: this side is said to be misconfigured, the other still read.
        final KubernetesClient probeClient;
        try {
            probeClient = ClientFactory.probeClient(cluster);
        } catch (RuntimeException e) {
            return noClient(cluster, e, namespace, clock);
        }
        final KubernetesClient client;
        try {
            client = ClientFactory.readClient(cluster);
        } catch (RuntimeException e) {
            probeClient.close();
            return noClient(cluster, e, namespace, clock);
        }
        try (probeClient; client) {
            ApiProbe probe = new ApiProbe(probeClient, cluster, namespace, clock);
            // The probe and the lists go out together: on a cluster that answers, the lists are what takes time.
            Lists lists = new Lists(client, namespace, pool);
            CompletableFuture<Boolean> namespaceExists = CompletableFuture.supplyAsync(probe::namespaceExists, pool);
            ProbeResult result = probe.probe();
            if (!result.state().answers()) {
                lists.cancel();
                return HealthEvaluator.evaluate(target, result, result.contact(), false, ClusterObjects.empty(),
                        clock.instant());
            }
            Listed listed = lists.await(deadline, wait, namespaceExists);
            return HealthEvaluator.evaluate(target, result, result.contact(), listed.objects() != null,
                    listed.objects() == null ? ClusterObjects.empty() : listed.objects(), clock.instant(),
                    listed.problem());
        }
    }

    private static ClusterSnapshot noClient(ClusterTarget cluster, RuntimeException e, String namespace, Clock clock) {
        return misconfigured(cluster.side(), "no client can be built for this cluster: "
                + KubeconfigLoader.firstLine(e), namespace, clock);
    }

    /** The objects, or why they could not be listed. */
    private record Listed(ClusterObjects objects, String problem) {
    }

    /**
     * One list of each kind, started at once: GETs through the client's own HTTP client (its authentication,
     * proxy, trust and timeouts), each answer read by {@link SlimJson}; a refusal fails as fabric8's own list
     * would, with the server's status.
     */
    private static final class Lists {

        private static final String CORE = "api/v1/namespaces/";
        private static final String APPS = "apis/apps/v1/namespaces/";
        private static final String BATCH = "apis/batch/v1/namespaces/";

        private final List<CompletableFuture<?>> all = new ArrayList<>();
        private final CompletableFuture<List<io.fabric8.kubernetes.api.model.apps.Deployment>> deployments;
        private final CompletableFuture<List<io.fabric8.kubernetes.api.model.apps.StatefulSet>> statefulSets;
        private final CompletableFuture<List<io.fabric8.kubernetes.api.model.apps.DaemonSet>> daemonSets;
        private final CompletableFuture<Optional<List<io.fabric8.kubernetes.api.model.Node>>> nodes;
        private final CompletableFuture<List<io.fabric8.kubernetes.api.model.Pod>> pods;
        private final CompletableFuture<List<io.fabric8.kubernetes.api.model.PersistentVolumeClaim>> claims;
        private final CompletableFuture<List<io.fabric8.kubernetes.api.model.Service>> services;
        private final CompletableFuture<List<io.fabric8.kubernetes.api.model.Event>> events;
        private final CompletableFuture<Optional<List<io.fabric8.kubernetes.api.model.batch.v1.Job>>> jobs;
        private final CompletableFuture<Optional<List<io.fabric8.kubernetes.api.model.batch.v1.CronJob>>> cronJobs;
        private final CompletableFuture<Optional<List<BackupPoint>>> backups;

        Lists(KubernetesClient client, String ns, ExecutorService pool) {
            deployments = start(pool, () -> list(client, APPS + ns + "/deployments", SlimJson.DEPLOYMENTS));
            statefulSets = start(pool, () -> list(client, APPS + ns + "/statefulsets", SlimJson.STATEFUL_SETS));
            daemonSets = start(pool, () -> list(client, APPS + ns + "/daemonsets", SlimJson.DAEMON_SETS));
            pods = start(pool, () -> list(client, CORE + ns + "/pods", SlimJson.PODS));
            claims = start(pool, () -> list(client, CORE + ns + "/persistentvolumeclaims", SlimJson.CLAIMS));
            services = start(pool, () -> list(client, CORE + ns + "/services", SlimJson.SERVICES));
            events = start(pool, () -> list(client, CORE + ns + "/events", SlimJson.EVENTS));
            // What the credentials may not list is shown as not visible, not as an outage.
            nodes = start(pool, () -> permitted(io.fabric8.kubernetes.api.model.Node.class,
                    () -> list(client, "api/v1/nodes", SlimJson.NODES)));
            jobs = start(pool, () -> permitted(io.fabric8.kubernetes.api.model.batch.v1.Job.class,
                    () -> list(client, BATCH + ns + "/jobs", SlimJson.JOBS)));
            cronJobs = start(pool, () -> permitted(io.fabric8.kubernetes.api.model.batch.v1.CronJob.class,
                    () -> list(client, BATCH + ns + "/cronjobs", SlimJson.CRON_JOBS)));
            // Velero may be missing (404) or hidden (403): the backup check then says there is nothing to see.
            backups = start(pool, () -> refusedOrMissing(() -> VeleroBackups.completed(client)));
        }

        private static <T extends HasMetadata, L extends KubernetesResourceList<T>> List<T> list(
                KubernetesClient client, String path, SlimJson.Shape<L> shape) {
            HttpClient http = client.getHttpClient();
            HttpRequest request = http.newHttpRequestBuilder()
                    .uri(ApiProbe.base(client) + path)
                    .header("Accept", "application/json")
                    .timeout(client.getConfiguration().getRequestTimeout(), TimeUnit.MILLISECONDS)
                    .build();
            HttpResponse<InputStream> response;
            try {
                response = http.sendAsync(request, InputStream.class).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw KubernetesClientException.launderThrowable(e);
            } catch (ExecutionException e) {
                throw KubernetesClientException.launderThrowable(e.getCause());
            }
            if (!response.isSuccessful()) {
                try (InputStream ignored = response.body()) {
                    throw OperationSupport.requestFailure(request,
                            OperationSupport.createStatus(response, client.getKubernetesSerialization()));
                } catch (IOException e) {
                    throw KubernetesClientException.launderThrowable(e);
                }
            }
            List<T> items = SlimJson.read(response.body(), shape).getItems();
            return items == null ? List.of() : items;
        }

        private <T> CompletableFuture<T> start(ExecutorService pool, Supplier<T> read) {
            CompletableFuture<T> future = CompletableFuture.supplyAsync(read, pool);
            all.add(future);
            return future;
        }

        void cancel() {
            all.forEach(f -> f.cancel(true));
        }

        /** Every list, or why not: one failed, or not all finished before the deadline. */
        Listed await(long deadline, Duration wait, CompletableFuture<Boolean> namespaceExists) {
            try {
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                        .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                Boolean exists = namespaceExists.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                Optional<List<io.fabric8.kubernetes.api.model.Node>> nodeList = nodes.join();
                return new Listed(new ClusterObjects(ClusterObjects.namespaceExists(exists, deployments.join()),
                        deployments.join(), statefulSets.join(), daemonSets.join(), nodeList.isPresent(),
                        nodeList.orElse(List.of()), pods.join(), claims.join(), services.join(), events.join(),
                        jobs.join().orElse(List.of()), cronJobs.join().orElse(List.of()),
                        backups.join().orElse(List.of())), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                return new Listed(null, "interrupted");
            } catch (ExecutionException e) {
                cancel();
                return new Listed(null, ListFailures.describe(e.getCause()));
            } catch (TimeoutException e) {
                cancel();
                return new Listed(null, "not every list answered within " + wait.toSeconds() + " s (--wait)");
            }
        }

        /** A list of a kind that {@linkplain RefusableKinds may be refused}, empty when it is. */
        private static <T> Optional<List<T>> permitted(Class<T> kind, Supplier<List<T>> read) {
            if (!RefusableKinds.mayBeRefused(kind)) {
                throw new IllegalArgumentException(kind.getSimpleName() + " is required, not optional");
            }
            return refusedOrMissing(read);
        }

        private static <T> Optional<T> refusedOrMissing(Supplier<T> read) {
            try {
                return Optional.of(read.get());
            } catch (KubernetesClientException e) {
                if (e.getCode() == 403 || e.getCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        }
    }
}
