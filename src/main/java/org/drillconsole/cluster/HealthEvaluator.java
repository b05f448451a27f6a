package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.drillconsole.model.BackupPoint;
import org.drillconsole.model.BatchWork;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ComponentHealth;
import org.drillconsole.model.ComponentRole;
import org.drillconsole.model.ComponentStatus;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.NodeHealth;
import org.drillconsole.model.PodTrouble;
import org.drillconsole.model.Side;
import org.drillconsole.model.Verdict;
import org.drillconsole.model.WarningEvent;
import org.drillconsole.model.WorkloadKind;
import org.drillconsole.model.Words;

/** Builds a {@link ClusterSnapshot} and its verdict from a probe and the cached objects. A pure function. */
public final class HealthEvaluator {

    static final Duration RECENT_WARNINGS = Duration.ofHours(1);
    static final int MAX_WARNINGS = 50;

    private HealthEvaluator() {
    }

    /** Where the snapshot comes from: the side, its context and server, and the namespace watched. */
    public record Target(Side side, String context, String server, String namespace) {
    }

    public static ClusterSnapshot evaluate(Target target, ProbeResult probe, Instant lastContact,
                                           boolean objectsKnown, ClusterObjects objects, Instant now) {
        return evaluate(target, probe, lastContact, objectsKnown, objects, now, null);
    }

    /**
     * @param listProblem why the objects could not be listed (a one-shot reading that gave up), or null while
     *                    they are simply not listed yet
     */
    public static ClusterSnapshot evaluate(Target target, ProbeResult probe, Instant lastContact,
                                           boolean objectsKnown, ClusterObjects objects, Instant now,
                                           String listProblem) {
        return evaluate(target, probe, lastContact, objectsKnown, objects, now, listProblem, NodeRules::evaluate);
    }

    /**
     * @param nodeRules {@link NodeRules#evaluate}, or what gives the same answers sooner (judgements kept
     *                  from when each node was seen)
     */
    public static ClusterSnapshot evaluate(Target target, ProbeResult probe, Instant lastContact,
                                           boolean objectsKnown, ClusterObjects objects, Instant now,
                                           String listProblem, Function<Node, NodeHealth> nodeRules) {
        Map<String, Workload> workloads = workloads(objects);
        List<PodTrouble> troubled = new ArrayList<>();
        int workspaces = objects.workspacesLeftOut();
        for (Pod pod : objects.pods()) {
            // A pod is shown under the workload that owns it; a bare pod under its component label.
            PodRules.trouble(pod, () -> PodRules.owner(pod).map(o -> workloads.get(key(o.kind(), o.name())))
                    .map(Workload::name).orElse(PodRules.component(pod)), now).ifPresent(troubled::add);
            if (PodRules.isRunningWorkspace(pod)) {
                workspaces++;
            }
        }
        troubled.sort(Comparator.comparing(PodTrouble::component).thenComparing(PodTrouble::name));
        Map<String, List<PodTrouble>> troubleByComponent = troubled.stream()
                .collect(Collectors.groupingBy(PodTrouble::component));

        List<ComponentHealth> components = components(objects, workloads, troubleByComponent);
        List<NodeHealth> nodes = objects.nodes().stream().map(nodeRules)
                .sorted(Comparator.comparing(NodeHealth::name)).toList();
        List<String> unbound = objects.claims().stream()
                .filter(claim -> claim.getStatus() == null || !"Bound".equals(claim.getStatus().getPhase()))
                .map(claim -> claim.getMetadata().getName() + " ("
                        + (claim.getStatus() == null || claim.getStatus().getPhase() == null
                        ? "no phase" : claim.getStatus().getPhase()) + ")")
                .sorted().toList();

        List<BatchWork> batch = new ArrayList<>();
        objects.jobs().forEach(job -> batch.add(BatchRules.job(job, now)));
        objects.cronJobs().forEach(cronJob -> batch.add(BatchRules.cronJob(cronJob)));
        batch.sort(Comparator.comparing(BatchWork::kind).thenComparing(BatchWork::name));

        List<String> reasons = new ArrayList<>();
        WayIn wayIn = wayIn(objects.services());
        Verdict verdict = verdict(probe, objectsKnown, listProblem, objects, components, nodes, troubled, unbound,
                wayIn, reasons);
        if (verdict == Verdict.HEALTHY || verdict == Verdict.DEGRADED || verdict == Verdict.IDLE) {
            // A failed or stuck database setup Job is what breaks a restore: never let it pass unseen.
            List<String> setup = batch.stream().filter(b -> b.kind() == BatchWork.Kind.JOB && b.inTrouble()
                    && BatchRules.isDatabaseSetup(b.name())).map(b -> b.name() + " Job " + b.message()).toList();
            if (!setup.isEmpty()) {
                if (verdict == Verdict.HEALTHY) {
                    reasons.clear();
                }
                reasons.add(0, String.join("; ", setup));
                verdict = Verdict.DEGRADED;
            }
        }
        return new ClusterSnapshot(target.side(), target.context(), target.server(), target.namespace(),
                probe.state(), probe.message(), verdict, reasons, probe.latencyMs(), probe.serverVersion(),
                lastContact, objectsKnown, objects.namespaceExists(), nodes, components, troubled, unbound,
                wayIn.address(), workspaces, warnings(objects.events(), now), now, batch,
                newestBackup(objects.veleroBackups(), batch));
    }

