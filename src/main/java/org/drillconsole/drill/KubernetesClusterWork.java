package org.drillconsole.drill;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.drillconsole.cluster.ClusterMonitor;
import org.drillconsole.cluster.ClusterPair;
import org.drillconsole.cluster.Comparison;
import org.drillconsole.cluster.GitpodReference;
import org.drillconsole.cluster.Rollout;
import org.drillconsole.cluster.RolloutRules;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ComparisonRow;
import org.drillconsole.model.ComponentHealth;
import org.drillconsole.model.ComponentStatus;
import org.drillconsole.model.NodeHealth;
import org.drillconsole.model.Side;
import org.drillconsole.model.WorkloadKind;
import org.drillconsole.model.drill.Action;
import org.drillconsole.model.drill.Check;
import org.drillconsole.model.drill.Step;

/**
 * Checks and actions against the two clusters. Checks read the monitors' live snapshots (the same health the
 * window shows); actions use the monitors' clients. Plans are computed from the current state, so the
 * operator sees what will change before typing the context name.
 */
public final class KubernetesClusterWork implements ClusterWork {

    /** Named explicitly, so no discovery request is needed (and none can fail). */
    private static final Map<String, ResourceDefinitionContext> RESOURCES = Map.of(
            "deployment", resource("apps", "Deployment", "deployments"),
            "statefulset", resource("apps", "StatefulSet", "statefulsets"),
            "daemonset", resource("apps", "DaemonSet", "daemonsets"),
            "service", resource("", "Service", "services"),
            "configmap", resource("", "ConfigMap", "configmaps"),
            "pod", resource("", "Pod", "pods"));

