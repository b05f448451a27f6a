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

    public static ClusterPair open(Source primary, Source standby, String namespace,
                                   Consumer<ClusterSnapshot> listener, Clock clock) {
        Map<Side, ClusterMonitor> monitors = new EnumMap<>(Side.class);
        Map<Side, ClusterTarget> targets = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            Source source = side == Side.PRIMARY ? primary : standby;
            try {
                ClusterTarget target = KubeconfigLoader.load(side, source.kubeconfig(), source.context());
                targets.put(side, target);
                monitors.put(side, new ClusterMonitor(target, namespace, listener, clock));
            } catch (ClusterConfigException e) {
                monitors.put(side, ClusterMonitor.misconfigured(side, e.getMessage(), namespace, listener, clock));
            }
        }
        String warning = SameClusterCheck.warning(targets.get(Side.PRIMARY), targets.get(Side.STANDBY)).orElse(null);
        ClusterPair pair = new ClusterPair(monitors, warning);
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
