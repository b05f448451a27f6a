package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.drillconsole.model.BackupPoint;
import org.drillconsole.model.Causes;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.Side;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one cluster: a fast probe for the connection state, informers for the objects, and a publisher
 * that turns both into a {@link ClusterSnapshot} shortly after anything changes. One monitor per side, with
 * its own threads, so a dead cluster never delays the other side.
 */
public final class ClusterMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMonitor.class);
    static final long PROBE_INTERVAL_MS = 1000;
    /** Changes are coalesced for this long before a snapshot is rebuilt. */
    static final long COALESCE_MS = 30;
    static final long BACKUP_CHECK_SECONDS = 10;
    /** How long a closed monitor's informers' client stays open for a request its informers began before the stop. */
    static final long INFORMERS_GRACE_MS = 2000;
    /** Closes the informers' clients of closed monitors; its thread ends when there is nothing to close. */
    private static final ScheduledExecutorService CLIENT_CLOSER = closer();

    private final HealthEvaluator.Target target;
    private final ClusterTarget clusterTarget;
    private final String configError;
    /** The clients built before the monitor (or null: it builds them as it starts). */
    private final ClusterClients builtAhead;
    private final Consumer<ClusterSnapshot> listener;
    private final Clock clock;
    private final ScheduledExecutorService probeThread;
    private final ScheduledExecutorService publishThread;
    /** Looks for Velero backups every {@link #BACKUP_CHECK_SECONDS}: slow or refused, it never delays the probe. */
    private final ScheduledExecutorService backupThread;
    private volatile List<BackupPoint> veleroBackups = List.of();
    private final AtomicBoolean publishScheduled = new AtomicBoolean();
    /** How long the last health evaluation took (publish thread only). */
    private volatile long lastEvaluationMs;
    /** When the last snapshot was handed on ({@link System#nanoTime()}), or 0 before the first. */
    private volatile long lastPublishedAt;
    /**
     * Added on the probe thread, stopped by {@link #close()} on another and read on the publish thread: a
     * plain list let a close miss an informer being created, which then listed through the closed client
     * ("IllegalStateException: Client is closed" on a fabric8 thread, seen once in CI).
     */
    private final List<SharedIndexInformer<?>> informers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile KubernetesClient probeClient;
    private volatile KubernetesClient workClient;
    /** The informers' client: objects read slim ({@link SlimReads}), judged and never written back. */
    private volatile KubernetesClient watchClient;
    private ApiProbe probe;
    private volatile ProbeResult lastProbe;
    private volatile Instant lastContact;
    /**
     * The informers of {@link RefusableKinds} the credentials were refused: shown as not visible, never
     * waited for.
     */
    private final Set<SharedIndexInformer<?>> forbidden = ConcurrentHashMap.newKeySet();
    /** Whether the namespace exists, as the server said; null when it would not say. */
    private volatile Boolean namespaceExists;
    /** Set once the namespace has been asked for: no verdict is given before (it would say "no namespace"). */
    private volatile boolean namespaceChecked;
    private volatile boolean closed;
    /** Set once every informer field below is assigned, so the publish thread never sees half of them. */
    private volatile boolean informersStarted;
    /** Why the last list or watch of an informer failed, in words, or null. */
    private volatile String listFailure;
    private SharedIndexInformer<Deployment> deployments;
    private SharedIndexInformer<StatefulSet> statefulSets;
    private SharedIndexInformer<DaemonSet> daemonSets;
    private SharedIndexInformer<Node> nodes;
    private SharedIndexInformer<Pod> pods;
    private TrimmedPodStore podStore;
    private JudgedNodeStore nodeStore;
    private SharedIndexInformer<PersistentVolumeClaim> claims;
    private SharedIndexInformer<Service> services;
    private SharedIndexInformer<Event> events;
    private SharedIndexInformer<Job> jobs;
    private SharedIndexInformer<CronJob> cronJobs;

    public ClusterMonitor(ClusterTarget target, String namespace, Consumer<ClusterSnapshot> listener, Clock clock) {
        this(target.side(), target, null, null, namespace, listener, clock);
    }

    /** @param builtAhead the target's clients, built before; the monitor closes them with itself */
    ClusterMonitor(ClusterTarget target, ClusterClients builtAhead, String namespace,
                   Consumer<ClusterSnapshot> listener, Clock clock) {
        this(target.side(), target, builtAhead, null, namespace, listener, clock);
    }

    /** A monitor for a side whose configuration could not be loaded: it only reports the error. */
    public static ClusterMonitor misconfigured(Side side, String error, String namespace,
                                               Consumer<ClusterSnapshot> listener, Clock clock) {
        return new ClusterMonitor(side, null, null, error, namespace, listener, clock);
    }

    private ClusterMonitor(Side side, ClusterTarget clusterTarget, ClusterClients builtAhead, String configError,
                           String namespace, Consumer<ClusterSnapshot> listener, Clock clock) {
        this.clusterTarget = clusterTarget;
        this.builtAhead = builtAhead;
        this.configError = configError;
        this.target = new HealthEvaluator.Target(side, clusterTarget == null ? "" : clusterTarget.context(),
                clusterTarget == null ? "" : clusterTarget.server(), namespace);
        this.listener = listener;
        this.clock = clock;
        this.probeThread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("probe-" + side.key()));
        this.publishThread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("health-" + side.key()));
        this.backupThread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("backups-" + side.key()));
        this.lastProbe = new ProbeResult(ConnectionState.CONNECTING, "connecting…", -1, "", clock.instant());
    }

    private static ScheduledExecutorService closer() {
        ScheduledThreadPoolExecutor closer = new ScheduledThreadPoolExecutor(0, DaemonThreads.named("monitor-client-closer"));
        closer.setKeepAliveTime(1, TimeUnit.SECONDS);
        return closer;
    }

    public Side side() {
        return target.side();
    }

    public ClusterTarget clusterTarget() {
        return clusterTarget;
    }

    /** The client actions use (tuned timeouts, no hidden retries), or null while not yet created or misconfigured. */
    public KubernetesClient client() {
        return workClient;
    }

    public void start() {
        if (configError != null) {
            lastProbe = new ProbeResult(ConnectionState.MISCONFIGURED, configError, -1, "", clock.instant());
            requestPublish();
            return;
        }
        requestPublish();
        probeThread.submit(() -> {
            ClusterClients clients = builtAhead;
            try {
                if (clients == null) {
                    clients = ClusterClients.build(clusterTarget);
                }
            } catch (RuntimeException e) {
                // What fabric8 refuses to build with (the kubeconfig loader checks all it can before): said on
                // the pane, which would otherwise stay "connecting" for ever.
                lastProbe = new ProbeResult(ConnectionState.MISCONFIGURED, "no client can be built for this cluster: "
                        + KubeconfigLoader.firstLine(e), -1, "", clock.instant());
                requestPublish();
                return;
            }
            probeClient = clients.probe();
            workClient = clients.work();
            watchClient = clients.read();
            if (closed) {
                closeClients(); // closed while they were built: close() saw none or only some of them
                return;
            }
            probe = new ApiProbe(probeClient, clusterTarget, target.namespace(), clock);
            probeThread.scheduleWithFixedDelay(this::probeOnce, 0, PROBE_INTERVAL_MS, TimeUnit.MILLISECONDS);
            backupThread.scheduleWithFixedDelay(this::lookForBackups, 0, BACKUP_CHECK_SECONDS, TimeUnit.SECONDS);
        });
    }

    /**
     * Velero's completed Backups in any namespace. Where Velero is not installed (404) or the credentials
     * may not list its Backups (403), there are none in sight: the pane says so.
     */
    private void lookForBackups() {
        if (closed || workClient == null) {
            return;
        }
        try {
            List<BackupPoint> found = VeleroBackups.completed(workClient);
            if (!found.equals(veleroBackups)) {
                veleroBackups = found;
                requestPublish();
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404 || e.getCode() == 403) {
                veleroBackups = List.of();
            }
            // other failures (the server is down) keep what was seen last: the probe reports the outage
        }
    }

    /** The most recent snapshot, built now from what is cached. */
    public ClusterSnapshot snapshot() {
        JudgedNodeStore judgedNodes = nodeStore;
        return HealthEvaluator.evaluate(target, lastProbe, lastContact, objectsKnown(), objects(), clock.instant(),
                listFailure, judgedNodes == null ? NodeRules::evaluate : judgedNodes::health);
    }

    private void probeOnce() {
        if (closed) {
            return;
        }
        try {
            ProbeResult result = probe.probe();
            ConnectionState previous = lastProbe.state();
            lastProbe = result;
            if (result.contact() != null) {
                lastContact = result.contact();
            }
            if (result.state().answers()) {
                if (informers.isEmpty()) {
                    // First, so the lists are under way while the namespace is asked for: one round trip less
                    // before the panes fill (whether it exists only changes what the verdict says).
                    startInformers();
                }
                namespaceExists = probe.namespaceExists();
                namespaceChecked = true;
            }
            if (previous != result.state()) {
                LOG.info("{} cluster {}: {} ({})", target.side().label(), target.context(), result.state(),
                        result.message());
            }
            requestPublish();
        } catch (RuntimeException e) {
            if (!closed) { // a probe under way when the monitor closed fails on its closed client: no news
                LOG.warn("{} cluster probe failed: {}", target.side().label(), ApiProbe.describe(e));
            }
        }
    }

    private void startInformers() {
        String ns = target.namespace();
        deployments = inform(watchClient.apps().deployments().inNamespace(ns).runnableInformer(0));
        statefulSets = inform(watchClient.apps().statefulSets().inNamespace(ns).runnableInformer(0));
        daemonSets = inform(watchClient.apps().daemonSets().inNamespace(ns).runnableInformer(0));
        SharedIndexInformer<Pod> podInformer = watchClient.pods().inNamespace(ns).runnableInformer(0);
        // Keep only what health needs, trimmed once per change rather than rebuilt on every evaluation.
        podStore = new TrimmedPodStore();
        podInformer.itemStore(podStore);
        pods = inform(podInformer);
        claims = inform(watchClient.persistentVolumeClaims().inNamespace(ns).runnableInformer(0));
        services = inform(watchClient.services().inNamespace(ns).runnableInformer(0));
        // Filtered to Warning events when evaluated: not every server supports a field selector on type.
        events = inform(watchClient.v1().events().inNamespace(ns).runnableInformer(0));
        SharedIndexInformer<Node> nodeInformer = watchClient.nodes().runnableInformer(0);
        nodeStore = new JudgedNodeStore();
        nodeInformer.itemStore(nodeStore);
        nodes = inform(nodeInformer);
        jobs = inform(watchClient.batch().v1().jobs().inNamespace(ns).runnableInformer(0));
        cronJobs = inform(watchClient.batch().v1().cronjobs().inNamespace(ns).runnableInformer(0));
        informersStarted = true;
    }

    private static boolean isForbidden(Throwable error) {
        return Causes.first(error, KubernetesClientException.class, refused -> refused.getCode() == 403).isPresent();
    }

    /**
     * Starts an informer. When a kind the credentials {@linkplain RefusableKinds may be refused} is refused
     * (403), the informer stops and the kind is shown as not visible; any other failure, or a refused required
     * kind, is retried until the server answers again.
     */
    private <T extends HasMetadata> SharedIndexInformer<T> inform(SharedIndexInformer<T> informer) {
        boolean optional = RefusableKinds.mayBeRefused(informer.getApiTypeClass());
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj) {
                requestPublish();
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                requestPublish();
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                requestPublish();
            }
        });
        informer.exceptionHandler((started, error) -> {
            if (closed) {
                return false;
            }
            if (optional && isForbidden(error)) {
                if (forbidden.add(informer)) {
                    LOG.warn("{} cluster: these credentials may not list {}; shown as not visible",
                            target.side().label(), informer.getApiTypeClass().getSimpleName() + "s");
                }
                requestPublish();
                return false;
            }
            // shown until every list has arrived (then no longer read): a server that answers but not with
            // Kubernetes lists would otherwise say "waiting for the first object lists" for ever
            listFailure = ListFailures.describe(error) + "; trying again";
            requestPublish();
            return true; // keep retrying through outages: the informer resumes when the server answers again
        });
        informers.add(informer);
        if (closed) {
            // closed while the informers were being created: close() may not have seen this one
            informer.stop();
            return informer;
        }
        informer.start().whenComplete((ignored, error) -> requestPublish());
        return informer;
    }

    /** Listed (and kept up to date), or refused to these credentials. */
    private boolean settled(SharedIndexInformer<?> informer) {
        return informer.hasSynced() || forbidden.contains(informer);
    }

    private <T> List<T> listed(SharedIndexInformer<T> informer) {
        return informer.hasSynced() ? informer.getStore().list() : List.of();
    }

    /** Every list the rules read has arrived, so no verdict is given on half of the objects. */
    private boolean objectsKnown() {
        return informersStarted && namespaceChecked && informers.stream().allMatch(this::settled);
    }

    private ClusterObjects objects() {
        if (!informersStarted) {
            return ClusterObjects.empty();
        }
        TrimmedPodStore.ToJudge podsToJudge = podStore.toJudge();
        List<Deployment> deploymentList = deployments.getStore().list();
        return new ClusterObjects(ClusterObjects.namespaceExists(namespaceExists, deploymentList), deploymentList,
                statefulSets.getStore().list(), daemonSets.getStore().list(), nodes.hasSynced(), listed(nodes),
                podsToJudge.pods(), claims.getStore().list(), services.getStore().list(), events.getStore().list(),
                listed(jobs), listed(cronJobs), veleroBackups, podsToJudge.workspacesLeftOut());
    }

    /**
     * Publishes a change at once after a quiet spell, and coalesces a burst of changes into one snapshot at
     * most every {@link #COALESCE_MS} ms, or every as long as the last evaluation took, whichever is longer,
     * counted from the end of the last one ({@link #publishDelayMs}): on a cluster of tens of thousands of pods
     * under churn, judging it never takes more than about half of a core, and the window keeps its share; a
     * node going NotReady on a calm cluster is on screen without waiting for a burst that is not coming.
     */
    private void requestPublish() {
        if (closed || !publishScheduled.compareAndSet(false, true)) {
            return;
        }
        long published = lastPublishedAt;
        long since = published == 0 ? Long.MAX_VALUE : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - published);
        publishThread.schedule(() -> {
            publishScheduled.set(false);
            if (closed) {
                return;
            }
            try {
                long started = System.nanoTime();
                ClusterSnapshot next = snapshot();
                lastEvaluationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("{} cluster: could not evaluate health: {}", target.side().label(), e.toString());
            } finally {
                lastPublishedAt = System.nanoTime();
            }
        }, publishDelayMs(since, lastEvaluationMs), TimeUnit.MILLISECONDS);
    }

    /**
     * How long a change waits before it is judged, given how long ago the last snapshot was handed on and how
     * long judging took then: nothing when the interval has already passed, else the rest of it.
     */
    static long publishDelayMs(long sinceLastPublishedMs, long lastEvaluationMs) {
        return Math.max(0, Math.max(COALESCE_MS, lastEvaluationMs) - sinceLastPublishedMs);
    }

    @Override
    public void close() {
        closed = true;
        probeThread.shutdownNow();
        publishThread.shutdownNow();
        backupThread.shutdownNow();
        informers.forEach(SharedIndexInformer::stop);
        if (builtAhead != null && probeClient == null) {
            builtAhead.close(); // closed before it started: its start (now never run) would have taken them
        }
        closeClients(workClient, probeClient);
        KubernetesClient informersClient = watchClient;
        if (informersClient != null) {
            // A moment later: a list an informer began just before its stop (retrying an unreachable server,
            // say) would otherwise meet a closed client and end its fabric8 thread with "IllegalStateException:
            // Client is closed" on standard error (seen in CI). A stopped informer starts nothing new.
            CLIENT_CLOSER.schedule(informersClient::close, INFORMERS_GRACE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void closeClients() {
        closeClients(watchClient, workClient, probeClient);
    }

    private static void closeClients(KubernetesClient... clients) {
        for (KubernetesClient client : clients) {
            if (client != null) {
                client.close();
            }
        }
    }
}