    private static ResourceDefinitionContext resource(String group, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion("v1").withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    private final ClusterPair clusters;
    private final String namespace;
    private final Map<String, Integer> primaryReplicas;
    private final Duration rpo;
    private final Path runbookDir;
    private final Function<Step, Instant> operatorBackupTime;
    private final Network network;
    private volatile Instant newestBackup;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * @param primaryReplicas what the primary ran before the outage (name to replicas), for
     *                        {@code replicasFrom: primarySnapshot}
     * @param operatorBackupTime asks the operator when the newest backup was taken ({@code source: operator})
     * @param network the real network, or the practice clusters' simulated DNS and Gitpod endpoint
     */
    public KubernetesClusterWork(ClusterPair clusters, String namespace, Map<String, Integer> primaryReplicas,
                                 Duration rpo, Path runbookDir, Function<Step, Instant> operatorBackupTime,
                                 Network network) {
        this.network = network;
        this.clusters = clusters;
        this.namespace = namespace;
        this.primaryReplicas = Map.copyOf(primaryReplicas);
        this.rpo = rpo;
        this.runbookDir = runbookDir;
        this.operatorBackupTime = operatorBackupTime;
    }

    /** The replicas of every Deployment and StatefulSet the primary runs, recorded at the start of a run. */
    public static Map<String, Integer> replicasOf(ClusterSnapshot primary) {
        Map<String, Integer> replicas = new LinkedHashMap<>();
        for (ComponentHealth c : primary.components()) {
            if (c.kind() != WorkloadKind.DAEMONSET && c.status() != ComponentStatus.MISSING && c.desired() > 0) {
                replicas.put(c.name(), c.desired());
            }
        }
        return replicas;
    }

    @Override
    public CheckResult check(Step step) {
        Check check = step.check();
        try {
            return switch (check.kind()) {
                case "workloadsReady" -> check.name() != null ? workloadReady(snapshot(step), check.name())
                        : workloadsReady(step, check.selector());
                case "nodesReady" -> nodesReady(snapshot(step), check);
                case "noRunningWorkspaces" -> {
                    ClusterSnapshot s = answering(snapshot(step));
                    yield new CheckResult(s.runningWorkspaces() == 0, s.runningWorkspaces() + " running workspace(s)");
                }
                case "apiReachable" -> {
                    ClusterSnapshot s = snapshot(step);
                    yield new CheckResult(s.state().answers(), "API server " + s.state() + " (" + s.stateMessage() + ")");
                }
                case "apiUnreachable" -> {
                    ClusterSnapshot s = snapshot(step);
                    yield new CheckResult(!s.state().answers(), "API server " + s.state() + " (" + s.stateMessage() + ")");
                }
                case "standbyMatchesPrimary" -> standbyMatchesPrimary(check);
                case "httpGet" -> httpGet(check);
                case "dnsResolves" -> dnsResolves(check);
                default -> backupAge(step, check);
            };
        } catch (CheckNotPossible e) {
            return new CheckResult(false, e.getMessage());
        } catch (KubernetesClientException e) {
            return new CheckResult(false, "the API server refused: " + (e.getStatus() == null ? e.getMessage()
                    : e.getCode() + " " + e.getStatus().getMessage()));
        } catch (RuntimeException e) {
            // A check that cannot run fails, in words; it never takes the run down.
            return new CheckResult(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static final class CheckNotPossible extends Exception {
        CheckNotPossible(String message) {
            super(message);
        }
    }

    private ClusterSnapshot snapshot(Step step) throws CheckNotPossible {
        if (step.cluster() == null) {
            throw new CheckNotPossible("no cluster named for this check");
        }
        return monitor(Side.valueOf(step.cluster().toUpperCase())).snapshot();
    }

    private static ClusterSnapshot answering(ClusterSnapshot s) throws CheckNotPossible {
        if (!s.state().answers() || !s.objectsKnown()) {
            throw new CheckNotPossible(s.side().label() + " API server " + s.state() + ": " + s.stateMessage());
        }
        return s;
    }

    /** One workload by name, as the monitor sees it (with its pods' trouble in the message). */
    private static CheckResult workloadReady(ClusterSnapshot snapshot, String name) throws CheckNotPossible {
        ClusterSnapshot s = answering(snapshot);
        List<ComponentHealth> matching = s.components().stream()
                .filter(c -> c.status() != ComponentStatus.MISSING && c.name().equals(name)).toList();
        if (matching.isEmpty()) {
            return new CheckResult(false, "no workload named " + name);
        }
        List<String> waiting = matching.stream()
                .filter(c -> c.status() != ComponentStatus.HEALTHY && c.status() != ComponentStatus.IDLE)
                .map(c -> c.name() + " " + c.ready() + "/" + c.desired() + " (" + c.message() + ")").toList();
        return rolledOut(matching.size(), waiting);
    }

    /**
     * Every Deployment, StatefulSet and DaemonSet the selector matches (any Kubernetes label selector,
     * evaluated by the API server), judged by kubectl's rollout rules; a workload scaled to 0 counts as done.
     */
    private CheckResult workloadsReady(Step step, String selector) throws CheckNotPossible {
        answering(snapshot(step));
        KubernetesClient client = client(step);
        List<String> waiting = new ArrayList<>();
        int count = 0;
        for (Deployment d : client.apps().deployments().inNamespace(namespace).withLabelSelector(selector).list()
                .getItems()) {
            count++;
            judge(d.getMetadata().getName(), RolloutRules.deployment(d), waiting);
        }
        for (StatefulSet st : client.apps().statefulSets().inNamespace(namespace).withLabelSelector(selector).list()
                .getItems()) {
            count++;
            judge(st.getMetadata().getName(), RolloutRules.statefulSet(st), waiting);
        }
        for (DaemonSet ds : client.apps().daemonSets().inNamespace(namespace).withLabelSelector(selector).list()
                .getItems()) {
            count++;
            judge(ds.getMetadata().getName(), RolloutRules.daemonSet(ds), waiting);
        }
        if (count == 0) {
            return new CheckResult(false, "no workload in namespace " + namespace + " matches " + selector);
        }
        return rolledOut(count, waiting);
    }

    private static void judge(String name, Rollout rollout, List<String> waiting) {
        if (!rollout.done()) {
            waiting.add(name + " (" + rollout.message() + ")");
        }
    }

    private static CheckResult rolledOut(int count, List<String> waiting) {
        return new CheckResult(waiting.isEmpty(), (count - waiting.size()) + "/" + count + " workloads rolled out"
                + (waiting.isEmpty() ? "" : "; waiting: " + String.join("; ", waiting)));
    }

    private static CheckResult nodesReady(ClusterSnapshot snapshot, Check check) throws CheckNotPossible {
        ClusterSnapshot s = answering(snapshot);
        int wanted = check.count() == null ? 1 : check.count();
        List<String> labels = check.labels() == null ? List.of() : check.labels();
        long good = s.nodes().stream().filter(NodeHealth::isReady)
                .filter(n -> labels.stream().noneMatch(n.missingGitpodLabels()::contains)).count();
        return new CheckResult(good >= wanted, good + " Ready node(s) with the labels, " + wanted + " wanted, "
                + s.nodes().size() + " in all");
    }

    private CheckResult standbyMatchesPrimary(Check check) throws CheckNotPossible {
        ClusterSnapshot p = answering(monitor(Side.PRIMARY).snapshot());
        ClusterSnapshot s = answering(monitor(Side.STANDBY).snapshot());
        List<String> compare = check.compare() == null ? List.of("components", "images") : check.compare();
        List<String> differences = new ArrayList<>();
        for (ComparisonRow row : Comparison.compare(p, s)) {
            boolean counts = switch (row.difference()) {
                case ONLY_ON_PRIMARY, ONLY_ON_STANDBY -> compare.contains("components");
                case IMAGE_DIFFERS -> compare.contains("images");
                case REPLICAS_DIFFER -> compare.contains("replicas");
                case SAME -> false;
            };
            if (counts) {
                differences.add(row.component() + ": " + row.detail());
            }
        }
        return new CheckResult(differences.isEmpty(), differences.isEmpty()
                ? "standby matches the primary (" + String.join(", ", compare) + ")"
                : differences.size() + " difference(s): " + String.join("; ", differences));
    }

    private CheckResult httpGet(Check check) {
        int expected = check.expectStatus() == null ? 200 : check.expectStatus();
        Network.Answer answer = network.get(check.url());
        if (answer.status() < 0) {
            return new CheckResult(false, check.url() + ": no answer (" + answer.problem() + ")");
        }
        return new CheckResult(answer.status() == expected, check.url() + " answered HTTP " + answer.status()
                + " (" + expected + " wanted)");
    }

    private CheckResult dnsResolves(Check check) throws CheckNotPossible {
        String expected = check.expectAddress();
        if (Boolean.TRUE.equals(check.expectStandbyProxy())) {
            expected = answering(monitor(Side.STANDBY).snapshot()).proxyAddress();
            if (expected.isEmpty() || expected.equals("pending")) {
                return new CheckResult(false, "the standby proxy has no load-balancer address yet");
            }
        }
        List<String> addresses = network.resolve(check.host());
        return new CheckResult(addresses.contains(expected), check.host() + " resolves to "
                + (addresses.isEmpty() ? "nothing" : String.join(", ", addresses)) + " (" + expected + " wanted)");
    }

    private CheckResult backupAge(Step step, Check check) throws CheckNotPossible {
        Duration maxAge = check.maxAge() != null ? Durations.parse(check.maxAge()) : rpo;
        if (maxAge == null) {
            throw new CheckNotPossible("no maxAge and no RPO objective to compare the backup with");
        }
        Instant newest = switch (check.source()) {
            case "operator" -> operatorBackupTime.apply(step);
            case "cronJob" -> {
                var cronJob = client(step).batch().v1().cronjobs().inNamespace(namespace).withName(check.name()).get();
                if (cronJob == null) {
                    throw new CheckNotPossible("no CronJob " + check.name() + " in namespace " + namespace);
                }
                String last = cronJob.getStatus() == null ? null : cronJob.getStatus().getLastSuccessfulTime();
                yield last == null ? null : Instant.parse(last);
            }
            default -> client(step).genericKubernetesResources(GitpodReference.VELERO_BACKUP).inAnyNamespace().list()
                    .getItems().stream()
                    .map(b -> b.getAdditionalProperties().get("status"))
                    .filter(Map.class::isInstance).map(st -> ((Map<?, ?>) st).get("completionTimestamp"))
                    .filter(String.class::isInstance).map(t -> Instant.parse((String) t))
                    .max(Instant::compareTo).orElse(null);
        };
        if (newest == null) {
            return new CheckResult(false, "no completed backup found (" + check.source() + ")");
        }
        if (newestBackup == null || newest.isAfter(newestBackup)) {
            newestBackup = newest;
        }
        Duration age = Duration.between(newest, Instant.now());
        return new CheckResult(age.compareTo(maxAge) <= 0, "newest backup " + newest + ", "
                + Durations.format(age.isNegative() ? Duration.ZERO : age) + " old (at most " + Durations.format(maxAge)
                + " allowed)");
    }

    @Override
    public Instant newestBackup() {
        return newestBackup;
    }

    /** Per side: connection, verdict, reasons, nodes and every component's status. No credentials. */
    @Override
    public boolean settling() {
        for (Side side : Side.values()) {
            ClusterSnapshot s = monitor(side).snapshot();
            if (s.state().answers() && !s.objectsKnown()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Integer standbyNodes() {
        ClusterSnapshot standby = monitor(Side.STANDBY).snapshot();
        return standby.state().answers() ? standby.nodeSummary().total() : null;
    }

    @Override
    public String healthRecord() {
        var root = JSON.createObjectNode();
        for (Side side : Side.values()) {
            ClusterSnapshot s = monitor(side).snapshot();
            var node = root.putObject(side.key());
            node.put("context", s.context()).put("server", s.server()).put("state", s.state().name())
                    .put("verdict", s.verdict().name()).put("nodesReady", s.nodeSummary().ready())
                    .put("nodesTotal", s.nodeSummary().total()).put("runningWorkspaces", s.runningWorkspaces())
                    .put("proxyAddress", s.proxyAddress());
            var reasons = node.putArray("reasons");
            s.reasons().forEach(reasons::add);
            var components = node.putArray("components");
            for (ComponentHealth c : s.components()) {
                components.addObject().put("name", c.name()).put("kind", c.kind().display())
                        .put("status", c.status().name()).put("ready", c.ready()).put("desired", c.desired());
            }
        }
        return root.toString();
    }

    @Override
    public String warningsRecord() {
        var root = JSON.createObjectNode();
        for (Side side : Side.values()) {
            var list = root.putArray(side.key());
            for (var w : monitor(side).snapshot().warnings()) {
                list.addObject().put("lastSeen", w.lastSeen() == null ? null : w.lastSeen().toString())
                        .put("object", w.object()).put("reason", w.reason()).put("message", w.message())
                        .put("count", w.count());
            }
        }
        return root.toString();
    }

    @Override
    public ActionPlan plan(Step step) throws StepException {
        Action action = step.action();
        KubernetesClient client = clientFor(step);
        String context = monitor(side(step)).clusterTarget().context();
        String summary = switch (action.kind()) {
            case "scale" -> scaleTargets(step, client).entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()[0] + " → " + e.getValue()[1])
                    .collect(Collectors.joining(", ", "scale ", ""));
            case "rolloutRestart" -> "restart " + workloads(step, client).stream().map(w -> w.getMetadata().getName())
                    .collect(Collectors.joining(", "));
            case "cordon" -> "cordon node " + existingNode(client, action.node());
            case "uncordon" -> "uncordon node " + existingNode(client, action.node());
            case "mergePatch" -> "merge-patch " + action.resource() + "/" + action.name() + " with " + action.patch();
            case "apply" -> "apply " + manifest(client, action).stream()
                    .map(r -> r.getKind() + "/" + r.getMetadata().getName()).collect(Collectors.joining(", "));
            default -> "delete " + action.resource() + "/" + action.name();
        };
        try {
            execute(step, client, true);
        } catch (StepException refused) {
            throw new StepException("the server-side dry run of \"" + summary + "\" failed: " + refused.getMessage());
        }
        return new ActionPlan(context, summary + " in namespace " + namespace
                + "; the API server accepts it (server-side dry run)");
    }

    @Override
    public String apply(Step step, ActionPlan plan) throws StepException {
        return execute(step, clientFor(step), false);
    }

    /**
     * Carries the action out; with {@code dryRun} the API server checks it (admission, validation, RBAC)
     * and answers as if it were done, changing nothing. Every change is a merge patch, a create-or-update
     * or a delete, so the same request serves both.
     */
    private String execute(Step step, KubernetesClient client, boolean dryRun) throws StepException {
        Action action = step.action();
        PatchContext merge = PatchContext.of(PatchType.JSON_MERGE);
        try {
            switch (action.kind()) {
                case "scale" -> {
                    Map<String, int[]> targets = scaleTargets(step, client);
                    for (Map.Entry<String, int[]> target : targets.entrySet()) {
                        String name = target.getKey();
                        String kind = client.apps().deployments().inNamespace(namespace).withName(name).get() != null
                                ? "deployment" : "statefulset";
                        generic(client, kind, name).dryRun(dryRun).patch(merge,
                                "{\"spec\":{\"replicas\":" + target.getValue()[1] + "}}");
                    }
                    return "scaled " + targets.size() + " workload(s)";
                }
                case "rolloutRestart" -> {
                    String now = Instant.now().toString();
                    List<HasMetadata> workloads = workloads(step, client);
                    for (HasMetadata workload : workloads) {
                        String patch = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":"
                                + "{\"kubectl.kubernetes.io/restartedAt\":\"" + now + "\"}}}}}";
                        generic(client, workload instanceof Deployment ? "deployment" : "statefulset",
                                workload.getMetadata().getName()).dryRun(dryRun).patch(merge, patch);
                    }
                    return "restarted " + workloads.size() + " workload(s)";
                }
                case "cordon", "uncordon" -> {
                    boolean cordon = action.kind().equals("cordon");
                    client.nodes().withName(existingNode(client, action.node())).dryRun(dryRun)
                            .patch(merge, "{\"spec\":{\"unschedulable\":" + cordon + "}}");
                    return "node " + action.node() + (cordon ? " cordoned" : " uncordoned");
                }
                case "mergePatch" -> {
                    String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(action.patch());
                    generic(client, action.resource(), action.name()).dryRun(dryRun).patch(merge, json);
                    return "patched " + action.resource() + "/" + action.name();
                }
                case "apply" -> {
                    List<HasMetadata> items = manifest(client, action);
                    for (HasMetadata item : items) {
                        client.resource(item).inNamespace(namespace).dryRun(dryRun)
                                .createOr(existing -> existing.update());
                    }
                    return "applied " + items.size() + " object(s) from " + action.file();
                }
                default -> {
                    generic(client, action.resource(), action.name()).dryRun(dryRun).delete();
                    return "deleted " + action.resource() + "/" + action.name();
                }
            }
        } catch (KubernetesClientException e) {
            throw new StepException("the API server refused: " + (e.getStatus() == null ? e.getMessage()
                    : e.getCode() + " " + e.getStatus().getMessage()));
        } catch (IOException e) {
            throw new StepException("cannot write the patch: " + e.getMessage());
        }
    }

    /** Name to {current, new} replicas. */
    private Map<String, int[]> scaleTargets(Step step, KubernetesClient client) throws StepException {
        Action action = step.action();
        Map<String, int[]> targets = new LinkedHashMap<>();
        for (HasMetadata workload : workloads(step, client)) {
            String name = workload.getMetadata().getName();
            Integer current = workload instanceof Deployment d ? d.getSpec().getReplicas()
                    : ((StatefulSet) workload).getSpec().getReplicas();
            Integer wanted = action.replicas() != null ? action.replicas() : primaryReplicas.get(name);
            if (wanted != null) {
                targets.put(name, new int[] {current == null ? 1 : current, wanted});
            }
        }
        if (targets.isEmpty()) {
            throw new StepException("nothing to scale: no Deployment or StatefulSet matches"
                    + (action.replicasFrom() != null ? " with replicas recorded on the primary" : ""));
        }
        return targets;
    }

    private List<HasMetadata> workloads(Step step, KubernetesClient client) {
        Action action = step.action();
        List<HasMetadata> workloads = new ArrayList<>();
        if (action.name() != null) {
            Deployment d = client.apps().deployments().inNamespace(namespace).withName(action.name()).get();
            StatefulSet s = client.apps().statefulSets().inNamespace(namespace).withName(action.name()).get();
            if (d != null) {
                workloads.add(d);
            }
            if (s != null) {
                workloads.add(s);
            }
        } else {
            Map<String, String> labels = labels(action.selector());
            workloads.addAll(client.apps().deployments().inNamespace(namespace).withLabels(labels).list().getItems());
            workloads.addAll(client.apps().statefulSets().inNamespace(namespace).withLabels(labels).list().getItems());
        }
        return workloads;
    }

    private static String existingNode(KubernetesClient client, String node) throws StepException {
        if (client.nodes().withName(node).get() == null) {
            throw new StepException("no node " + node + " on this cluster");
        }
        return node;
    }

    private io.fabric8.kubernetes.client.dsl.Resource<io.fabric8.kubernetes.api.model.GenericKubernetesResource> generic(
            KubernetesClient client, String resource, String name) throws StepException {
        ResourceDefinitionContext type = RESOURCES.get(resource.toLowerCase());
        if (type == null) {
            throw new StepException("unknown resource " + resource + " (one of " + String.join(", ",
                    new java.util.TreeSet<>(RESOURCES.keySet())) + ")");
        }
        var target = client.genericKubernetesResources(type).inNamespace(namespace).withName(name);
        if (target.get() == null) {
            throw new StepException("no " + resource + " " + name + " in namespace " + namespace);
        }
        return target;
    }

    private List<HasMetadata> manifest(KubernetesClient client, Action action) throws StepException {
        Path file = runbookDir.resolve(action.file());
        try (InputStream in = Files.newInputStream(file)) {
            return client.load(in).items();
        } catch (IOException | RuntimeException e) {
            throw new StepException("cannot read the manifest " + file + ": " + e.getMessage());
        }
    }

    private ClusterMonitor monitor(Side side) {
        return clusters.monitor(side);
    }

    private static Side side(Step step) {
        return Side.valueOf(step.cluster().toUpperCase());
    }

    private KubernetesClient clientFor(Step step) throws StepException {
        KubernetesClient client = monitor(side(step)).client();
        if (client == null || !monitor(side(step)).snapshot().state().answers()) {
            throw new StepException("the " + step.cluster() + " cluster does not answer: "
                    + monitor(side(step)).snapshot().stateMessage());
        }
        return client;
    }

    private KubernetesClient client(Step step) throws CheckNotPossible {
        KubernetesClient client = monitor(side(step)).client();
        if (client == null) {
            throw new CheckNotPossible("the " + step.cluster() + " cluster is not connected");
        }
        return client;
    }

    private static Map<String, String> labels(String selector) {
        Map<String, String> labels = new HashMap<>();
        if (selector != null) {
            for (String part : selector.split(",")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length == 2) {
                    labels.put(kv[0].trim(), kv[1].trim());
                }
            }
        }
        return labels;
    }
}
