package org.drillconsole.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.drillconsole.cluster.ClusterPair;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.Side;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.sandbox.SandboxOptions;
import org.drillconsole.support.SnapshotRecorder;

/**
 * Measures the cluster layer on the practice clusters. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.drillconsole.bench.HealthBenchmark}
 * (add {@code -Dexec.args="5000 500"} for the pods and nodes of the heap measurement).
 */
public final class HealthBenchmark {

    private HealthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pods = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        System.out.println("# health benchmark, " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));
        small();
        load(pods, nodes);
        System.exit(0);
    }

    private static void small() throws Exception {
        Path dir = Files.createTempDirectory("bench");
        long t0 = System.nanoTime();
        try (PracticeClusters clusters = PracticeClusters.start(dir, SandboxOptions.defaults()
                .withReconcileDelay(Duration.ofMillis(200)))) {
            report("practice clusters started", ms(t0));
            SnapshotRecorder primary = new SnapshotRecorder();
            SnapshotRecorder standby = new SnapshotRecorder();
            long t1 = System.nanoTime();
            try (ClusterPair pair = open(clusters, primary, standby)) {
                primary.await(ClusterSnapshot::objectsKnown, Duration.ofSeconds(30));
                long primaryMs = ms(t1);
                standby.await(ClusterSnapshot::objectsKnown, Duration.ofSeconds(30));
                report("connect to primary pane filled", primaryMs);
                report("connect to both panes filled", ms(t1));

                List<Long> latencies = new ArrayList<>();
                var admin = clusters.cluster(Side.PRIMARY).adminClient();
                for (int i = 0; i < 40; i++) {
                    // A node's Ready condition: the simulated controllers leave node status alone.
                    String ready = i % 2 == 0 ? "False" : "True";
                    int expectReady = i % 2 == 0 ? 4 : 5;
                    admin.nodes().withName("primary-node-1").editStatus(n -> {
                        n.getStatus().getConditions().stream().filter(c -> c.getType().equals("Ready"))
                                .forEach(c -> c.setStatus(ready));
                        return n;
                    });
                    long writtenAt = System.nanoTime();
                    primary.await(s -> s.nodeSummary().ready() == expectReady, Duration.ofSeconds(10));
                    latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - writtenAt));
                    Thread.sleep(50 + i % 7 * 10);
                }
                Collections.sort(latencies);
                report("readiness change (status written) to snapshot, p50", latencies.get(latencies.size() / 2));
                report("readiness change (status written) to snapshot, p95",
                        latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1));

                long t2 = System.nanoTime();
                clusters.controls().stop(Side.PRIMARY);
                primary.await(s -> s.state() == ConnectionState.UNREACHABLE, Duration.ofSeconds(30));
                report("killed API server shown unreachable", ms(t2));
                clusters.controls().start(Side.PRIMARY);
                primary.await(s -> s.state() == ConnectionState.ONLINE, Duration.ofSeconds(30));

                long t3 = System.nanoTime();
                clusters.controls().hang(Side.STANDBY);
                standby.await(s -> s.state() == ConnectionState.UNREACHABLE, Duration.ofSeconds(30));
                report("hung API server shown unreachable", ms(t3));
                clusters.controls().start(Side.STANDBY);
            }
        }
    }

    private static void load(int pods, int nodes) throws Exception {
        Path dir = Files.createTempDirectory("bench-load");
        long t0 = System.nanoTime();
        try (PracticeClusters clusters = PracticeClusters.start(dir, SandboxOptions.defaults().withLoad(pods, nodes))) {
            report("seeded 2 clusters x " + pods + " pods, " + nodes + " nodes (setup, not a target)", ms(t0));
            long before = usedHeapAfterGc();
            SnapshotRecorder primary = new SnapshotRecorder();
            SnapshotRecorder standby = new SnapshotRecorder();
            long t1 = System.nanoTime();
            try (ClusterPair pair = open(clusters, primary, standby)) {
                primary.await(s -> s.objectsKnown() && s.runningWorkspaces() >= pods, Duration.ofMinutes(3));
                standby.await(s -> s.objectsKnown() && s.runningWorkspaces() >= pods, Duration.ofMinutes(3));
                report("connect to both panes filled at " + pods + " pods per side", ms(t1));
                long after = usedHeapAfterGc();
                System.out.printf(Locale.ROOT, "%-70s %8.1f MB%n",
                        "console heap for 2 clusters x " + pods + " pods (delta after GC)",
                        (after - before) / 1024.0 / 1024.0);
                System.out.printf(Locale.ROOT, "%-70s %8.1f MB%n",
                        "whole JVM heap incl. both practice API servers", after / 1024.0 / 1024.0);
                idleCost(pods);
            }
        }
    }

    /**
     * What watching costs while nothing changes: the processor time of the monitors' probe and judging threads
     * over ten quiet seconds (each probe, once a second, has its side judged again and handed on).
     */
    private static void idleCost(int pods) throws InterruptedException {
        Thread.sleep(3000); // the last lists and compilations settle
        long before = monitorThreadsCpuNanos();
        Thread.sleep(10_000);
        long perSecond = (monitorThreadsCpuNanos() - before) / 10;
        System.out.printf(Locale.ROOT, "%-70s %8.1f ms/s%n", "idle: monitors' processor time at " + pods
                + " pods per side (both sides)", perSecond / 1e6);
    }

    private static long monitorThreadsCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            String name = info == null ? "" : info.getThreadName();
            if (name.startsWith("health-") || name.startsWith("probe-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static ClusterPair open(PracticeClusters clusters, SnapshotRecorder primary, SnapshotRecorder standby) {
        return ClusterPair.open(new ClusterPair.Source(clusters.kubeconfig(Side.PRIMARY), null),
                new ClusterPair.Source(clusters.kubeconfig(Side.STANDBY), null), "gitpod",
                s -> (s.side() == Side.PRIMARY ? primary : standby).accept(s), Clock.systemUTC());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long ms(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static void report(String what, long ms) {
        System.out.printf(Locale.ROOT, "%-70s %8d ms%n", what, ms);
    }
}
