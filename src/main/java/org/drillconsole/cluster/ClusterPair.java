package org.drillconsole.cluster;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.Side;
import org.drillconsole.model.drill.Names;

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

        /**
         * Both at once: a side's exec plugin (a second or two for {@code aws eks get-token}, up to
         * {@link ExecPlugins#TIMEOUT_SECONDS} for one that hangs) does not hold the other side up.
         */
        static Targets load(Source primary, Source standby) {
            return of(bothSides(side -> Loaded.of(side, side == Side.PRIMARY ? primary : standby)));
        }

        static Targets of(Map<Side, Loaded> loaded) {
            Map<Side, ClusterTarget> targets = new EnumMap<>(Side.class);
            Map<Side, String> problems = new EnumMap<>(Side.class);
            loaded.forEach((side, one) -> {
                if (one.target() != null) {
                    targets.put(side, one.target());
                } else {
                    problems.put(side, one.problem());
                }
            });
            return new Targets(targets, problems);
        }

        /** One side's kubeconfig: its target, or why it cannot be used (in words). */
        record Loaded(Side side, ClusterTarget target, String problem) {
            static Loaded of(Side side, Source source) {
                try {
                    return new Loaded(side, KubeconfigLoader.load(side, source.kubeconfig(), source.context()), null);
                } catch (ClusterConfigException e) {
                    return new Loaded(side, null, e.getMessage());
                } catch (RuntimeException e) {
                    return new Loaded(side, null, "the kubeconfig of the " + side.label().toLowerCase()
                            + " cluster cannot be used: " + KubeconfigLoader.firstLine(e));
                }
            }
        }

        Optional<String> sameClusterWarning() {
            return SameClusterCheck.warning(targets.get(Side.PRIMARY), targets.get(Side.STANDBY));
        }
    }

    /**
     * Both sides' kubeconfigs read ahead, and their clients built, each side on a thread of its own, for a
     * connection that is not asked for yet: the window does it while its toolkit starts, and its first
     * connection takes each side's reading when it is of the same file and context; what that connection does
     * not take is closed. Measured on two cores (docs/benchmarks.md): the kubeconfigs read ahead filled both
     * panes 0.08 - 0.13 s sooner, the first frame up to 0.1 s later; the clients built ahead too (cold, they took
     * 0.15 s after the first frame), with the drill view built when first shown, 0.04 - 0.09 s sooner again, the
     * first frame 0.02 - 0.04 s later.
     */
    public static final class ReadAhead {

        /** A side's kubeconfig, read, and its clients (null when they could not be built: built again, and said). */
        record Reading(Targets.Loaded loaded, ClusterClients clients) {

            static Reading of(Side side, Source source) {
                Targets.Loaded loaded = Targets.Loaded.of(side, source);
                if (loaded.target() == null) {
                    return new Reading(loaded, null);
                }
                try {
                    return new Reading(loaded, ClusterClients.build(loaded.target()));
                } catch (RuntimeException e) {
                    return new Reading(loaded, null); // the monitor builds them again and says why it cannot
                }
            }

            void close() {
                if (clients != null) {
                    clients.close();
                }
            }
        }

        private final Map<Side, Source> sources = new EnumMap<>(Side.class);
        private final Map<Side, CompletableFuture<Reading>> readings = new EnumMap<>(Side.class);

        private ReadAhead(Source primary, Source standby) {
            sources.put(Side.PRIMARY, primary);
            sources.put(Side.STANDBY, standby);
        }

        public static ReadAhead start(Source primary, Source standby) {
            ReadAhead ahead = new ReadAhead(primary, standby);
            for (Side side : Side.values()) {
                CompletableFuture<Reading> reading = new CompletableFuture<>();
                ahead.readings.put(side, reading);
                Thread reader = new Thread(() -> {
                    try {
                        reading.complete(Reading.of(side, ahead.sources.get(side)));
                    } catch (RuntimeException | Error e) {
                        reading.completeExceptionally(e); // read again when the connection asks
                    }
                }, "kubeconfig-ahead-" + side.key());
                reader.setDaemon(true);
                reader.start();
            }
            return ahead;
        }

        /** Waits for the readings not taken yet: the clients built for each side (tests). */
        Map<Side, ClusterClients> awaitClients() {
            Map<Side, CompletableFuture<Reading>> left;
            synchronized (readings) {
                left = Map.copyOf(readings);
            }
            Map<Side, ClusterClients> built = new EnumMap<>(Side.class);
            left.forEach((side, reading) -> {
                Reading read = reading.exceptionally(e -> null).join();
                if (read != null && read.clients() != null) {
                    built.put(side, read.clients());
                }
            });
            return built;
        }

        /** A side's reading, waited for, when it is of this source and not taken yet; else empty (read it now). */
        Optional<Reading> take(Side side, Source source) {
            CompletableFuture<Reading> reading;
            synchronized (readings) {
                reading = source.equals(sources.get(side)) ? readings.remove(side) : null;
            }
            return reading == null ? Optional.empty() : Optional.ofNullable(reading.exceptionally(e -> null).join());
        }

        /** Drops the readings not taken: their clients are closed (when built, if they are still being built). */
        void close() {
            List<CompletableFuture<Reading>> left;
            synchronized (readings) {
                left = List.copyOf(readings.values());
                readings.clear();
            }
            left.forEach(reading -> reading.thenAccept(Reading::close));
        }
    }

    /**
     * Loads both kubeconfigs at once and starts each side's monitor as soon as its own is loaded: a side
     * whose exec plugin takes its time never keeps the other pane empty.
     */
    public static ClusterPair open(Source primary, Source standby, String namespace,
                                   Consumer<ClusterSnapshot> listener, Clock clock) {
        return open(primary, standby, null, namespace, listener, clock);
    }

    /**
     * @param ahead the kubeconfigs read ahead (and their clients), taken where they are these sources, the rest
     *              closed; or null
     */
    public static ClusterPair open(Source primary, Source standby, ReadAhead ahead, String namespace,
                                   Consumer<ClusterSnapshot> listener, Clock clock) {
        Map<Side, Targets.Loaded> loaded = new EnumMap<>(Side.class);
        Map<Side, ClusterMonitor> monitors = new EnumMap<>(Side.class);
        // A namespace that is not a namespace name (a settings file edited by hand) could never be read.
        String wrongNamespace = Names.namespace(namespace);
        bothSides(side -> {
            Source source = side == Side.PRIMARY ? primary : standby;
            Optional<ReadAhead.Reading> read = ahead == null ? Optional.empty() : ahead.take(side, source);
            Targets.Loaded one = read.map(ReadAhead.Reading::loaded).orElseGet(() -> Targets.Loaded.of(side, source));
            ClusterMonitor monitor;
            if (wrongNamespace != null) {
                read.ifPresent(ReadAhead.Reading::close);
                monitor = ClusterMonitor.misconfigured(side, "the Gitpod namespace \"" + namespace
                        + "\" is not a namespace name: it " + wrongNamespace + " (File > Connect to clusters…)",
                        namespace, listener, clock);
            } else if (one.target() != null) {
                monitor = new ClusterMonitor(one.target(), read.map(ReadAhead.Reading::clients).orElse(null),
                        namespace, listener, clock);
            } else {
                monitor = ClusterMonitor.misconfigured(side, one.problem(), namespace, listener, clock);
            }
            monitor.start();
            return new Started(one, monitor);
        }).forEach((side, started) -> {
            loaded.put(side, started.loaded());
            monitors.put(side, started.monitor());
        });
        if (ahead != null) {
            ahead.close(); // the read-ahead serves the first connection only
        }
        return new ClusterPair(monitors, Targets.of(loaded).sameClusterWarning().orElse(null));
    }

    private record Started(Targets.Loaded loaded, ClusterMonitor monitor) {
    }

    /** The work for each side, the standby's on a thread of its own while the primary's runs here. */
    static <T> Map<Side, T> bothSides(java.util.function.Function<Side, T> work) {
        java.util.concurrent.CompletableFuture<T> standby = new java.util.concurrent.CompletableFuture<>();
        Thread other = new Thread(() -> {
            try {
                standby.complete(work.apply(Side.STANDBY));
            } catch (RuntimeException | Error e) {
                standby.completeExceptionally(e);
            }
        }, "kubeconfig-standby");
        other.setDaemon(true);
        other.start();
        Map<Side, T> done = new EnumMap<>(Side.class);
        done.put(Side.PRIMARY, work.apply(Side.PRIMARY));
        done.put(Side.STANDBY, standby.join());
        return done;
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
