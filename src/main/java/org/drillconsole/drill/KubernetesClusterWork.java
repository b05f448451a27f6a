package org.drillconsole.drill;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.drillconsole.cluster.ClusterMonitor;
import org.drillconsole.cluster.ClusterPair;
import org.drillconsole.cluster.Comparison;
import org.drillconsole.cluster.Rollout;
import org.drillconsole.cluster.RolloutRules;
import org.drillconsole.cluster.VeleroBackups;
import org.drillconsole.model.BackupPoint;
import org.drillconsole.model.BatchWork;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ComparisonRow;
import org.drillconsole.model.ComponentHealth;
import org.drillconsole.model.ComponentStatus;
import org.drillconsole.model.NodeHealth;
import org.drillconsole.model.Side;
import org.drillconsole.model.WorkloadKind;
import org.drillconsole.model.drill.Action;
import org.drillconsole.model.drill.ActionStep;
import org.drillconsole.model.drill.Check;
import org.drillconsole.model.drill.CheckStep;
import org.drillconsole.model.drill.LabelSelector;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.drill.ResourceKind;
import org.drillconsole.model.drill.Step;
import org.drillconsole.model.drill.WorkloadTarget;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.Words;

/**
 * Checks and actions against the two clusters. Checks read the monitors' live snapshots (the same health the
 * window shows); actions use the monitors' clients. An action's plan is a list of requests computed once
 * from the current state and checked by a server-side dry run; applying it sends exactly those requests.
 */
public final class KubernetesClusterWork implements ClusterWork {

    private static final PatchContext MERGE = PatchContext.of(PatchType.JSON_MERGE);

    private final ClusterPair clusters;
    private final String namespace;
    private volatile Map<String, Integer> primaryReplicas;
    private final Path runbookDir;
    private final Function<Step, Instant> operatorBackupTime;
    private final Network network;
    /** The replicas this run's scale actions set, per side: readiness is judged against them. */
    private final Map<Side, Map<String, Integer>> scaledTo = new EnumMap<>(Side.class);

    /**
     * @param primaryReplicas what the primary ran before the outage (name to replicas), for
     *                        {@code replicasFrom: primarySnapshot}
     * @param operatorBackupTime asks the operator when the newest backup was taken ({@code source: operator})
     * @param network the real network, or the practice clusters' simulated DNS and Gitpod endpoint
     */
    public KubernetesClusterWork(ClusterPair clusters, String namespace, Map<String, Integer> primaryReplicas,
                                 Path runbookDir, Function<Step, Instant> operatorBackupTime, Network network) {
        this.network = network;
        this.clusters = clusters;
        this.namespace = namespace;
        this.primaryReplicas = Map.copyOf(primaryReplicas);
        this.runbookDir = runbookDir;
        this.operatorBackupTime = operatorBackupTime;
        for (Side side : Side.values()) {
            scaledTo.put(side, new ConcurrentHashMap<>());
        }
    }

