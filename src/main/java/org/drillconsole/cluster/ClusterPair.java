package org.drillconsole.cluster;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.Side;

/**
 * The two monitored clusters. A side whose kubeconfig cannot be used is still shown, with the reason, and
 * never keeps the other side from connecting.
 */
public final class ClusterPair implements AutoCloseable {

    /** Where one side's configuration comes from. */
    public record Source(Path kubeconfig, String context) {
    }

    private final Map<Side, ClusterMonitor> monitors = new EnumMap<>(Side.class);
    private final String sameClusterWarning;

    private ClusterPair(Map<Side, ClusterMonitor> monitors, String sameClusterWarning) {
        this.monitors.putAll(monitors);
        this.sameClusterWarning = sameClusterWarning;
    }

    /**
     * Both sides' kubeconfigs, loaded: a side's target, or why it cannot be used.
     *
     * @param targets the sides whose configuration loaded
     * @param problems the others, with the reason in words
     */
    record Targets(Map<Side, ClusterTarget> targets, Map<Side, String> problems) {

        static Targets load(Source primary, Source standby) {
            Map<Side, ClusterTarget> targets = new EnumMap<>(Side.class);
            Map<Side, String> problems = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                Source source = side == Side.PRIMARY ? primary : standby;
                try {
                    targets.put(side, KubeconfigLoader.load(side, source.kubeconfig(), source.context()));
                } catch (ClusterConfigException e) {
                    problems.put(side, e.getMessage());
                }
            }
            return new Targets(targets, problems);
        }

        Optional<String> sameClusterWarning() {
            return SameClusterCheck.warning(targets.get(Side.PRIMARY), targets.get(Side.STANDBY));
        }
    }

    public static ClusterPair open(Source primary, Source standby, String namespace,
                                   Consumer<ClusterSnapshot> listener, Clock clock) {
        Targets loaded = Targets.load(primary, standby);
        Map<Side, ClusterMonitor> monitors = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            ClusterTarget target = loaded.targets().get(side);
            monitors.put(side, target != null ? new ClusterMonitor(target, namespace, listener, clock)
                    : ClusterMonitor.misconfigured(side, loaded.problems().get(side), namespace, listener, clock));
        }
        ClusterPair pair = new ClusterPair(monitors, loaded.sameClusterWarning().orElse(null));
        monitors.values().forEach(ClusterMonitor::start);
        return pair;
    }

    public ClusterMonitor monitor(Side side) {
        return monitors.get(side);
    }

    public Optional<String> sameClusterWarning() {
        return Optional.ofNullable(sameClusterWarning);
    }

    @Override
    public void close() {
        monitors.values().forEach(ClusterMonitor::close);
    }
}
