package org.drillconsole.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.drillconsole.cluster.GitpodReference;
import org.drillconsole.model.Side;
import org.drillconsole.sandbox.api.ApiException;
import org.drillconsole.sandbox.api.ApiResource;
import org.drillconsole.sandbox.api.ApiResources;
import org.drillconsole.sandbox.api.ObjectStore;
import org.drillconsole.model.Words;

/**
 * The fault switches of the practice clusters, shared by the {@code sandbox} command's standard input
 * and the window's practice-controls panel. Every method returns the sentence to show.
 */
public final class PracticeControls {

    public static final String HELP = String.join(System.lineSeparator(),
            "commands (SIDE is primary or standby):",
            "  stop SIDE                  API server refuses connections",
            "  hang SIDE                  API server accepts connections and never answers",
            "  start SIDE                 API server serves again (after stop or hang)",
            "  crash SIDE WORKLOAD        the pods of that Deployment/StatefulSet/DaemonSet crash-loop (by owner)",
            "  heal SIDE WORKLOAD         they recover",
            "  cordon SIDE NODE           mark a node unschedulable",
            "  uncordon SIDE NODE         mark it schedulable again",
            "  scale SIDE COMPONENT N     set a Deployment's or StatefulSet's replicas",
            "  workspaces SIDE stop       stop every running workspace on that side",
            "  dns SIDE                   point gitpod.example.com at that side's proxy",
            "  proxy-address SIDE off|on  the proxy LoadBalancer loses (or gets back) its external address",
            "  migrations SIDE fail|rerun the database migrations Job fails (or runs again and completes)",
            "  backup-age SIDE MINUTES    the newest Velero backup completed that many minutes ago",
            "  snapshot-restore SIDE      what `kubectl kots restore` and a redeploy do: Gitpod's workloads",
            "                             come up on that side at their usual replicas",
            "  status                     show each API server's state",
            "  help                       this list",
            "  quit                       stop the practice clusters");

    private final PracticeClusters clusters;

    PracticeControls(PracticeClusters clusters) {
        this.clusters = clusters;
    }

    public String stop(Side side) {
        cluster(side).server().refuse();
        return side.label() + " API server stopped (connection refused)";
    }

    public String hang(Side side) throws IOException {
        cluster(side).server().hang();
        return side.label() + " API server hung (accepts, never answers)";
    }

    public String start(Side side) throws IOException {
        cluster(side).server().serve();
        return side.label() + " API server serving again";
    }

    public String crash(Side side, String component, boolean crash) {
        requireComponent(side, component);
        cluster(side).controllers().setCrashLooping(component, crash);
        return side.label() + " " + component + (crash ? " crash-looping" : " recovering");
    }

    public String cordon(Side side, String node, boolean cordon) {
        if (store(side).get(ApiResources.NODES, null, node) == null) {
            throw new IllegalArgumentException("no node \"" + node + "\" on the " + side.key() + " cluster; nodes: "
                    + String.join(", ", nodes(side)));
        }
        change(side, ApiResources.NODES, null, node, n -> n.with("spec").put("unschedulable", cordon));
        return side.label() + " node " + node + (cordon ? " cordoned" : " uncordoned");
    }