    /** A workload in the namespace: the name it is shown under and what it is to Gitpod. */
    private record Workload(String name, ComponentRole role) {
    }

    /**
     * Every Deployment, StatefulSet and DaemonSet by kind and name: Gitpod's components by
     * {@code app=gitpod} + {@code component}, the in-cluster dependencies by their Helm labels or names, and
     * anything else as another workload under its own name.
     */
    private static Map<String, Workload> workloads(ClusterObjects objects) {
        Map<String, Workload> workloads = new java.util.HashMap<>();
        objects.deployments().forEach(d -> workloads.put(key(WorkloadKind.DEPLOYMENT, d.getMetadata().getName()),
                classify(d.getMetadata())));
        objects.statefulSets().forEach(s -> workloads.put(key(WorkloadKind.STATEFULSET, s.getMetadata().getName()),
                classify(s.getMetadata())));
        objects.daemonSets().forEach(d -> workloads.put(key(WorkloadKind.DAEMONSET, d.getMetadata().getName()),
                classify(d.getMetadata())));
        return workloads;
    }

    private static Workload classify(io.fabric8.kubernetes.api.model.ObjectMeta meta) {
        Map<String, String> labels = meta.getLabels();
        return GitpodReference.component(labels).map(c -> new Workload(c, ComponentRole.GITPOD))
                .or(() -> GitpodReference.dependency(labels, meta.getName())
                        .map(d -> new Workload(d, ComponentRole.DEPENDENCY)))
                .orElse(new Workload(meta.getName(), ComponentRole.OTHER));
    }

    /** A workload's health under the name and role it has in the namespace, with the trouble of its pods. */
    private static ComponentHealth judged(Map<String, Workload> workloads, WorkloadKind kind,
                                          io.fabric8.kubernetes.api.model.ObjectMeta meta,
                                          Map<String, List<PodTrouble>> trouble,
                                          java.util.function.Function<List<PodTrouble>, ComponentHealth> rules) {
        Workload w = workloads.get(key(kind, meta.getName()));
        return rules.apply(trouble.getOrDefault(w.name(), List.of())).as(w.name(), w.role());
    }

    private static String key(WorkloadKind kind, String name) {
        return kind + "/" + name;
    }

    private static List<ComponentHealth> components(ClusterObjects objects, Map<String, Workload> workloads,
                                                    Map<String, List<PodTrouble>> trouble) {
        List<ComponentHealth> components = new ArrayList<>();
        objects.deployments().forEach(d -> components.add(judged(workloads, WorkloadKind.DEPLOYMENT, d.getMetadata(),
                trouble, t -> ComponentRules.deployment(d, t))));
        objects.statefulSets().forEach(s -> components.add(judged(workloads, WorkloadKind.STATEFULSET, s.getMetadata(),
                trouble, t -> ComponentRules.statefulSet(s, t))));
        objects.daemonSets().forEach(d -> components.add(judged(workloads, WorkloadKind.DAEMONSET, d.getMetadata(),
                trouble, t -> ComponentRules.daemonSet(d, t))));
        if (objects.namespaceExists() || !components.isEmpty()) {
            Set<String> present = new HashSet<>();
            components.stream().filter(c -> c.role() != ComponentRole.OTHER).forEach(c -> present.add(c.name()));
            GitpodReference.CORE.forEach((name, kind) -> {
                if (!present.contains(name)) {
                    components.add(ComponentHealth.missing(kind, name));
                }
            });
            GitpodReference.IN_CLUSTER_DEPENDENCIES.forEach((name, kind) -> {
                if (!present.contains(name)) {
                    components.add(ComponentHealth.notInstalled(kind, name));
                }
            });
        }
        // Gitpod's components and its dependencies first, other workloads apart at the end.
        components.sort(Comparator.comparing((ComponentHealth c) -> c.role() == ComponentRole.OTHER)
                .thenComparing(ComponentHealth::name));
        return components;
    }

