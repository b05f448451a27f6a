package org.drillconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.drillconsole.cluster.GitpodReference;
import org.drillconsole.model.Side;
import org.drillconsole.sandbox.api.ApiException;
import org.drillconsole.sandbox.api.ApiResource;
import org.drillconsole.sandbox.api.ApiResources;
import org.drillconsole.sandbox.api.ObjectStore;
import org.drillconsole.sandbox.api.ObjectStore.Change;
import org.drillconsole.sandbox.api.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The practice cluster's controllers, scheduler and kubelets, working on the store as a real control
 * plane works on etcd: a Deployment owns ReplicaSets by template (a new template is a new revision, rolled
 * out and then the old one scaled down), ReplicaSets, StatefulSets, DaemonSets and Jobs own pods, pods are
 * scheduled onto schedulable nodes, start Pending and become Running and ready after the configured delay,
 * deleted or evicted pods are replaced, DaemonSets follow the nodes, and crash-looping components keep
 * their pods in CrashLoopBackOff. Every change goes through the store, so every client sees it as a
 * watch event. One thread does all the work; store changes only queue work for it.
 */
public final class PracticeControllers implements AutoCloseable {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String TEMPLATE_HASH = "pod-template-hash";
    static final String REVISION_HASH = "controller-revision-hash";

    private static final Logger LOG = LoggerFactory.getLogger(PracticeControllers.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_EVENTS = 400;

    private final ObjectStore store;
    private final Side side;
    private final long delayMs;
    private final ScheduledExecutorService worker;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Set<String> crashing = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    /** False while the seeded install is brought to its steady state at once, without the delay. */
    private volatile boolean settled;
    /**
     * Pods waiting for a node (Pending, no nodeName), by "namespace/name": what the scheduler looks at when a
     * node changes, instead of every pod of the cluster (tens of thousands on a large practice cluster, where
     * nodes change all the time). Candidates only: each is read again before it is placed.
     */
    private final Set<String> unscheduled = ConcurrentHashMap.newKeySet();

    PracticeControllers(ObjectStore store, Side side, SandboxOptions options) {
        this.store = store;
        this.side = side;
        this.delayMs = options.reconcileDelay().toMillis();
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "practice-controllers-" + side.key());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Brings the seeded objects to a running install's steady state at once, then follows changes. */
    void start() {
        for (ApiResource kind : List.of(ApiResources.DEPLOYMENTS, ApiResources.REPLICA_SETS,
                ApiResources.STATEFUL_SETS, ApiResources.DAEMON_SETS, ApiResources.JOBS)) {
            for (ObjectNode object : store.list(kind, (String) null)) {
                reconcile(kind, namespace(object), name(object));
            }
        }
        // A Deployment's ReplicaSet made above needs one more pass for the Deployment to see it ready.
        for (ObjectNode object : store.list(ApiResources.DEPLOYMENTS, (String) null)) {
            reconcile(ApiResources.DEPLOYMENTS, namespace(object), name(object));
        }
        settled = true;
        store.addListener(this::changed);
        for (ObjectNode pod : store.list(ApiResources.PODS, (String) null)) {
            if (waitsForNode(pod)) {
                unscheduled.add(podKey(pod));
            }
        }
        if (side == Side.PRIMARY) {
            // Velero on the primary takes an installation backup every five minutes.
            worker.scheduleAtFixedRate(guarded(this::completeBackup), 5, 5, TimeUnit.MINUTES);
        }
    }

    /** Makes the pods of a workload (Deployment, StatefulSet or DaemonSet, by name) crash-loop or recover. */
    public void setCrashLooping(String component, boolean crash) {
        if (crash) {
            crashing.add(component);
        } else {
            crashing.remove(component);
        }
        worker.execute(guarded(() -> {
            for (ObjectNode pod : store.list(ApiResources.PODS, (String) null)) {
                if (component.equals(workloadOf(pod)) && isRunningOrStarting(pod)) {
                    if (crash) {
                        startCrashing(pod);
                    } else {
                        becomeReady(namespace(pod), name(pod), pod.path("metadata").path("uid").asText());
                    }
                }
            }
        }));
    }

    public boolean isCrashLooping(String component) {
        return crashing.contains(component);
    }

    // ---- what changed, and what to reconcile because of it

    private void changed(Change change) {
        if (closed || !settled) {
            return;
        }
        ApiResource kind = change.resource();
        ObjectNode object = change.object();
        if (kind.equals(ApiResources.PODS)) {
            if (change.type() != ObjectStore.EventType.DELETED && waitsForNode(object)) {
                unscheduled.add(podKey(object));
            } else {
                unscheduled.remove(podKey(object));
            }
        }
        if (kind.equals(ApiResources.NODES)) {
            // Which nodes a DaemonSet runs on follows the nodes and their labels, not their status: on a
            // cluster of thousands of nodes, status changes come many times a second.
            if (change.previous() == null || change.type() != ObjectStore.EventType.MODIFIED
                    || !change.previous().path("metadata").path("labels").equals(object.path("metadata").path("labels"))) {
                for (ObjectNode ds : store.list(ApiResources.DAEMON_SETS, (String) null)) {
                    queue(ApiResources.DAEMON_SETS, namespace(ds), name(ds));
                }
            }
            queue(ApiResources.NODES, null, "*unscheduled*");
            return;
        }
        if (List.of(ApiResources.DEPLOYMENTS, ApiResources.REPLICA_SETS, ApiResources.STATEFUL_SETS,
                ApiResources.DAEMON_SETS, ApiResources.JOBS).contains(kind)) {
            queue(kind, namespace(object), name(object));
        }
        if (kind.equals(ApiResources.REPLICA_SETS) || kind.equals(ApiResources.PODS)) {
            for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
                ApiResources.byKind(owner.path("apiVersion").asText(), owner.path("kind").asText())
                        .ifPresent(ownerKind -> queue(ownerKind, namespace(object), owner.path("name").asText()));
            }
        }
    }

