package org.drillconsole.drill;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.drillconsole.model.drill.Names;
import org.drillconsole.model.drill.Check;
import org.drillconsole.model.drill.CheckKind;
import org.drillconsole.model.drill.WorkloadTarget;

/**
 * The registry of check kinds: for each, the keys its block takes, which cluster it reads, and how its
 * block is read into its own record. The loader, the docs and the window all read this one list.
 */
public final class CheckKinds {

    /** Which cluster a check reads, so the step's {@code cluster} key is required or refused. */
    public enum ClusterUse { ONE, BOTH, NETWORK, BY_SOURCE }

    /** One check kind: its name, keys and reader. */
    public enum Kind {
        WORKLOADS_READY(CheckKind.WORKLOADS_READY, ClusterUse.ONE, "selector", "name"),
        NODES_READY(CheckKind.NODES_READY, ClusterUse.ONE, "count", "labels"),
        NO_RUNNING_WORKSPACES(CheckKind.NO_RUNNING_WORKSPACES, ClusterUse.ONE),
        STANDBY_MATCHES_PRIMARY(CheckKind.STANDBY_MATCHES_PRIMARY, ClusterUse.BOTH, "compare"),
        API_REACHABLE(CheckKind.API_REACHABLE, ClusterUse.ONE),
        API_UNREACHABLE(CheckKind.API_UNREACHABLE, ClusterUse.ONE),
        HTTP_GET(CheckKind.HTTP_GET, ClusterUse.NETWORK, "url", "expectStatus"),
        DNS_RESOLVES(CheckKind.DNS_RESOLVES, ClusterUse.NETWORK, "host", "expectAddress", "expectStandbyProxy"),
        BACKUP_AGE(CheckKind.BACKUP_AGE, ClusterUse.BY_SOURCE, "source", "name", "maxAge"),
        JOB_SUCCEEDED(CheckKind.JOB_SUCCEEDED, ClusterUse.ONE, "name");

        private final CheckKind kind;
        private final ClusterUse cluster;
        private final Set<String> fields;

        Kind(CheckKind kind, ClusterUse cluster, String... fields) {
            this.kind = kind;
            this.cluster = cluster;
            this.fields = Set.of(fields);
        }

        public String key() {
            return kind.key();
        }

        /** The keys its block takes besides {@code kind}. */
        public Set<String> fields() {
            return fields;
        }

        public ClusterUse clusterUse() {
            return cluster;
        }

        /** The record for the block; null when it has problems (recorded) or waits for a parameter. */
        Check read(RunbookReader.Block b) {
            return switch (this) {
                case WORKLOADS_READY -> {
                    WorkloadTarget target = b.target();
                    yield target == null ? null : new Check.WorkloadsReady(target);
                }
                case NODES_READY -> {
                    Integer count = b.present("count") ? b.fields.whole("count", true, 1, 10_000) : Integer.valueOf(1);
                    List<String> labels = b.present("labels") ? b.fields.strings("labels", true,
                            "a list of node label names such as [gitpod.io/workload_meta]", Names::labelKey) : List.of();
                    yield count == null || labels == null ? null : new Check.NodesReady(count, labels);
                }
                case NO_RUNNING_WORKSPACES -> new Check.NoRunningWorkspaces();
                case STANDBY_MATCHES_PRIMARY -> standbyMatchesPrimary(b);
                case API_REACHABLE -> new Check.ApiReachable();
                case API_UNREACHABLE -> new Check.ApiUnreachable();
                case HTTP_GET -> {
                    String url = b.checked("url", true, "an http or https URL", Names::url);
                    Integer status = b.present("expectStatus") ? b.fields.whole("expectStatus", true, 100, 599) : Integer.valueOf(200);
                    yield url == null || status == null ? null : new Check.HttpGet(java.net.URI.create(url), status);
                }
                case DNS_RESOLVES -> dnsResolves(b);
                case BACKUP_AGE -> backupAge(b);
                case JOB_SUCCEEDED -> {
                    String name = b.checked("name", true, "the Job's name, such as migrations", Names::objectName);
                    yield name == null ? null : new Check.JobSucceeded(name);
                }
            };
        }

        /** Whether the step's {@code cluster} suits this check: null when it does, else the rule broken. */
        String clusterRule(Check check, boolean clusterGiven, RunbookReader.Fields block) {
            String source = sourceWritten(block);
            if (cluster == ClusterUse.BY_SOURCE && (source == null || !Set.of("velero", "cronJob", "operator").contains(source))) {
                return null; // the source itself is wrong, and said so
            }
            boolean needsOne = switch (cluster) {
                case ONE -> true;
                case BOTH, NETWORK -> false;
                case BY_SOURCE -> !"operator".equals(source);
            };
            if (needsOne && !clusterGiven) {
                return RunbookReader.article(key()) + " check reads one cluster: add cluster: primary or standby";
            }
            if (!needsOne && clusterGiven) {
                return switch (cluster) {
                    case BOTH -> key() + " compares both clusters: remove cluster";
                    case NETWORK -> key() + " goes through the network, not a cluster: remove cluster";
                    case ONE, BY_SOURCE -> "a backup time entered by the operator is read from no cluster: remove cluster";
                };
            }
            return null;
        }