    private static Verdict verdict(ProbeResult probe, boolean objectsKnown, String listProblem, ClusterObjects objects,
                                   List<ComponentHealth> allComponents, List<NodeHealth> nodes,
                                   List<PodTrouble> troubled, List<String> unbound, WayIn wayIn,
                                   List<String> reasons) {
        // Other workloads in the namespace are shown, never judged.
        List<ComponentHealth> components = allComponents.stream().filter(c -> c.role() != ComponentRole.OTHER)
                .toList();
        switch (probe.state()) {
            case CONNECTING -> {
                reasons.add("not contacted yet");
                return Verdict.UNKNOWN;
            }
            case UNREACHABLE -> {
                reasons.add("API server unreachable: " + probe.message());
                return Verdict.DOWN;
            }
            case UNAUTHORIZED, FORBIDDEN, MISCONFIGURED -> {
                reasons.add(probe.message());
                return Verdict.UNKNOWN;
            }
            default -> {
                // answers: judged below
            }
        }
        if (!objectsKnown) {
            reasons.add(listProblem == null ? "API server answers; waiting for the first object lists"
                    : "API server answers, but the objects could not be listed: " + listProblem);
            return Verdict.UNKNOWN;
        }
        if (!objects.namespaceExists()) {
            reasons.add("namespace does not exist: Gitpod is not installed here");
            return Verdict.DOWN;
        }
        List<ComponentHealth> present = components.stream().filter(c -> c.status() != ComponentStatus.MISSING).toList();
        if (present.isEmpty()) {
            reasons.add("no Gitpod components (label " + GitpodReference.appSelector() + ") in the namespace");
            return Verdict.DOWN;
        }
        boolean degraded = false;
        if (probe.state() == ConnectionState.DEGRADED) {
            reasons.add("API server: " + probe.message());
            degraded = true;
        }
        if (objects.nodesVisible()) {
            long ready = nodes.stream().filter(NodeHealth::isReady).count();
            if (nodes.isEmpty() || ready == 0) {
                reasons.add("no node is Ready");
                return Verdict.DOWN;
            }
            if (ready < nodes.size()) {
                reasons.add((nodes.size() - ready) + " of " + nodes.size() + " nodes not Ready");
                degraded = true;
            }
            long pressured = nodes.stream().filter(n -> !n.pressures().isEmpty()).count();
            if (pressured > 0) {
                reasons.add(Words.count(pressured, "node") + " under pressure");
                degraded = true;
            }
        }
        degraded |= listReasons(components, ComponentStatus.FAILED, "failed", reasons);
        degraded |= listReasons(components, ComponentStatus.DEGRADED, "degraded", reasons);
        degraded |= listReasons(components, ComponentStatus.PROGRESSING, "progressing", reasons);
        List<String> missingCore = components.stream()
                .filter(c -> c.status() == ComponentStatus.MISSING && GitpodReference.CORE.containsKey(c.name()))
                .map(ComponentHealth::name).toList();
        if (!missingCore.isEmpty()) {
            reasons.add("missing: " + String.join(", ", missingCore));
            degraded = true;
        }
        if (!unbound.isEmpty()) {
            reasons.add(Words.count(unbound.size(), "PVC") + " not bound");
            degraded = true;
        }
        Set<String> others = allComponents.stream().filter(c -> c.role() == ComponentRole.OTHER)
                .map(ComponentHealth::name).collect(Collectors.toSet());
        long podsOutsideComponents = troubled.stream()
                .filter(t -> present.stream().noneMatch(c -> c.name().equals(t.component())))
                .filter(t -> !others.contains(t.component()) && !t.component().isEmpty()).count();
        if (podsOutsideComponents > 0) {
            reasons.add(Words.count(podsOutsideComponents, "other pod") + " in trouble");
            degraded = true;
        }
        // Scaled to zero or not is Gitpod's own components' business: a pilot light may keep its in-cluster
        // message bus or database running, ready for the failover.
        List<ComponentHealth> scalable = present.stream().filter(c -> c.kind() != WorkloadKind.DAEMONSET
                && c.role() == ComponentRole.GITPOD).toList();
        List<String> idle = scalable.stream().filter(c -> c.status() == ComponentStatus.IDLE)
                .map(ComponentHealth::name).toList();
        if (!scalable.isEmpty() && idle.size() == scalable.size() && !degraded) {
            reasons.add("Gitpod present, scaled to zero (pilot light)");
            return Verdict.IDLE;
        }
        // Judged only where Gitpod is meant to serve: a pilot light (every replica count 0 on purpose) is not.
        boolean meantToServe = scalable.stream().anyMatch(c -> c.desired() > 0);
        List<String> cannotServe = meantToServe ? servingPathDown(components) : List.of();
        if (!cannotServe.isEmpty()) {
            reasons.add(0, "Gitpod cannot serve: no available replica of " + String.join("; ", cannotServe));
            return Verdict.DOWN;
        }
        if (meantToServe && wayIn.problem() != null) {
            reasons.add(0, wayIn.problem());
            return Verdict.DOWN;
        }
        if (!idle.isEmpty() && idle.size() < scalable.size()) {
            reasons.add("partly scaled to zero: " + String.join(", ", idle));
            degraded = true;
        }
        if (degraded) {
            return Verdict.DEGRADED;
        }
        reasons.add("all " + present.size() + " components healthy");
        return Verdict.HEALTHY;
    }