    /**
     * Work that only plans, for a briefing before a run: the primary's replicas as it runs them now, no operator
     * to ask for a backup time, the real network (planning sends no HTTP or DNS request of a check).
     */
    public static KubernetesClusterWork forPlanning(ClusterPair clusters, DrillDefinition drill, Path runbookDir) {
        return new KubernetesClusterWork(clusters, drill.spec().namespace(),
                replicasOf(clusters.monitor(Side.PRIMARY).snapshot()), runbookDir, step -> null, Network.REAL);
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

    // ---------------------------------------------------------------- checks

    @Override
    public CheckResult check(CheckStep step) {
        try {
            return step.check().accept(new Check.Cases<CheckResult, CheckNotPossible>() {
                @Override
                public CheckResult workloadsReady(Check.WorkloadsReady check) throws CheckNotPossible {
                    return KubernetesClusterWork.this.workloadsReady(step, check.target());
                }

                @Override
                public CheckResult nodesReady(Check.NodesReady check) throws CheckNotPossible {
                    return KubernetesClusterWork.nodesReady(snapshot(step), check);
                }

                @Override
                public CheckResult noRunningWorkspaces(Check.NoRunningWorkspaces check) throws CheckNotPossible {
                    ClusterSnapshot s = answering(snapshot(step));
                    return new CheckResult(s.runningWorkspaces() == 0,
                            Words.count(s.runningWorkspaces(), "running workspace"));
                }

                @Override
                public CheckResult standbyMatchesPrimary(Check.StandbyMatchesPrimary check) throws CheckNotPossible {
                    return KubernetesClusterWork.this.standbyMatchesPrimary(check);
                }

                @Override
                public CheckResult apiReachable(Check.ApiReachable check) throws CheckNotPossible {
                    ClusterSnapshot s = snapshot(step);
                    return new CheckResult(s.state().answers(), "API server " + s.state() + " (" + s.stateMessage() + ")");
                }

                @Override
                public CheckResult apiUnreachable(Check.ApiUnreachable check) throws CheckNotPossible {
                    ClusterSnapshot s = snapshot(step);
                    return new CheckResult(!s.state().answers(), "API server " + s.state() + " (" + s.stateMessage() + ")");
                }

                @Override
                public CheckResult httpGet(Check.HttpGet check) {
                    return KubernetesClusterWork.this.httpGet(check);
                }

                @Override
                public CheckResult dnsResolves(Check.DnsResolves check) throws CheckNotPossible {
                    return KubernetesClusterWork.this.dnsResolves(check);
                }

                @Override
                public CheckResult backupAge(Check.BackupAge check) throws CheckNotPossible {
                    return KubernetesClusterWork.this.backupAge(step, check);
                }

                @Override
                public CheckResult jobSucceeded(Check.JobSucceeded check) throws CheckNotPossible {
                    return KubernetesClusterWork.jobSucceeded(answering(snapshot(step)), check);
                }
            });
        } catch (CheckNotPossible e) {
            return new CheckResult(false, e.getMessage());
        } catch (KubernetesClientException e) {
            return new CheckResult(false, refused(e));
        } catch (RuntimeException e) {
            // A check that cannot run fails, in words; it never takes the run down.
            return new CheckResult(false, "the check could not be evaluated: " + (e.getMessage() == null
                    ? "an unexpected error" : e.getMessage()));
        }
    }

    private static final class CheckNotPossible extends Exception {
        CheckNotPossible(String message) {
            super(message);
        }
    }

    private ClusterSnapshot snapshot(CheckStep step) throws CheckNotPossible {
        if (step.cluster() == null) {
            throw new CheckNotPossible("no cluster named for this check");
        }
        return monitor(step.cluster()).snapshot();
    }

    private static ClusterSnapshot answering(ClusterSnapshot s) throws CheckNotPossible {
        if (!s.state().answers() || !s.objectsKnown()) {
            throw new CheckNotPossible(s.side().label() + " API server " + s.state() + ": " + s.stateMessage());
        }
        return s;
    }

    /**
     * Every Deployment, StatefulSet and DaemonSet the target names or its selector matches (evaluated by the
     * API server), judged by kubectl's rollout rules; a workload scaled to 0 counts as done unless this run
     * scaled it to more, in which case it must run what was set.
     */
    private CheckResult workloadsReady(CheckStep step, WorkloadTarget target) throws CheckNotPossible {
        answering(snapshot(step));
        KubernetesClient client = client(step.cluster());
        Map<String, Integer> expected = scaledTo.get(step.cluster());
        List<String> waiting = new ArrayList<>();
        int count = 0;
        for (HasMetadata workload : workloads(client, target, true)) {
            count++;
            String name = workload.getMetadata().getName();
            Rollout rollout = workload instanceof Deployment d ? RolloutRules.deployment(d)
                    : workload instanceof StatefulSet st ? RolloutRules.statefulSet(st)
                    : RolloutRules.daemonSet((DaemonSet) workload);
            Integer wanted = expected.get(name);
            Integer replicas = replicas(workload);
            if (wanted != null && replicas != null && replicas.intValue() != wanted) {
                waiting.add(name + " (at " + replicas + " replicas, " + wanted + " set by this drill)");
            } else if (!rollout.done()) {
                waiting.add(name + " (" + rollout.message() + ")");
            }
        }
        if (count == 0) {
            return new CheckResult(false, "no workload in namespace " + namespace + " matches " + describe(target));
        }
        return new CheckResult(waiting.isEmpty(), (count - waiting.size()) + "/" + count + " workloads rolled out"
                + (waiting.isEmpty() ? "" : "; waiting: " + String.join("; ", waiting)));
    }

    private static CheckResult nodesReady(ClusterSnapshot snapshot, Check.NodesReady check) throws CheckNotPossible {
        ClusterSnapshot s = answering(snapshot);
        long good = s.nodes().stream().filter(NodeHealth::isReady)
                .filter(n -> check.labels().stream().noneMatch(n.missingGitpodLabels()::contains)).count();
        return new CheckResult(good >= check.count(), Words.count(good, "Ready node") + " with the labels, "
                + check.count()
                + " wanted, " + s.nodes().size() + " in all");
    }

    private CheckResult standbyMatchesPrimary(Check.StandbyMatchesPrimary check) throws CheckNotPossible {
        ClusterSnapshot p = answering(monitor(Side.PRIMARY).snapshot());
        ClusterSnapshot s = answering(monitor(Side.STANDBY).snapshot());
        var compare = check.compare();
        List<String> differences = new ArrayList<>();
        for (ComparisonRow row : Comparison.compare(p, s)) {
            boolean counts = switch (row.difference()) {
                case ONLY_ON_PRIMARY, ONLY_ON_STANDBY -> compare.contains(Check.StandbyMatchesPrimary.Aspect.COMPONENTS);
                case IMAGE_DIFFERS -> compare.contains(Check.StandbyMatchesPrimary.Aspect.IMAGES);
                case REPLICAS_DIFFER -> compare.contains(Check.StandbyMatchesPrimary.Aspect.REPLICAS);
                case SAME -> false;
            };
            if (counts) {
                differences.add(row.component() + ": " + row.detail());
            }
        }
        String compared = compare.stream().sorted().map(a -> a.name().toLowerCase()).collect(Collectors.joining(", "));
        return new CheckResult(differences.isEmpty(), differences.isEmpty()
                ? "standby matches the primary (" + compared + ")"
                : Words.count(differences.size(), "difference") + ": " + String.join("; ", differences));
    }

    private CheckResult httpGet(Check.HttpGet check) {
        String url = check.url().toString();
        Network.Answer answer = network.get(url);
        if (answer.status() < 0) {
            return new CheckResult(false, url + ": no answer (" + answer.problem() + ")");
        }
        return new CheckResult(answer.status() == check.expectStatus(), url + " answered HTTP " + answer.status()
                + " (" + check.expectStatus() + " wanted)");
    }

    private CheckResult dnsResolves(Check.DnsResolves check) throws CheckNotPossible {
        String expected;
        if (check.expect() instanceof Check.ExpectedAddress.Literal literal) {
            expected = literal.address();
        } else {
            expected = answering(monitor(Side.STANDBY).snapshot()).proxyAddress();
            if (expected.isEmpty()) {
                return new CheckResult(false, "the standby proxy has no external address: Gitpod is not reachable"
                        + " from outside");
            }
        }
        List<String> addresses = network.resolve(check.host());
        return new CheckResult(addresses.contains(expected), check.host() + " resolves to "
                + (addresses.isEmpty() ? "nothing" : String.join(", ", addresses)) + " (" + expected + " wanted)");
    }

    static CheckResult jobSucceeded(ClusterSnapshot s, Check.JobSucceeded check) {
        return s.batch().stream().filter(b -> b.kind() == BatchWork.Kind.JOB && b.name().equals(check.name()))
                .findFirst()
                .map(job -> new CheckResult(job.status() == BatchWork.Status.SUCCEEDED, "Job " + job.name() + " "
                        + job.status().name().toLowerCase(java.util.Locale.ROOT)
                        + (job.message() == null || job.message().isBlank() ? "" : ": " + job.message())))
                .orElseGet(() -> new CheckResult(false, "no Job " + check.name() + " in namespace " + s.namespace()));
    }

    private CheckResult backupAge(CheckStep step, Check.BackupAge check) throws CheckNotPossible {
        Duration maxAge = check.maxAge();
        Instant newest;
        String from;
        if (check.source() instanceof Check.BackupSource.CronJob cron) {
            from = "CronJob " + cron.name();
            var cronJob = client(step.cluster()).batch().v1().cronjobs().inNamespace(namespace).withName(cron.name()).get();
            if (cronJob == null) {
                throw new CheckNotPossible("no CronJob " + cron.name() + " in namespace " + namespace);
            }
            String last = cronJob.getStatus() == null ? null : cronJob.getStatus().getLastSuccessfulTime();
            newest = last == null ? null : Instant.parse(last);
        } else if (check.source() instanceof Check.BackupSource.Velero) {
            from = "Velero";
            // The same completed Backups the panes show (a failed Backup is no restore point).
            newest = VeleroBackups.completed(client(step.cluster())).stream().map(BackupPoint::completedAt)
                    .max(Instant::compareTo).orElse(null);
        } else {
            from = "the operator";
            newest = operatorBackupTime.apply(step);
        }
        if (newest == null) {
            return new CheckResult(false, "no completed backup found (" + from + ")");
        }
        Duration age = Duration.between(newest, Instant.now());
        // The backup's time is the event's own field (backupPoint): each reader shows it in its own form.
        return new CheckResult(age.compareTo(maxAge) <= 0, "newest backup (" + from + ") "
                + HumanTime.duration(age.isNegative() ? Duration.ZERO : age) + " old (at most "
                + HumanTime.duration(maxAge) + " allowed)", newest);
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
    public List<RunEvent.SideHealth> healthRecord() {
        List<RunEvent.SideHealth> sides = new ArrayList<>();
        for (Side side : Side.values()) {
            ClusterSnapshot s = monitor(side).snapshot();
            sides.add(new RunEvent.SideHealth(side.key(), s.context(), s.server(), s.state().name(), s.verdict().name(),
                    s.nodeSummary().ready(), s.nodeSummary().total(), s.runningWorkspaces(), s.proxyAddress(),
                    s.reasons(), s.components().stream().map(c -> new RunEvent.ComponentState(c.name(),
                            c.kind().display(), c.status().name(), c.ready(), c.desired())).toList()));
        }
        return sides;
    }

    @Override
    public List<RunEvent.RecordedWarning> warningsRecord() {
        List<RunEvent.RecordedWarning> warnings = new ArrayList<>();
        for (Side side : Side.values()) {
            for (var w : monitor(side).snapshot().warnings()) {
                warnings.add(new RunEvent.RecordedWarning(side.key(), w.lastSeen(), w.object(), w.reason(), w.message(),
                        w.count()));
            }
        }
        return warnings;
    }

    @Override
    public Map<String, Integer> primaryReplicas() {
        return primaryReplicas;
    }

    @Override
    public void restore(Map<String, Integer> recordedOnPrimary, Map<Side, Map<String, Integer>> scaled) {
        if (!recordedOnPrimary.isEmpty()) {
            primaryReplicas = Map.copyOf(recordedOnPrimary); // as the primary was at the run's start, not now
        }
        scaled.forEach((side, replicas) -> scaledTo.get(side).putAll(replicas));
    }

    // ---------------------------------------------------------------- actions

    @Override
    public ActionPlan plan(ActionStep step) throws StepException {
        KubernetesClient client = clientFor(step.cluster());
        String context = monitor(step.cluster()).clusterTarget().context();
        List<ClusterRequest> requests = step.action().accept(new Action.Cases<List<ClusterRequest>, StepException>() {
            @Override
            public List<ClusterRequest> scale(Action.Scale action) throws StepException {
                List<ClusterRequest> scales = new ArrayList<>();
                for (HasMetadata workload : workloads(client, action.target(), false)) {
                    String name = workload.getMetadata().getName();
                    Integer current = replicas(workload);
                    Integer wanted = action.replicas() instanceof Action.Replicas.Fixed fixed ? Integer.valueOf(fixed.count())
                            : primaryReplicas.get(name);
                    if (wanted != null) {
                        scales.add(new ClusterRequest.Scale(workload instanceof Deployment ? ResourceKind.DEPLOYMENT
                                : ResourceKind.STATEFULSET, name, current == null ? 1 : current, wanted));
                    }
                }
                if (scales.isEmpty()) {
                    throw new StepException("nothing to scale: no Deployment or StatefulSet matches "
                            + describe(action.target()) + (action.replicas() instanceof Action.Replicas.FromPrimarySnapshot
                            ? " with replicas recorded on the primary" : ""));
                }
                return scales;
            }

            @Override
            public List<ClusterRequest> rolloutRestart(Action.RolloutRestart action) throws StepException {
                String now = Instant.now().toString();
                List<ClusterRequest> restarts = new ArrayList<>();
                for (HasMetadata workload : workloads(client, action.target(), false)) {
                    restarts.add(new ClusterRequest.Patch(workload instanceof Deployment ? ResourceKind.DEPLOYMENT
                            : ResourceKind.STATEFULSET, workload.getMetadata().getName(),
                            "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":"
                                    + "{\"kubectl.kubernetes.io/restartedAt\":\"" + now + "\"}}}}}"));
                }
                if (restarts.isEmpty()) {
                    throw new StepException("nothing to restart: no Deployment or StatefulSet matches "
                            + describe(action.target()));
                }
                return restarts;
            }

            @Override
            public List<ClusterRequest> cordon(Action.Cordon action) throws StepException {
                return List.of(new ClusterRequest.NodePatch(existingNode(client, action.node()), true));
            }

            @Override
            public List<ClusterRequest> uncordon(Action.Uncordon action) throws StepException {
                return List.of(new ClusterRequest.NodePatch(existingNode(client, action.node()), false));
            }

            @Override
            public List<ClusterRequest> mergePatch(Action.MergePatch action) {
                return List.of(new ClusterRequest.Patch(action.resource(), action.name(), action.patchJson()));
            }

            @Override
            public List<ClusterRequest> apply(Action.Apply action) throws StepException {
                List<ClusterRequest> objects = new ArrayList<>();
                for (HasMetadata item : manifest(action)) {
                    objects.add(new ClusterRequest.CreateOrUpdate(item.getKind(), item.getMetadata().getName(),
                            Serialization.asJson(item)));
                }
                return objects;
            }

            @Override
            public List<ClusterRequest> delete(Action.Delete action) {
                return List.of(new ClusterRequest.Delete(action.resource(), action.name()));
            }
        });
        String summary = requests.stream().map(ClusterRequest::describe).collect(Collectors.joining(", "));
        try {
            send(client, requests, true);
        } catch (StepException refused) {
            throw new StepException("the server-side dry run of \"" + summary + "\" failed: " + refused.getMessage());
        }
        return new ActionPlan(context, summary + " in namespace " + namespace
                + "; the API server accepts it (server-side dry run)", requests);
    }

    @Override
    public String apply(ActionStep step, ActionPlan plan) throws StepException {
        send(clientFor(step.cluster()), plan.requests(), false);
        scaledTo.get(step.cluster()).putAll(ClusterWork.scaledTo(plan));
        long scaled = plan.requests().stream().filter(ClusterRequest.Scale.class::isInstance).count();
        return (scaled > 0 ? "scaled " + Words.count(scaled, "workload") + ": " : "done: ")
                + plan.requests().stream().map(ClusterRequest::describe).collect(Collectors.joining(", "));
    }

    /**
     * Sends the requests; with {@code dryRun} the API server checks them (admission, validation, RBAC) and
     * answers as if they were done, changing nothing.
     */
    private void send(KubernetesClient client, List<ClusterRequest> requests, boolean dryRun) throws StepException {
        try {
            for (ClusterRequest request : requests) {
                request.accept(new ClusterRequest.Cases<Void, StepException>() {
                    @Override
                    public Void scale(ClusterRequest.Scale scale) throws StepException {
                        existing(client, scale.resource(), scale.name()).dryRun(dryRun).patch(MERGE,
                                "{\"spec\":{\"replicas\":" + scale.to() + "}}");
                        return null;
                    }

                    @Override
                    public Void patch(ClusterRequest.Patch patch) throws StepException {
                        existing(client, patch.resource(), patch.name()).dryRun(dryRun).patch(MERGE, patch.json());
                        return null;
                    }

                    @Override
                    public Void nodePatch(ClusterRequest.NodePatch node) {
                        client.nodes().withName(node.node()).dryRun(dryRun).patch(MERGE,
                                "{\"spec\":{\"unschedulable\":" + node.cordoned() + "}}");
                        return null;
                    }

                    @Override
                    public Void createOrUpdate(ClusterRequest.CreateOrUpdate object) {
                        HasMetadata item = Serialization.unmarshal(object.manifestJson());
                        client.resource(item).inNamespace(namespace).dryRun(dryRun).createOr(existing -> existing.update());
                        return null;
                    }

                    @Override
                    public Void delete(ClusterRequest.Delete delete) throws StepException {
                        existing(client, delete.resource(), delete.name()).dryRun(dryRun).delete();
                        return null;
                    }
                });
            }
        } catch (KubernetesClientException e) {
            throw new StepException(refused(e));
        }
    }

    private static String describe(WorkloadTarget target) {
        return target instanceof WorkloadTarget.Named named ? "the name " + named.name()
                : "the selector " + ((WorkloadTarget.Selected) target).selector();
    }

    /** Deployments and StatefulSets (and DaemonSets, for checks) the target names or selects. */
    private List<HasMetadata> workloads(KubernetesClient client, WorkloadTarget target, boolean daemonSets) {
        List<HasMetadata> workloads = new ArrayList<>();
        var apps = client.apps();
        if (target instanceof WorkloadTarget.Named named) {
            addIfPresent(workloads, apps.deployments().inNamespace(namespace).withName(named.name()).get());
            addIfPresent(workloads, apps.statefulSets().inNamespace(namespace).withName(named.name()).get());
            if (daemonSets) {
                addIfPresent(workloads, apps.daemonSets().inNamespace(namespace).withName(named.name()).get());
            }
            return workloads;
        }
        LabelSelector selector = ((WorkloadTarget.Selected) target).selector();
        String query = selector.toString();
        workloads.addAll(apps.deployments().inNamespace(namespace).withLabelSelector(query).list().getItems());
        workloads.addAll(apps.statefulSets().inNamespace(namespace).withLabelSelector(query).list().getItems());
        if (daemonSets) {
            workloads.addAll(apps.daemonSets().inNamespace(namespace).withLabelSelector(query).list().getItems());
        }
        // The API server evaluates the selector; the same parsed selector is applied again here, so that a
        // server that ignores set-based selectors (the practice clusters' mock server does) never widens a
        // scale to every workload.
        workloads.removeIf(w -> !selector.matches(w.getMetadata().getLabels() == null ? Map.of()
                : w.getMetadata().getLabels()));
        return workloads;
    }

    private static void addIfPresent(List<HasMetadata> list, HasMetadata item) {
        if (item != null) {
            list.add(item);
        }
    }

    private static Integer replicas(HasMetadata workload) {
        if (workload instanceof Deployment d) {
            return d.getSpec() == null ? null : d.getSpec().getReplicas();
        }
        if (workload instanceof StatefulSet st) {
            return st.getSpec() == null ? null : st.getSpec().getReplicas();
        }
        return null;
    }

    private static String existingNode(KubernetesClient client, String node) throws StepException {
        if (client.nodes().withName(node).get() == null) {
            throw new StepException("no node " + node + " on this cluster");
        }
        return node;
    }

    private Resource<GenericKubernetesResource> existing(KubernetesClient client, ResourceKind kind, String name)
            throws StepException {
        ResourceDefinitionContext type = new ResourceDefinitionContext.Builder().withGroup(kind.group())
                .withVersion("v1").withKind(kind.kind()).withPlural(kind.plural()).withNamespaced(true).build();
        var target = client.genericKubernetesResources(type).inNamespace(namespace).withName(name);
        if (target.get() == null) {
            throw new StepException("no " + kind.key() + " " + name + " in namespace " + namespace);
        }
        return target;
    }

    private List<HasMetadata> manifest(Action.Apply action) throws StepException {
        try {
            return Manifests.read(runbookDir.resolve(action.file()));
        } catch (Manifests.Unusable e) {
            throw new StepException(e.getMessage());
        }
    }

    private ClusterMonitor monitor(Side side) {
        return clusters.monitor(side);
    }

    private KubernetesClient clientFor(Side side) throws StepException {
        KubernetesClient client = monitor(side).client();
        if (client == null || !monitor(side).snapshot().state().answers()) {
            throw new StepException("the " + side.key() + " cluster does not answer: "
                    + monitor(side).snapshot().stateMessage());
        }
        return client;
    }

    private KubernetesClient client(Side side) throws CheckNotPossible {
        KubernetesClient client = monitor(side).client();
        if (client == null) {
            throw new CheckNotPossible("the " + side.key() + " cluster is not connected");
        }
        return client;
    }

    private static String refused(KubernetesClientException e) {
        return "the API server refused: " + (e.getStatus() == null ? e.getMessage()
                : e.getCode() + " " + e.getStatus().getMessage());
    }
}
