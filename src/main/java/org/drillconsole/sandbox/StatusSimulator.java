package org.drillconsole.sandbox;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.drillconsole.cluster.GitpodReference;
import org.drillconsole.model.Side;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the Kubernetes controllers the mock API server lacks: when a workload's spec changes it becomes
 * Progressing at once (pods created, Pending) and Healthy after the configured delay (pods Running and
 * ready). Crash-looping components keep their pods in CrashLoopBackOff. All writes go through the API, so
 * every client sees them as watch events, exactly as on a real cluster.
 */
public final class StatusSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusSimulator.class);
    private static final String NS = GitpodSeed.NAMESPACE;

    private final KubernetesClient client;
    private final Side side;
    private final long delayMs;
    private final ScheduledExecutorService worker;
    private final Map<String, Instant> readyAt = new ConcurrentHashMap<>();
    private final Set<String> crashing = ConcurrentHashMap.newKeySet();
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private volatile boolean closed;
    /** False while the seeded install is brought to its steady state at once, without the delay. */
    private volatile boolean settled;

    StatusSimulator(KubernetesClient client, Side side, SandboxOptions options) {
        this.client = client;
        this.side = side;
        this.delayMs = options.reconcileDelay().toMillis();
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "practice-controllers-" + side.key());
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        // Reach the steady state of a running install at once; later changes take the configured delay.
        for (Deployment d : client.apps().deployments().inNamespace(NS).list().getItems()) {
            reconcile(d.getMetadata().getName());
        }
        for (StatefulSet s : client.apps().statefulSets().inNamespace(NS).list().getItems()) {
            reconcile(s.getMetadata().getName());
        }
        for (DaemonSet d : client.apps().daemonSets().inNamespace(NS).list().getItems()) {
            reconcile(d.getMetadata().getName());
        }
        settled = true;
        if (side == Side.PRIMARY) {
            // Velero on the primary takes an installation backup every five minutes.
            worker.scheduleAtFixedRate(guarded(this::completeBackup), 5, 5, TimeUnit.MINUTES);
        }
        informers.add(watch(client.apps().deployments().inNamespace(NS).runnableInformer(0)));
        informers.add(watch(client.apps().statefulSets().inNamespace(NS).runnableInformer(0)));
        informers.add(watch(client.apps().daemonSets().inNamespace(NS).runnableInformer(0)));
        SharedIndexInformer<Node> nodes = client.nodes().runnableInformer(0);
        nodes.addEventHandler(handler(node -> client.apps().daemonSets().inNamespace(NS).list().getItems()
                .forEach(ds -> reconcile(ds.getMetadata().getName()))));
        informers.add(nodes);
        informers.forEach(SharedIndexInformer::start);
    }

    private <T extends HasMetadata> SharedIndexInformer<T> watch(SharedIndexInformer<T> informer) {
        informer.addEventHandler(handler(obj -> reconcile(obj.getMetadata().getName())));
        return informer;
    }

    private <T> ResourceEventHandler<T> handler(java.util.function.Consumer<T> action) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                submit(() -> action.accept(obj));
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                submit(() -> action.accept(newObj));
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                // deleting a workload leaves its pods to be cleaned up by hand, as orphaned pods would be
            }
        };
    }

    private void submit(Runnable task) {
        if (!closed) {
            worker.execute(guarded(task));
        }
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.debug("practice {} controllers: {}", side.key(), e.toString());
                }
            }
        };
    }

    private void completeBackup() {
        client.genericKubernetesResources(GitpodReference.VELERO_BACKUP).inNamespace("velero").withName("gitpod-nightly")
                .edit(backup -> {
                    backup.getAdditionalProperties().put("status", Map.of("phase", "Completed",
                            "completionTimestamp", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                    .toString()));
                    return backup;
                });
    }

    /** Makes a component's pods crash-loop (true) or recover (false). */
    public void setCrashLooping(String component, boolean crash) {
        if (crash) {
            crashing.add(component);
            client.v1().events().inNamespace(NS).resource(new EventBuilder()
                    .withNewMetadata().withGenerateName(component + ".").endMetadata()
                    .withType("Warning").withReason("BackOff")
                    .withMessage("Back-off restarting failed container " + component)
                    .withNewInvolvedObject().withKind("Pod").withName(component).withNamespace(NS).endInvolvedObject()
                    .withCount(1).withLastTimestamp(Instant.now().toString()).build()).create();
        } else {
            crashing.remove(component);
        }
        submit(() -> reconcile(component));
    }

    public boolean isCrashLooping(String component) {
        return crashing.contains(component);
    }

    private void reconcile(String name) {
        if (closed) {
            return;
        }
        Deployment deployment = client.apps().deployments().inNamespace(NS).withName(name).get();
        if (deployment != null) {
            reconcileDeployment(deployment);
            return;
        }
        StatefulSet statefulSet = client.apps().statefulSets().inNamespace(NS).withName(name).get();
        if (statefulSet != null) {
            reconcileStatefulSet(statefulSet);
            return;
        }
        DaemonSet daemonSet = client.apps().daemonSets().inNamespace(NS).withName(name).get();
        if (daemonSet != null) {
            reconcileDaemonSet(daemonSet);
        }
    }

    /** The replicas that are ready now, and whether the spec has just changed (Progressing). */
    private record Progress(int available, boolean progressing) {
    }

    private Progress progress(String name, int desired, int previousAvailable, boolean specChanged) {
        Instant now = Instant.now();
        if (specChanged && settled) {
            readyAt.put(name, now.plusMillis(delayMs));
            worker.schedule(guarded(() -> reconcile(name)), delayMs + 10, TimeUnit.MILLISECONDS);
            return new Progress(Math.min(previousAvailable, desired), true);
        }
        Instant due = readyAt.get(name);
        if (due != null && now.isBefore(due)) {
            return new Progress(Math.min(previousAvailable, desired), true);
        }
        readyAt.remove(name);
        return new Progress(crashing.contains(name) ? 0 : desired, false);
    }

    private void reconcileDeployment(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        int desired = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
        long generation = Objects.requireNonNullElse(deployment.getMetadata().getGeneration(), 1L);
        var status = deployment.getStatus();
        boolean specChanged = status == null || !Objects.equals(status.getReplicas(), desired)
                || !Objects.equals(status.getObservedGeneration(), generation);
        Progress progress = progress(name, desired, status == null ? 0 : value(status.getAvailableReplicas()),
                specChanged);
        syncPods(name, desired, progress);
        var next = new DeploymentStatusBuilder().withObservedGeneration(generation).withReplicas(desired)
                .withUpdatedReplicas(desired).withReadyReplicas(progress.available())
                .withAvailableReplicas(progress.available())
                .withUnavailableReplicas(desired - progress.available())
                .addNewCondition().withType("Progressing").withStatus("True")
                .withReason(progress.progressing() ? "ReplicaSetUpdated" : "NewReplicaSetAvailable").endCondition()
                .addNewCondition().withType("Available").withStatus(progress.available() >= desired ? "True" : "False")
                .withReason(progress.available() >= desired ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable")
                .endCondition().build();
        if (!next.equals(status)) {
            client.apps().deployments().inNamespace(NS).withName(name).editStatus(d -> {
                d.setStatus(next);
                return d;
            });
        }
    }

    private void reconcileStatefulSet(StatefulSet statefulSet) {
        String name = statefulSet.getMetadata().getName();
        int desired = Objects.requireNonNullElse(statefulSet.getSpec().getReplicas(), 1);
        long generation = Objects.requireNonNullElse(statefulSet.getMetadata().getGeneration(), 1L);
        var status = statefulSet.getStatus();
        boolean specChanged = status == null || !Objects.equals(status.getReplicas(), desired)
                || !Objects.equals(status.getObservedGeneration(), generation);
        Progress progress = progress(name, desired, status == null ? 0 : value(status.getReadyReplicas()), specChanged);
        syncPods(name, desired, progress);
        String revision = name + "-" + GitpodSeed.VERSION.replace(".", "");
        var next = new StatefulSetStatusBuilder().withObservedGeneration(generation).withReplicas(desired)
                .withReadyReplicas(progress.available()).withAvailableReplicas(progress.available())
                .withCurrentReplicas(desired).withUpdatedReplicas(desired)
                .withCurrentRevision(revision).withUpdateRevision(revision).build();
        if (!next.equals(status)) {
            client.apps().statefulSets().inNamespace(NS).withName(name).editStatus(s -> {
                s.setStatus(next);
                return s;
            });
        }
    }

    private void reconcileDaemonSet(DaemonSet daemonSet) {
        String name = daemonSet.getMetadata().getName();
        int desired = (int) client.nodes().list().getItems().stream()
                .filter(n -> n.getMetadata().getLabels() != null
                        && n.getMetadata().getLabels().containsKey(GitpodReference.NODE_LABELS.get(0)))
                .count();
        long generation = Objects.requireNonNullElse(daemonSet.getMetadata().getGeneration(), 1L);
        var status = daemonSet.getStatus();
        boolean specChanged = status == null || !Objects.equals(status.getDesiredNumberScheduled(), desired)
                || !Objects.equals(status.getObservedGeneration(), generation);
        Progress progress = progress(name, desired, status == null ? 0 : value(status.getNumberAvailable()),
                specChanged);
        syncPods(name, desired, progress);
        var next = new DaemonSetStatusBuilder().withObservedGeneration(generation).withDesiredNumberScheduled(desired)
                .withCurrentNumberScheduled(desired).withUpdatedNumberScheduled(desired)
                .withNumberReady(progress.available()).withNumberAvailable(progress.available())
                .withNumberUnavailable(desired - progress.available()).withNumberMisscheduled(0).build();
        if (!next.equals(status)) {
            client.apps().daemonSets().inNamespace(NS).withName(name).editStatus(d -> {
                d.setStatus(next);
                return d;
            });
        }
    }

    /** Pods named {@code component-N}: the first {@code available} ready, the rest Pending or crash-looping. */
    private void syncPods(String component, int desired, Progress progress) {
        List<Pod> existing = client.pods().inNamespace(NS)
                .withLabel(GitpodReference.COMPONENT_LABEL, component).list().getItems();
        for (Pod pod : existing) {
            if (index(pod, component) >= desired) {
                client.pods().inNamespace(NS).resource(pod).delete();
            }
        }
        for (int i = 0; i < desired; i++) {
            String podName = component + "-" + i;
            boolean ready = i < progress.available();
            boolean crash = crashing.contains(component) && !progress.progressing();
            Pod current = existing.stream().filter(p -> p.getMetadata().getName().equals(podName)).findFirst()
                    .orElse(null);
            if (current == null) {
                current = client.pods().inNamespace(NS).resource(new PodBuilder()
                        .withNewMetadata().withName(podName).withLabels(GitpodSeed.labels(component))
                        .withCreationTimestamp(Instant.now().toString()).endMetadata()
                        .withNewSpec().addNewContainer().withName(component).withImage(GitpodSeed.image(component))
                        .endContainer().endSpec().build()).create();
            }
            writePodStatus(current, component, ready, crash);
        }
    }

    private void writePodStatus(Pod pod, String component, boolean ready, boolean crash) {
        int restarts = pod.getStatus() == null || pod.getStatus().getContainerStatuses().isEmpty() ? 0
                : value(pod.getStatus().getContainerStatuses().get(0).getRestartCount());
        ContainerStatusBuilder container = new ContainerStatusBuilder().withName(component)
                .withImage(GitpodSeed.image(component)).withReady(ready);
        String phase;
        if (crash) {
            phase = "Running";
            container.withRestartCount(restarts + 1)
                    .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                    .withMessage("back-off restarting failed container").endWaiting().endState();
        } else if (ready) {
            phase = "Running";
            container.withRestartCount(restarts).withNewState().withNewRunning().withStartedAt(Instant.now().toString())
                    .endRunning().endState();
        } else {
            phase = "Pending";
            container.withRestartCount(restarts).withNewState().withNewWaiting().withReason("ContainerCreating")
                    .endWaiting().endState();
        }
        ContainerStatus next = container.build();
        boolean same = pod.getStatus() != null && phase.equals(pod.getStatus().getPhase())
                && pod.getStatus().getContainerStatuses().size() == 1
                && sameState(pod.getStatus().getContainerStatuses().get(0), next);
        if (same) {
            return;
        }
        client.pods().inNamespace(NS).withName(pod.getMetadata().getName()).editStatus(p -> {
            p.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase(phase)
                    .withContainerStatuses(next).build());
            return p;
        });
    }

    private static boolean sameState(ContainerStatus a, ContainerStatus b) {
        return Objects.equals(a.getReady(), b.getReady())
                && Objects.equals(a.getState().getWaiting() == null ? null : a.getState().getWaiting().getReason(),
                b.getState().getWaiting() == null ? null : b.getState().getWaiting().getReason());
    }

    private static int index(Pod pod, String component) {
        String name = pod.getMetadata().getName();
        try {
            return Integer.parseInt(name.substring(component.length() + 1));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static int value(Integer number) {
        return number == null ? 0 : number;
    }

    @Override
    public void close() {
        closed = true;
        informers.forEach(SharedIndexInformer::stop);
        worker.shutdownNow();
    }
}