    private void queue(ApiResource kind, String namespace, String name) {
        String key = kind.plural() + "/" + namespace + "/" + name;
        if (!closed && queued.add(key)) {
            worker.execute(guarded(() -> {
                queued.remove(key);
                if (kind.equals(ApiResources.NODES)) {
                    scheduleWaitingPods();
                } else {
                    reconcile(kind, namespace, name);
                }
            }));
        }
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.warn("practice {} controllers: {}", side.key(), e.toString());
                }
            }
        };
    }

    private void reconcile(ApiResource kind, String namespace, String name) {
        if (closed) {
            return;
        }
        ObjectNode object = store.get(kind, namespace, name);
        if (object == null) {
            return;
        }
        try {
            if (kind.equals(ApiResources.DEPLOYMENTS)) {
                reconcileDeployment(object);
            } else if (kind.equals(ApiResources.REPLICA_SETS)) {
                reconcileReplicaSet(object);
            } else if (kind.equals(ApiResources.STATEFUL_SETS)) {
                reconcileStatefulSet(object);
            } else if (kind.equals(ApiResources.DAEMON_SETS)) {
                reconcileDaemonSet(object);
            } else if (kind.equals(ApiResources.JOBS)) {
                reconcileJob(object);
            }
        } catch (ApiException e) {
            LOG.debug("practice {} controllers: {} {}: {}", side.key(), kind, name, e.getMessage());
        }
    }

    // ---- Deployments: one ReplicaSet per template, the newest scaled up, the older ones down once it is ready

    private void reconcileDeployment(ObjectNode deployment) throws ApiException {
        String ns = namespace(deployment);
        String name = name(deployment);
        int desired = deployment.path("spec").path("replicas").asInt(1);
        String hash = hash(deployment.path("spec").path("template"));
        List<ObjectNode> sets = owned(ApiResources.REPLICA_SETS, deployment);
        ObjectNode current = sets.stream().filter(rs -> hash.equals(label(rs, TEMPLATE_HASH))).findFirst().orElse(null);
        int newest = sets.stream().mapToInt(PracticeControllers::revision).max().orElse(0);
        if (current == null) {
            ObjectNode rs = JSON.createObjectNode();
            ObjectNode meta = rs.putObject("metadata").put("name", name + "-" + hash).put("namespace", ns);
            ObjectNode labels = templateLabels(deployment).put(TEMPLATE_HASH, hash);
            meta.set("labels", labels);
            meta.putObject("annotations").put(REVISION, Integer.toString(newest + 1));
            ownedBy(meta, deployment);
            ObjectNode spec = rs.putObject("spec").put("replicas", desired);
            spec.putObject("selector").set("matchLabels", labels.deepCopy());
            ObjectNode template = deployment.path("spec").path("template").deepCopy();
            template.with("metadata").set("labels", labels.deepCopy());
            spec.set("template", template);
            current = store.create(ApiResources.REPLICA_SETS, ns, rs, false);
            event(deployment, "Normal", "ScalingReplicaSet", "Scaled up replica set " + name(current) + " from 0 to "
                    + desired);
        } else if (revision(current) < newest) {
            // rolled back to an earlier template: that ReplicaSet becomes the newest revision again
            int next = newest + 1;
            current = store.modify(ApiResources.REPLICA_SETS, ns, name(current), false, rs -> {
                rs.with("metadata").with("annotations").put(REVISION, Integer.toString(next));
                return rs;
            });
        }
        ObjectNode target = current;
        if (target.path("spec").path("replicas").asInt() != desired) {
            int from = target.path("spec").path("replicas").asInt();
            store.modify(ApiResources.REPLICA_SETS, ns, name(target), false, rs -> {
                rs.with("spec").put("replicas", desired);
                return rs;
            });
            event(deployment, "Normal", "ScalingReplicaSet", "Scaled " + (desired > from ? "up" : "down")
                    + " replica set " + name(target) + " from " + from + " to " + desired);
        }
        ObjectNode fresh = store.get(ApiResources.REPLICA_SETS, ns, name(target));
        boolean newReady = fresh.path("status").path("availableReplicas").asInt() >= desired
                && fresh.path("status").path("replicas").asInt() == desired;
        int total = 0;
        int ready = 0;
        for (ObjectNode rs : owned(ApiResources.REPLICA_SETS, deployment)) {
            if (!name(rs).equals(name(target)) && newReady && rs.path("spec").path("replicas").asInt() > 0) {
                int from = rs.path("spec").path("replicas").asInt();
                rs = store.modify(ApiResources.REPLICA_SETS, ns, name(rs), false, old -> {
                    old.with("spec").put("replicas", 0);
                    return old;
                });
                event(deployment, "Normal", "ScalingReplicaSet", "Scaled down replica set " + name(rs) + " from "
                        + from + " to 0");
            }
            total += rs.path("status").path("replicas").asInt();
            ready += rs.path("status").path("availableReplicas").asInt();
        }
        int updated = fresh.path("status").path("replicas").asInt();
        int available = Math.min(ready, total);
        boolean complete = newReady && total == desired;
        int revision = revision(fresh);
        store.modify(ApiResources.DEPLOYMENTS, ns, name, false, d -> {
            d.with("metadata").with("annotations").put(REVISION, Integer.toString(revision));
            return d;
        });
        long generation = deployment.path("metadata").path("generation").asLong(1);
        int totalReplicas = total;
        store.modify(ApiResources.DEPLOYMENTS, ns, name, true, d -> {
            ObjectNode old = d.path("status").isObject() ? (ObjectNode) d.get("status") : JSON.createObjectNode();
            ObjectNode status = JSON.createObjectNode().put("observedGeneration", generation)
                    .put("replicas", totalReplicas).put("updatedReplicas", updated).put("readyReplicas", available)
                    .put("availableReplicas", available).put("unavailableReplicas", Math.max(desired - available, 0));
            ArrayNode conditions = status.putArray("conditions");
            conditions.add(condition(old, "Available", available >= desired ? "True" : "False",
                    available >= desired ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                    available >= desired ? "Deployment has minimum availability."
                            : "Deployment does not have minimum availability."));
            conditions.add(condition(old, "Progressing", "True",
                    complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                    "ReplicaSet \"" + name(target) + "\" " + (complete ? "has successfully progressed." : "is progressing.")));
            d.set("status", status);
            return d;
        });
    }

    // ---- ReplicaSets, StatefulSets, DaemonSets and Jobs: pods

    private void reconcileReplicaSet(ObjectNode rs) throws ApiException {
        int desired = rs.path("spec").path("replicas").asInt(1);
        List<ObjectNode> pods = owned(ApiResources.PODS, rs);
        pods.sort(Comparator.comparing(PracticeControllers::isReady).thenComparing(p -> p.path("metadata")
                .path("creationTimestamp").asText(), Comparator.reverseOrder()));
        for (int i = pods.size(); i < desired; i++) {
            createPod(rs, name(rs) + "-" + ObjectStore.suffix(), null, "SuccessfulCreate");
        }
        for (int i = 0; i < pods.size() - desired; i++) {
            deletePod(rs, pods.get(i));
        }
        writeSetStatus(rs, ApiResources.REPLICA_SETS, (status, counts) -> status
                .put("replicas", counts.total()).put("fullyLabeledReplicas", counts.total())
                .put("readyReplicas", counts.ready()).put("availableReplicas", counts.ready()));
    }

    private void reconcileStatefulSet(ObjectNode sts) throws ApiException {
        int desired = sts.path("spec").path("replicas").asInt(1);
        String name = name(sts);
        String revision = name + "-" + hash(sts.path("spec").path("template"));
        Map<String, ObjectNode> pods = new HashMap<>();
        for (ObjectNode pod : owned(ApiResources.PODS, sts)) {
            int ordinal = ordinal(name(pod), name);
            if (ordinal >= desired || !revision.equals(name + "-" + label(pod, REVISION_HASH))) {
                deletePod(sts, pod); // scaled down, or replaced by the new revision
            } else {
                pods.put(name(pod), pod);
            }
        }
        for (int i = 0; i < desired; i++) {
            if (!pods.containsKey(name + "-" + i)) {
                createPod(sts, name + "-" + i, null, "SuccessfulCreate");
            }
        }
        long generation = sts.path("metadata").path("generation").asLong(1);
        writeSetStatus(sts, ApiResources.STATEFUL_SETS, (status, counts) -> status
                .put("replicas", counts.total()).put("readyReplicas", counts.ready())
                .put("availableReplicas", counts.ready()).put("currentReplicas", counts.total())
                .put("updatedReplicas", counts.total()).put("currentRevision", revision)
                .put("updateRevision", revision).put("collisionCount", 0).put("observedGeneration", generation));
    }

    private void reconcileDaemonSet(ObjectNode ds) throws ApiException {
        JsonNode selector = ds.path("spec").path("template").path("spec").path("nodeSelector");
        String hash = hash(ds.path("spec").path("template"));
        // A set: on a cluster of thousands of nodes, every DaemonSet pod is looked up in it.
        Set<String> eligible = new LinkedHashSet<>();
        for (ObjectNode node : store.list(ApiResources.NODES, (String) null)) {
            JsonNode labels = node.path("metadata").path("labels");
            boolean fits = true;
            for (var required : (Iterable<Map.Entry<String, JsonNode>>) selector::fields) {
                JsonNode label = labels.get(required.getKey());
                fits &= label != null && required.getValue().asText().equals(label.asText());
            }
            if (fits) {
                eligible.add(name(node)); // DaemonSet pods tolerate cordoned nodes, as real ones do
            }
        }
        Map<String, ObjectNode> byNode = new HashMap<>();
        for (ObjectNode pod : owned(ApiResources.PODS, ds)) {
            String node = pod.path("spec").path("nodeName").asText();
            if (!eligible.contains(node) || byNode.containsKey(node) || !hash.equals(label(pod, REVISION_HASH))) {
                deletePod(ds, pod);
            } else {
                byNode.put(node, pod);
            }
        }
        for (String node : eligible) {
            if (!byNode.containsKey(node)) {
                createPod(ds, name(ds) + "-" + ObjectStore.suffix(), node, "SuccessfulCreate");
            }
        }
        int desired = eligible.size();
        long generation = ds.path("metadata").path("generation").asLong(1);
        writeSetStatus(ds, ApiResources.DAEMON_SETS, (status, counts) -> status
                .put("desiredNumberScheduled", desired).put("currentNumberScheduled", counts.total())
                .put("updatedNumberScheduled", counts.total()).put("numberReady", counts.ready())
                .put("numberAvailable", counts.ready()).put("numberUnavailable", Math.max(desired - counts.ready(), 0))
                .put("numberMisscheduled", 0).put("observedGeneration", generation));
    }

    private void reconcileJob(ObjectNode job) throws ApiException {
        if (job.path("status").path("conditions").size() > 0) {
            return; // finished
        }
        if (owned(ApiResources.PODS, job).isEmpty()) {
            createPod(job, name(job) + "-" + ObjectStore.suffix(), null, "SuccessfulCreate");
        }
        List<ObjectNode> pods = owned(ApiResources.PODS, job);
        long succeeded = pods.stream().filter(p -> p.path("status").path("phase").asText().equals("Succeeded")).count();
        int completions = job.path("spec").path("completions").asInt(1);
        String now = ObjectStore.now();
        store.modify(ApiResources.JOBS, namespace(job), name(job), true, j -> {
            ObjectNode status = j.with("status");
            if (!status.has("startTime")) {
                status.put("startTime", now);
            }
            status.put("succeeded", succeeded).put("active", Math.max(pods.size() - (int) succeeded, 0));
            if (succeeded >= completions) {
                status.put("completionTime", now).put("active", 0);
                ArrayNode conditions = status.putArray("conditions");
                conditions.add(condition(status, "SuccessCriteriaMet", "True", "CompletionsReached",
                        "Reached expected number of succeeded pods"));
                conditions.add(condition(status, "Complete", "True", "CompletionsReached",
                        "Reached expected number of succeeded pods"));
            }
            return j;
        });
    }

    private record Counts(int total, int ready) {
    }

    private void writeSetStatus(ObjectNode owner, ApiResource kind,
                                java.util.function.BiFunction<ObjectNode, Counts, ObjectNode> fill) throws ApiException {
        List<ObjectNode> pods = owned(ApiResources.PODS, owner);
        int ready = (int) pods.stream().filter(PracticeControllers::isReady).count();
        long generation = owner.path("metadata").path("generation").asLong(1);
        store.modify(kind, namespace(owner), name(owner), true, o -> {
            ObjectNode status = JSON.createObjectNode().put("observedGeneration", generation);
            o.set("status", fill.apply(status, new Counts(pods.size(), ready)));
            return o;
        });
    }

    // ---- pods: scheduling and the kubelet

    private void createPod(ObjectNode owner, String podName, String nodeName, String reason) throws ApiException {
        ObjectNode template = owner.path("spec").path("template").isObject()
                ? (ObjectNode) owner.path("spec").path("template")
                : (ObjectNode) owner.path("spec").path("jobTemplate").path("spec").path("template");
        ObjectNode pod = JSON.createObjectNode();
        ObjectNode meta = pod.putObject("metadata").put("name", podName).put("namespace", namespace(owner));
        ObjectNode labels = template.path("metadata").path("labels").isObject()
                ? ((ObjectNode) template.path("metadata").path("labels")).deepCopy() : JSON.createObjectNode();
        if (!owner.path("kind").asText().equals("ReplicaSet") && !owner.path("kind").asText().equals("Job")) {
            labels.put(REVISION_HASH, hash(owner.path("spec").path("template")));
        }
        meta.set("labels", labels);
        ownedBy(meta, owner);
        ObjectNode spec = template.path("spec").deepCopy();
        String node = nodeName != null ? nodeName : chooseNode();
        if (node != null) {
            spec.put("nodeName", node);
        }
        pod.set("spec", spec);
        pod.set("status", startingStatus(spec, node != null));
        ObjectNode created = store.create(ApiResources.PODS, namespace(owner), pod, false);
        event(owner, "Normal", reason, "Created pod: " + podName);
        if (node != null) {
            scheduled(created);
        }
    }

    private void scheduled(ObjectNode pod) {
        String ns = namespace(pod);
        String name = name(pod);
        String uid = pod.path("metadata").path("uid").asText();
        event(pod, "Normal", "Scheduled", "Successfully assigned " + ns + "/" + name + " to "
                + pod.path("spec").path("nodeName").asText());
        if (settled) {
            worker.schedule(guarded(() -> becomeReady(ns, name, uid)), delayMs, TimeUnit.MILLISECONDS);
        } else {
            becomeReady(ns, name, uid);
        }
    }

    private void becomeReady(String ns, String name, String uid) {
        ObjectNode pod = store.get(ApiResources.PODS, ns, name);
        if (pod == null || !uid.equals(pod.path("metadata").path("uid").asText())) {
            return; // deleted (or replaced) before it started
        }
        if (crashing.contains(workloadOf(pod))) {
            startCrashing(pod);
            return;
        }
        boolean job = ownerKind(pod).equals("Job");
        String started = ObjectStore.now();
        try {
            store.modify(ApiResources.PODS, ns, name, true, p -> {
                ObjectNode status = p.with("status");
                status.put("phase", job ? "Succeeded" : "Running").put("startTime", started);
                status.put("podIP", "10.42." + (Math.abs(name.hashCode()) % 250) + "." + (Math.abs(uid.hashCode()) % 250));
                ArrayNode containers = status.putArray("containerStatuses");
                for (JsonNode container : p.path("spec").path("containers")) {
                    ObjectNode c = containers.addObject().put("name", container.path("name").asText())
                            .put("image", container.path("image").asText()).put("ready", !job)
                            .put("restartCount", 0).put("started", !job);
                    if (job) {
                        c.putObject("state").putObject("terminated").put("exitCode", 0).put("reason", "Completed")
                                .put("startedAt", started).put("finishedAt", started);
                    } else {
                        c.putObject("state").putObject("running").put("startedAt", started);
                    }
                }
                status.set("conditions", podConditions(true, !job));
                return p;
            });
        } catch (ApiException gone) {
            // deleted meanwhile
        }
    }

    private void startCrashing(ObjectNode pod) {
        try {
            store.modify(ApiResources.PODS, namespace(pod), name(pod), true, p -> {
                ObjectNode status = p.with("status").put("phase", "Running");
                ArrayNode containers = status.putArray("containerStatuses");
                int restarts = pod.path("status").path("containerStatuses").path(0).path("restartCount").asInt() + 1;
                for (JsonNode container : p.path("spec").path("containers")) {
                    ObjectNode c = containers.addObject().put("name", container.path("name").asText())
                            .put("image", container.path("image").asText()).put("ready", false)
                            .put("restartCount", restarts).put("started", false);
                    c.putObject("state").putObject("waiting").put("reason", "CrashLoopBackOff")
                            .put("message", "back-off 5m0s restarting failed container=" + container.path("name")
                                    .asText() + " pod=" + name(pod));
                    c.putObject("lastState").putObject("terminated").put("exitCode", 1).put("reason", "Error");
                }
                status.set("conditions", podConditions(true, false));
                return p;
            });
            event(pod, "Warning", "BackOff", "Back-off restarting failed container "
                    + pod.path("spec").path("containers").path(0).path("name").asText() + " in pod " + name(pod));
        } catch (ApiException gone) {
            // deleted meanwhile
        }
    }

    private void deletePod(ObjectNode owner, ObjectNode pod) {
        try {
            store.delete(ApiResources.PODS, namespace(pod), name(pod), false);
            event(owner, "Normal", "SuccessfulDelete", "Deleted pod: " + name(pod));
        } catch (ApiException alreadyGone) {
            // deleted meanwhile
        }
    }

    /** A pod's key in {@link #unscheduled}: "namespace/name". */
    private static String podKey(ObjectNode pod) {
        return namespace(pod) + "/" + name(pod);
    }

    private static boolean waitsForNode(ObjectNode pod) {
        return !pod.path("spec").has("nodeName") && pod.path("status").path("phase").asText().equals("Pending");
    }

    /** Pods that found no schedulable node get one when a node becomes schedulable. */
    private void scheduleWaitingPods() {
        for (String key : new java.util.TreeSet<>(unscheduled)) {
            int slash = key.indexOf('/');
            ObjectNode pod = store.get(ApiResources.PODS, key.substring(0, slash), key.substring(slash + 1));
            if (pod == null || !waitsForNode(pod)) {
                unscheduled.remove(key);
                continue;
            }
            String node = chooseNode();
            if (node == null) {
                return;
            }
            try {
                ObjectNode placed = store.modify(ApiResources.PODS, namespace(pod), name(pod), false, p -> {
                    p.with("spec").put("nodeName", node);
                    return p;
                });
                scheduled(placed);
            } catch (ApiException gone) {
                // deleted meanwhile
            }
        }
    }

    /** The schedulable, ready Gitpod node with the fewest pods (any schedulable node when none is labelled). */
    private String chooseNode() {
        Map<String, Integer> load = new HashMap<>();
        List<ObjectNode> nodes = store.list(ApiResources.NODES, (String) null);
        boolean anyLabelled = nodes.stream().anyMatch(n -> Selector.labels(n).containsKey(GitpodReference.NODE_LABELS
                .get(0)) && schedulable(n));
        for (ObjectNode node : nodes) {
            if (schedulable(node) && (!anyLabelled || Selector.labels(node).containsKey(GitpodReference.NODE_LABELS
                    .get(0)))) {
                load.put(name(node), 0);
            }
        }
        if (load.isEmpty()) {
            return null;
        }
        for (ObjectNode pod : store.list(ApiResources.PODS, (String) null)) {
            load.computeIfPresent(pod.path("spec").path("nodeName").asText(), (n, count) -> count + 1);
        }
        return load.entrySet().stream().min(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
    }

    private static boolean schedulable(JsonNode node) {
        if (node.path("spec").path("unschedulable").asBoolean(false)) {
            return false;
        }
        for (JsonNode condition : node.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                return condition.path("status").asText().equals("True");
            }
        }
        return true;
    }

    private static ObjectNode startingStatus(ObjectNode spec, boolean scheduled) {
        ObjectNode status = JSON.createObjectNode().put("phase", "Pending");
        if (scheduled) {
            ArrayNode containers = status.putArray("containerStatuses");
            for (JsonNode container : spec.path("containers")) {
                ObjectNode c = containers.addObject().put("name", container.path("name").asText())
                        .put("image", container.path("image").asText()).put("ready", false).put("restartCount", 0)
                        .put("started", false);
                c.putObject("state").putObject("waiting").put("reason", "ContainerCreating");
            }
            status.set("conditions", podConditions(true, false));
        } else {
            ArrayNode conditions = status.putArray("conditions");
            conditions.addObject().put("type", "PodScheduled").put("status", "False").put("reason", "Unschedulable")
                    .put("message", "0/" + "n nodes are available: no schedulable node.")
                    .put("lastTransitionTime", ObjectStore.now());
        }
        return status;
    }

    private static ArrayNode podConditions(boolean scheduled, boolean ready) {
        ArrayNode conditions = JSON.createArrayNode();
        String now = ObjectStore.now();
        conditions.addObject().put("type", "PodScheduled").put("status", scheduled ? "True" : "False")
                .put("lastTransitionTime", now);
        conditions.addObject().put("type", "Initialized").put("status", "True").put("lastTransitionTime", now);
        conditions.addObject().put("type", "ContainersReady").put("status", ready ? "True" : "False")
                .put("lastTransitionTime", now);
        conditions.addObject().put("type", "Ready").put("status", ready ? "True" : "False")
                .put("lastTransitionTime", now);
        return conditions;
    }

    // ---- helpers

    private void completeBackup() {
        try {
            store.modify(ApiResources.VELERO_BACKUPS, GitpodSeed.VELERO_NAMESPACE, GitpodSeed.NIGHTLY_BACKUP, false, backup -> {
                backup.with("status").put("phase", "Completed").put("completionTimestamp", ObjectStore.now());
                return backup;
            });
        } catch (ApiException e) {
            LOG.debug("practice backup: {}", e.getMessage());
        }
    }

    /** Records a Kubernetes Event about an object (the oldest are dropped beyond a few hundred). */
    void event(ObjectNode about, String type, String reason, String message) {
        if (!settled) {
            return; // the seeded install's own history is long past
        }
        String ns = namespace(about) == null ? "default" : namespace(about);
        ObjectNode event = JSON.createObjectNode();
        event.putObject("metadata").put("name", name(about) + "." + Long.toHexString(System.nanoTime()))
                .put("namespace", ns);
        event.putObject("involvedObject").put("kind", about.path("kind").asText())
                .put("apiVersion", about.path("apiVersion").asText()).put("name", name(about)).put("namespace", ns)
                .put("uid", about.path("metadata").path("uid").asText());
        String now = ObjectStore.now();
        event.put("type", type).put("reason", reason).put("message", message).put("count", 1)
                .put("firstTimestamp", now).put("lastTimestamp", now);
        event.putObject("source").put("component", switch (reason) {
            case "Scheduled" -> "default-scheduler";
            case "BackOff" -> "kubelet";
            case "ScalingReplicaSet" -> "deployment-controller";
            default -> about.path("kind").asText().toLowerCase(java.util.Locale.ROOT) + "-controller";
        });
        try {
            store.create(ApiResources.EVENTS, ns, event, false);
            List<ObjectNode> events = store.list(ApiResources.EVENTS, ns);
            if (events.size() > MAX_EVENTS) {
                events.stream().sorted(Comparator.comparing(e -> e.path("metadata").path("resourceVersion").asLong()))
                        .limit(events.size() - MAX_EVENTS).forEach(old -> {
                            try {
                                store.delete(ApiResources.EVENTS, ns, name(old), false);
                            } catch (ApiException gone) {
                                // pruned meanwhile
                            }
                        });
            }
        } catch (ApiException e) {
            LOG.debug("practice event: {}", e.getMessage());
        }
    }

    private List<ObjectNode> owned(ApiResource kind, ObjectNode owner) {
        return store.owned(kind, owner.path("metadata").path("uid").asText());
    }

    private static void ownedBy(ObjectNode meta, ObjectNode owner) {
        meta.putArray("ownerReferences").addObject().put("apiVersion", owner.path("apiVersion").asText())
                .put("kind", owner.path("kind").asText()).put("name", name(owner))
                .put("uid", owner.path("metadata").path("uid").asText()).put("controller", true)
                .put("blockOwnerDeletion", true);
    }

    /**
     * The workload a pod belongs to, by its owners as a control plane sets them (pod to ReplicaSet to
     * Deployment, pod to StatefulSet, DaemonSet or Job); a pod nobody owns is its own workload.
     */
    String workloadOf(ObjectNode pod) {
        JsonNode owner = pod.path("metadata").path("ownerReferences").path(0);
        if (owner.isMissingNode()) {
            return name(pod);
        }
        String name = owner.path("name").asText();
        if (owner.path("kind").asText().equals("ReplicaSet")) {
            ObjectNode rs = store.get(ApiResources.REPLICA_SETS, namespace(pod), name);
            JsonNode deployment = rs == null ? null : rs.path("metadata").path("ownerReferences").path(0);
            return deployment == null || deployment.isMissingNode() ? name : deployment.path("name").asText();
        }
        return name;
    }

    private static String ownerKind(ObjectNode pod) {
        return pod.path("metadata").path("ownerReferences").path(0).path("kind").asText("");
    }

    private static ObjectNode templateLabels(ObjectNode workload) {
        JsonNode labels = workload.path("spec").path("template").path("metadata").path("labels");
        return labels.isObject() ? ((ObjectNode) labels).deepCopy() : JSON.createObjectNode();
    }

    private static ObjectNode condition(JsonNode oldStatus, String type, String value, String reason, String message) {
        String since = ObjectStore.now();
        for (JsonNode old : oldStatus.path("conditions")) {
            if (old.path("type").asText().equals(type) && old.path("status").asText().equals(value)
                    && old.path("reason").asText().equals(reason)) {
                since = old.path("lastTransitionTime").asText(since);
            }
        }
        return JSON.createObjectNode().put("type", type).put("status", value).put("lastUpdateTime", since)
                .put("lastTransitionTime", since).put("reason", reason).put("message", message);
    }

    private static boolean isReady(ObjectNode pod) {
        if (pod.path("metadata").has("deletionTimestamp")) {
            return false;
        }
        for (JsonNode condition : pod.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                return condition.path("status").asText().equals("True");
            }
        }
        return false;
    }

    private static boolean isRunningOrStarting(ObjectNode pod) {
        String phase = pod.path("status").path("phase").asText();
        return phase.equals("Running") || (phase.equals("Pending") && pod.path("spec").has("nodeName"));
    }

    private static int revision(JsonNode rs) {
        try {
            return Integer.parseInt(rs.path("metadata").path("annotations").path(REVISION).asText("0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int ordinal(String podName, String setName) {
        try {
            return Integer.parseInt(podName.substring(setName.length() + 1));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** A short, stable hash of a pod template, as the controllers name ReplicaSets and revisions by. */
    static String hash(JsonNode template) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsString(sorted(template))
                    .getBytes(StandardCharsets.UTF_8));
            StringBuilder hash = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                hash.append(ObjectStore.NAME_ALPHABET.charAt((digest[i] & 0xFF) % ObjectStore.NAME_ALPHABET.length()));
            }
            return hash.toString();
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same document with keys in order and no nulls: templates written back by kubectl hash alike. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.createObjectNode();
            new java.util.TreeMap<String, JsonNode>(JSON.convertValue(node, new com.fasterxml.jackson.core.type
                    .TypeReference<Map<String, JsonNode>>() { })).forEach((k, v) -> {
                        if (!v.isNull()) {
                            sorted.set(k, sorted(v)); // Go clients write unset fields as null
                        }
                    });
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JSON.createArrayNode();
            node.forEach(item -> array.add(sorted(item)));
            return array;
        }
        return node;
    }

    static String label(JsonNode object, String key) {
        return object.path("metadata").path("labels").path(key).asText("");
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String namespace(JsonNode object) {
        JsonNode ns = object.path("metadata").path("namespace");
        return ns.isMissingNode() ? null : ns.asText();
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests: waits until the controllers have done everything queued so far. */
    void awaitIdle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            var done = new java.util.concurrent.CountDownLatch(1);
            worker.execute(done::countDown);
            done.await(10, TimeUnit.SECONDS);
        }
    }
}