    /**
     * The newest backup in sight: a completed Velero Backup, or the last success of a CronJob whose name says
     * it backs something up (a database dump, a bucket sync).
     */
    static BackupPoint newestBackup(List<BackupPoint> velero, List<BatchWork> batch) {
        List<BackupPoint> points = new ArrayList<>(velero);
        batch.stream().filter(b -> b.kind() == BatchWork.Kind.CRONJOB && b.lastSuccess() != null
                        && b.name().toLowerCase(java.util.Locale.ROOT).contains("backup"))
                .forEach(b -> points.add(new BackupPoint("CronJob " + b.name(), b.lastSuccess())));
        return points.stream().max(Comparator.comparing(BackupPoint::completedAt)).orElse(null);
    }

    /** Components on the serving path that are there (or must be) and have no available replica. */
    public static List<String> servingPathDown(List<ComponentHealth> components) {
        List<String> down = new ArrayList<>();
        for (String name : GitpodReference.SERVING_PATH) {
            for (ComponentHealth c : components) {
                if (!c.name().equals(name) || "NotInstalled".equals(c.reason())) {
                    continue;
                }
                if (c.status() == ComponentStatus.MISSING) {
                    down.add(name + " (not in the namespace)");
                } else if (c.ready() == 0) {
                    down.add(name + " (" + c.ready() + "/" + c.desired() + ", " + c.message() + ")");
                }
            }
        }
        return down;
    }

    /** The way in from outside: the proxy LoadBalancer's address, or why there is none. */
    private record WayIn(String address, String problem) {
    }

    private static WayIn wayIn(List<Service> services) {
        for (Service service : services) {
            if (!GitpodReference.PROXY_SERVICE.equals(service.getMetadata().getName())) {
                continue;
            }
            if (service.getStatus() != null && service.getStatus().getLoadBalancer() != null) {
                for (LoadBalancerIngress ingress : service.getStatus().getLoadBalancer().getIngress()) {
                    if (ingress.getIp() != null) {
                        return new WayIn(ingress.getIp(), null);
                    }
                    if (ingress.getHostname() != null) {
                        return new WayIn(ingress.getHostname(), null);
                    }
                }
            }
            return new WayIn("", "no external address: Gitpod is not reachable from outside (Service "
                    + GitpodReference.PROXY_SERVICE + " has no load-balancer address)");
        }
        return new WayIn("", "no external address: Gitpod is not reachable from outside (no Service "
                + GitpodReference.PROXY_SERVICE + ")");
    }

    private static boolean listReasons(List<ComponentHealth> components, ComponentStatus status, String word,
                                       List<String> reasons) {
        List<String> names = components.stream().filter(c -> c.status() == status)
                .map(c -> c.name() + " (" + c.message() + ")").toList();
        if (names.isEmpty()) {
            return false;
        }
        reasons.add(word + ": " + String.join("; ", names));
        return true;
    }

    private static List<WarningEvent> warnings(List<Event> events, Instant now) {
        return events.stream()
                .filter(e -> "Warning".equals(e.getType()))
                .map(HealthEvaluator::toWarning)
                .filter(w -> w.lastSeen() == null || Duration.between(w.lastSeen(), now).compareTo(RECENT_WARNINGS) <= 0)
                .sorted(Comparator.comparing(WarningEvent::lastSeen, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(MAX_WARNINGS)
                .toList();
    }

    private static WarningEvent toWarning(Event event) {
        Instant last = PodRules.parse(event.getLastTimestamp());
        if (last == null && event.getEventTime() != null) {
            last = PodRules.parse(event.getEventTime().getTime());
        }
        if (last == null) {
            last = PodRules.parse(event.getMetadata().getCreationTimestamp());
        }
        var involved = event.getInvolvedObject();
        String object = involved == null ? "" : involved.getKind() + "/" + involved.getName();
        return new WarningEvent(last, object, event.getReason(), event.getMessage(),
                RolloutRules.value(event.getCount()));
    }
}