    public String scale(Side side, String component, int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be 0 or more, not " + replicas);
        }
        ApiResource kind = store(side).get(ApiResources.DEPLOYMENTS, GitpodSeed.NAMESPACE, component) != null
                ? ApiResources.DEPLOYMENTS
                : store(side).get(ApiResources.STATEFUL_SETS, GitpodSeed.NAMESPACE, component) != null
                ? ApiResources.STATEFUL_SETS : null;
        if (kind == null) {
            throw new IllegalArgumentException("no Deployment or StatefulSet \"" + component + "\" on the "
                    + side.key() + " cluster");
        }
        change(side, kind, GitpodSeed.NAMESPACE, component, w -> w.with("spec").put("replicas", replicas));
        return side.label() + " " + component + " scaled to " + replicas;
    }

    public String stopWorkspaces(Side side) {
        int count = 0;
        for (ObjectNode pod : store(side).list(ApiResources.PODS, GitpodSeed.NAMESPACE)) {
            if (GitpodReference.WORKSPACE_COMPONENT.equals(PracticeControllers.label(pod,
                    GitpodReference.COMPONENT_LABEL))) {
                try {
                    store(side).delete(ApiResources.PODS, GitpodSeed.NAMESPACE, PracticeControllers.name(pod), false);
                    count++;
                } catch (ApiException alreadyGone) {
                    // stopped meanwhile
                }
            }
        }
        return side.label() + ": " + Words.count(count, "workspace") + " stopped";
    }

    /**
     * The practice "KOTS/Velero restore": the installation's workloads come back on that side at a default
     * install's replica counts, as after {@code kubectl kots restore --from-backup} and a redeploy.
     */
    public String restoreSnapshot(Side side) {
        GitpodSeed.REPLICAS.forEach((name, replicas) -> change(side, GitpodSeed.isStatefulSet(name)
                ? ApiResources.STATEFUL_SETS : ApiResources.DEPLOYMENTS, GitpodSeed.NAMESPACE, name,
                w -> w.with("spec").put("replicas", replicas)));
        return side.label() + ": snapshot restored, " + GitpodSeed.REPLICAS.size() + " workloads redeployed";
    }

    /** The practice "DNS change": both clusters' copy of the record now point at that side's proxy. */
    public String pointDns(Side side) {
        String address = PracticeNetwork.proxyAddress(side);
        for (Side holder : Side.values()) {
            change(holder, ApiResources.CONFIG_MAPS, PracticeNetwork.NAMESPACE, PracticeNetwork.CONFIG_MAP, cm -> {
                ObjectNode data = cm.putObject("data");
                PracticeNetwork.records(address).forEach(data::put);
                return data;
            });
        }
        return "gitpod.example.com now resolves to " + address + " (" + side.key() + " proxy)";
    }

    /** The proxy LoadBalancer loses its external address (as when the cloud load balancer is gone) or gets it back. */
    public String proxyAddress(Side side, boolean present) {
        changeStatus(side, ApiResources.SERVICES, GitpodSeed.NAMESPACE,
                org.drillconsole.cluster.GitpodReference.PROXY_SERVICE, service -> {
                    ObjectNode balancer = service.with("status").putObject("loadBalancer");
                    if (present) {
                        balancer.putArray("ingress").addObject().put("ip", PracticeNetwork.proxyAddress(side));
                    }
                    return service;
                });
        return side.label() + " proxy " + (present ? "has its external address " + PracticeNetwork.proxyAddress(side)
                + " again" : "lost its external address");
    }

    /** The installer's database migrations Job fails (backoff limit reached) or runs again to completion. */
    public String migrations(Side side, boolean fail) {
        changeStatus(side, ApiResources.JOBS, GitpodSeed.NAMESPACE, "migrations", job -> {
            ObjectNode status = job.putObject("status");
            if (fail) {
                String now = ObjectStore.now();
                status.put("startTime", now).put("failed", 7).put("active", 0);
                status.putArray("conditions").addObject().put("type", "Failed").put("status", "True")
                        .put("reason", "BackoffLimitExceeded").put("message", "Job has reached the specified backoff limit")
                        .put("lastTransitionTime", now);
            }
            return job;
        });
        return side.label() + " migrations Job " + (fail ? "failed (backoff limit reached)" : "runs again");
    }

    /** The newest (only) Velero backup completed {@code minutes} ago: an old backup, a bigger RPO. */
    public String backupAge(Side side, int minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("MINUTES must be 0 or more, not " + minutes);
        }
        if (store(side).get(ApiResources.VELERO_BACKUPS, GitpodSeed.VELERO_NAMESPACE,
                GitpodSeed.NIGHTLY_BACKUP) == null) {
            throw new IllegalArgumentException("the " + side.key() + " cluster has no Velero backup");
        }
        String completed = java.time.Instant.now().minusSeconds(60L * minutes)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        change(side, ApiResources.VELERO_BACKUPS, GitpodSeed.VELERO_NAMESPACE, GitpodSeed.NIGHTLY_BACKUP, backup -> {
            backup.with("status").put("phase", "Completed").put("completionTimestamp", completed);
            return backup;
        });
        return side.label() + " newest backup completed " + minutes + " min ago (" + completed + ")";
    }

    public String status() {
        StringBuilder text = new StringBuilder();
        for (Side side : Side.values()) {
            PracticeCluster cluster = cluster(side);
            text.append(side.key()).append(": ").append(cluster.url()).append(' ')
                    .append(cluster.server().mode().name().toLowerCase(Locale.ROOT)).append(System.lineSeparator());
        }
        return text.toString().strip();
    }

    public List<String> components(Side side) {
        var names = new TreeSet<String>();
        for (ApiResource kind : List.of(ApiResources.DEPLOYMENTS, ApiResources.STATEFUL_SETS,
                ApiResources.DAEMON_SETS)) {
            store(side).list(kind, GitpodSeed.NAMESPACE).forEach(w -> names.add(PracticeControllers.name(w)));
        }
        return List.copyOf(names);
    }

    public List<String> nodes(Side side) {
        return store(side).list(ApiResources.NODES, (String) null).stream().map(PracticeControllers::name).sorted()
                .toList();
    }

    private ObjectStore store(Side side) {
        return cluster(side).store();
    }

    /** Changes one object in place (as an administrator's kubectl would); every client sees the change. */
    private void change(Side side, ApiResource kind, String namespace, String name,
                        java.util.function.Function<ObjectNode, ObjectNode> edit) {
        modify(side, kind, namespace, name, false, edit);
    }

    /** Changes an object's status, as its controller (here: the cloud's load balancer) would. */
    private void changeStatus(Side side, ApiResource kind, String namespace, String name,
                              java.util.function.Function<ObjectNode, ObjectNode> edit) {
        modify(side, kind, namespace, name, true, edit);
    }

    private void modify(Side side, ApiResource kind, String namespace, String name, boolean statusOnly,
                        java.util.function.Function<ObjectNode, ObjectNode> edit) {
        try {
            store(side).modify(kind, namespace, name, statusOnly, object -> {
                edit.apply(object);
                return object;
            });
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Runs one command line as typed on the sandbox's standard input.
     *
     * @return the answer, or null for {@code quit}
     */
    public String execute(String line) {
        String[] words = line.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return "";
        }
        try {
            return switch (words[0].toLowerCase(Locale.ROOT)) {
                case "help", "?" -> HELP;
                case "quit", "exit" -> null;
                case "status" -> status();
                case "stop" -> stop(side(words, 1));
                case "hang" -> hang(side(words, 1));
                case "start", "restart", "restore" -> start(side(words, 1));
                case "crash" -> crash(side(words, 1), word(words, 2, "WORKLOAD"), true);
                case "heal" -> crash(side(words, 1), word(words, 2, "WORKLOAD"), false);
                case "cordon" -> cordon(side(words, 1), word(words, 2, "NODE"), true);
                case "uncordon" -> cordon(side(words, 1), word(words, 2, "NODE"), false);
                case "scale" -> scale(side(words, 1), word(words, 2, "COMPONENT"), number(word(words, 3, "N")));
                case "workspaces" -> {
                    choice(words, 2, "stop");
                    yield stopWorkspaces(side(words, 1));
                }
                case "dns" -> pointDns(side(words, 1));
                case "migrations" -> migrations(side(words, 1), choice(words, 2, "fail", "rerun").equals("fail"));
                case "backup-age" -> backupAge(side(words, 1), number(word(words, 2, "MINUTES")));
                case "proxy-address" -> proxyAddress(side(words, 1), choice(words, 2, "off", "on").equals("on"));
                case "snapshot-restore" -> restoreSnapshot(side(words, 1));
                default -> "unknown command \"" + words[0] + "\"; type help";
            };
        } catch (IllegalArgumentException | IOException e) {
            return "error: " + e.getMessage();
        }
    }

    private PracticeCluster cluster(Side side) {
        return clusters.cluster(side);
    }

    private void requireComponent(Side side, String component) {
        if (!components(side).contains(component)) {
            throw new IllegalArgumentException("no component \"" + component + "\" on the " + side.key()
                    + " cluster; components: " + String.join(", ", components(side)));
        }
    }

    private static Side side(String[] words, int index) {
        String word = word(words, index, "SIDE");
        for (Side side : Side.values()) {
            if (side.key().equals(word.toLowerCase(Locale.ROOT))) {
                return side;
            }
        }
        throw new IllegalArgumentException("SIDE must be primary or standby, not \"" + word + "\"");
    }

    private static String word(String[] words, int index, String name) {
        if (words.length <= index) {
            throw new IllegalArgumentException(words[0] + " needs " + name + "; type help");
        }
        return words[index];
    }

    /** The word at {@code index}, which must be one of {@code allowed}; else the command's usage. */
    private static String choice(String[] words, int index, String... allowed) {
        String usage = words[0] + " SIDE " + String.join("|", allowed);
        String word = word(words, index, String.join("|", allowed));
        if (!java.util.Arrays.asList(allowed).contains(word)) {
            throw new IllegalArgumentException(usage);
        }
        return word;
    }

    private static int number(String word) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("N must be a whole number, not \"" + word + "\"");
        }
    }
}