        private static String sourceWritten(RunbookReader.Fields block) {
            return block.value("source") instanceof org.yaml.snakeyaml.nodes.ScalarNode s ? s.getValue() : null;
        }

        private static Check standbyMatchesPrimary(RunbookReader.Block b) {
            if (!b.present("compare")) {
                return new Check.StandbyMatchesPrimary(EnumSet.of(Check.StandbyMatchesPrimary.Aspect.COMPONENTS,
                        Check.StandbyMatchesPrimary.Aspect.IMAGES));
            }
            List<String> compare = b.fields.strings("compare", true, "a list of components, images, replicas",
                    what -> Set.of("components", "images", "replicas").contains(what) ? null
                            : "is not comparable: write components, images or replicas");
            if (compare == null) {
                return null;
            }
            if (compare.isEmpty()) {
                b.problemAt("compare", "an empty compare list compares nothing, so the check could never fail: list"
                        + " components, images or replicas");
                return null;
            }
            if (Set.copyOf(compare).size() != compare.size()) {
                b.problemAt("compare", "names the same thing twice");
                return null;
            }
            return new Check.StandbyMatchesPrimary(compare.stream()
                    .map(c -> Check.StandbyMatchesPrimary.Aspect.valueOf(c.toUpperCase()))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Check.StandbyMatchesPrimary.Aspect.class))));
        }

        private static Check dnsResolves(RunbookReader.Block b) {
            String host = b.checked("host", true, "a host name such as gitpod.example.com", Names::host);
            boolean literal = b.present("expectAddress");
            boolean standby = b.present("expectStandbyProxy");
            if (literal == standby) {
                b.problemHere("give exactly one of expectAddress (an IP address) and expectStandbyProxy: true");
                return null;
            }
            Check.ExpectedAddress expect;
            if (literal) {
                String address = b.checked("expectAddress", true, "an IP address", Names::address);
                expect = address == null ? null : new Check.ExpectedAddress.Literal(address);
            } else {
                Boolean proxy = b.fields.bool("expectStandbyProxy");
                if (Boolean.FALSE.equals(proxy)) {
                    b.problemAt("expectStandbyProxy", "false expects nothing: write expectStandbyProxy: true, or give"
                            + " expectAddress instead");
                }
                expect = Boolean.TRUE.equals(proxy) ? new Check.ExpectedAddress.StandbyProxy() : null;
            }
            return host == null || expect == null ? null : new Check.DnsResolves(host, expect);
        }

        private static Check backupAge(RunbookReader.Block b) {
            Map<String, String> sources = new LinkedHashMap<>();
            sources.put("velero", "velero");
            sources.put("cronJob", "cronJob");
            sources.put("operator", "operator");
            String source = b.fields.choice("source", true, sources);
            Check.BackupSource read = null;
            if ("cronJob".equals(source)) {
                String name = b.checked("name", true, "the backup CronJob's name", n -> Names.label(n, 52));
                read = name == null ? null : new Check.BackupSource.CronJob(name);
            } else if (source != null) {
                if (b.present("name")) {
                    b.problemAt("name", "name is for source: cronJob (the CronJob's name), not for " + source);
                    return null;
                }
                read = source.equals("velero") ? new Check.BackupSource.Velero() : new Check.BackupSource.OperatorEntered();
            }
            java.time.Duration maxAge = b.present("maxAge") ? b.fields.duration("maxAge", true, Durations.LONGEST)
                    : b.rpoObjective();
            if (!b.present("maxAge") && maxAge == null && !b.rpoWritten()) {
                b.problemHere("no maxAge and no RPO objective: say how old the newest backup may be (maxAge: 15m, or"
                        + " objectives: { rpo: 15m })");
                return null;
            }
            return read == null || maxAge == null ? null : new Check.BackupAge(read, maxAge);
        }
    }

    private CheckKinds() {
    }

    public static Map<String, Kind> byKey() {
        return RunbookReader.byKey(Kind.values(), Kind::key);
    }

    static Set<String> allFields() {
        return Arrays.stream(Kind.values()).flatMap(k -> k.fields().stream()).collect(Collectors.toSet());
    }

    /** The registry entry for a check read from a runbook. */
    public static Kind of(Check check) {
        return Kind.valueOf(check.kind().name());
    }
}
