package org.drillconsole.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.drillconsole.model.Side;
import org.drillconsole.model.Verdict;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.sandbox.SandboxOptions;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.Settings;
import org.drillconsole.store.SettingsStore;
import org.drillconsole.ui.RecordingDialogService;
import org.drillconsole.ui.TaskExecutor;
import org.drillconsole.ui.main.MainView;
import org.drillconsole.ui.main.MainViewModel;

/**
 * Measures the real main window (headless: Monocle with software rendering) on the practice clusters:
 * readiness change on the API server to the view model on the FX thread, and the longest gap between
 * JavaFX pulses while one cluster is down and the other churns status writes. Run with
 * {@code MAVEN_OPTS="-XX:TieredStopAtLevel=1 -XX:MaxGCPauseMillis=50" mvn -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.drillconsole.bench.WindowBenchmark} (the options: the
 * package's compiler and collector, packaging/common.txt; the benchmark warns when its JVM runs otherwise)
 * and, for large clusters, {@code -Dexec.args="PODS NODES WRITES_PER_SECOND [separate]"} (extra pods and nodes on
 * each practice cluster; default 0 0 100), e.g. {@code "20000 2000 200"}. With {@code separate}, the practice
 * clusters run in a {@code sandbox} process of their own and the window connects to their kubeconfigs, as a
 * user's window connects to clusters that live elsewhere: the figures are then the console's alone, not shared
 * with the API servers serving it.
 */
public final class WindowBenchmark {

    private static final int CHURN_SECONDS = 20;

    private WindowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pods = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int extraNodes = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int churnPerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        boolean separate = args.length > 3 && args[3].equals("separate");
        headless();
        Path dir = Files.createTempDirectory("window-bench");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        // The clusters first (seeded and settled), so the figures below are the console's alone.
        long seeding = System.nanoTime();
        Clusters clusters = separate ? SandboxProcess.start(dir.resolve("practice"), pods, extraNodes)
                : new InProcess(PracticeClusters.start(dir.resolve("practice"),
                        SandboxOptions.defaults().withReconcileDelay(Duration.ofMillis(500)).withLoad(pods, extraNodes)));
        long seeded = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - seeding);
        long heapWithoutConsole = usedHeapAfterGc();
        TaskExecutor executor = new TaskExecutor();
        SettingsStore settings = new SettingsStore(dir.resolve("settings.json"));
        if (clusters instanceof SandboxProcess sandbox) {
            settings.save(new Settings(sandbox.kubeconfig(Side.PRIMARY).toString(), null,
                    sandbox.kubeconfig(Side.STANDBY).toString(), null, "gitpod", false));
        }
        MainViewModel model = new MainViewModel(executor, settings, new RecordingDialogService(),
                () -> clusters instanceof InProcess inProcess ? inProcess.practice() : null, false, Path.of("drills"),
                () -> JournalStore.openIn(dir.resolve("data"), java.time.Clock.systemUTC()));
        long connect = System.nanoTime();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new MainView(model), 1280, 800));
            stage.show();
            model.start();
        });
        waitFor(() -> model.primary().verdictProperty().get() != Verdict.UNKNOWN
                && model.standby().verdictProperty().get() != Verdict.UNKNOWN, Duration.ofSeconds(120));
        long filled = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connect);
        waitFor(() -> model.primary().verdictProperty().get() == Verdict.HEALTHY
                && model.standby().verdictProperty().get() == Verdict.IDLE, Duration.ofSeconds(120));
        System.out.println("# window benchmark (Monocle headless, software rendering), "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", " + pods + " extra pods and " + extraNodes + " extra nodes per cluster, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, practice clusters "
                + (separate ? "in a sandbox process of their own" : "in the console's JVM"));
        System.out.println("# " + packagedTuning());
        report("practice clusters seeded and settled (setup, not the console)", seeded);
        report("window shown and connected to both panes filled", filled);
        report("console heap: used after GC with the window, minus without it", (usedHeapAfterGc()
                - heapWithoutConsole) / (1024 * 1024));
        var standbyAdmin = clusters.standbyAdmin();

        List<Long> toView = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String ready = i % 2 == 0 ? "False" : "True";
            int standbyNodes = 2 + extraNodes;
            String expected = (i % 2 == 0 ? standbyNodes - 1 : standbyNodes) + "/" + standbyNodes + " ready";
            AtomicLong shownAt = new AtomicLong();
            CountDownLatch shown = new CountDownLatch(1);
            Platform.runLater(() -> model.standby().nodesProperty().addListener((obs, old, now) -> {
                if (now.startsWith(expected) && shownAt.compareAndSet(0, System.nanoTime())) {
                    shown.countDown();
                }
            }));
            waitForFxThread();
            long written = System.nanoTime();
            flipNode(standbyAdmin, "standby-node-1", ready);
            if (!shown.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("readiness change never reached the view");
            }
            toView.add(TimeUnit.NANOSECONDS.toMillis(shownAt.get() - written));
            Thread.sleep(60);
        }
        Collections.sort(toView);
        report("readiness change (API write) to the view model on the FX thread, p50", toView.get(20));
        report("readiness change (API write) to the view model on the FX thread, p95", toView.get(37));
        report("readiness change (API write) to the view model on the FX thread, longest", toView.get(39));

        clusters.stopPrimary();
        waitFor(() -> model.primary().verdictProperty().get() == Verdict.DOWN, Duration.ofSeconds(10));
        List<Long> gaps = new ArrayList<>();
        List<long[]> gapsAt = new ArrayList<>(); // {gap ms, its end in ms since the churn started}
        AtomicLong last = new AtomicLong();
        AtomicLong churnStarted = new AtomicLong(Long.MAX_VALUE);
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long previous = last.getAndSet(now);
                if (previous != 0) {
                    synchronized (gaps) {
                        gaps.add(TimeUnit.NANOSECONDS.toMillis(now - previous));
                        gapsAt.add(new long[] {TimeUnit.NANOSECONDS.toMillis(now - previous),
                                TimeUnit.NANOSECONDS.toMillis(now - churnStarted.get())});
                    }
                }
            }
        };
        Platform.runLater(pulses::start);
        // The timer runs a second before the churn: an idle window pulses only when something changes, and the
        // gap list is to measure the churn, not the toolkit starting to pulse again at the moment the churn's
        // first writes arrive (a 70 - 110 ms first gap in three runs, 30 ms at most in the second before the
        // churn once the timer ran ahead of it); that second's longest gap is reported on its own line.
        Thread.sleep(1000);
        long beforeChurn;
        synchronized (gaps) {
            beforeChurn = gaps.stream().mapToLong(Long::longValue).max().orElse(0);
            gaps.clear();
            gapsAt.clear();
        }
        long writes = 0;
        AtomicLong done = new AtomicLong();
        // A write is a GET and a PUT; a few writer threads keep the pace at 100 per second.
        var writers = java.util.concurrent.Executors.newFixedThreadPool(4);
        long churnStart = System.nanoTime();
        churnStarted.set(churnStart);
        long churnStartUptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        long period = TimeUnit.SECONDS.toNanos(1) / churnPerSecond;
        while (System.nanoTime() - churnStart < TimeUnit.SECONDS.toNanos(CHURN_SECONDS)) {
            String node = "standby-node-" + (1 + writes % 2);
            String ready = writes % 4 < 2 ? "False" : "True";
            writers.execute(() -> {
                flipNode(standbyAdmin, node, ready);
                done.incrementAndGet();
            });
            writes++;
            long next = churnStart + writes * period;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        double seconds = (System.nanoTime() - churnStart) / 1e9;
        Platform.runLater(pulses::stop);
        waitForFxThread();
        writers.shutdown();
        List<Long> sorted;
        synchronized (gaps) {
            sorted = new ArrayList<>(gaps);
        }
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-70s %8.0f /s%n", "status writes on the live standby (primary down)",
                done.get() / seconds);
        report("pulses observed", sorted.size());
        report("console heap after the churn: used after GC, minus without the window", (usedHeapAfterGc()
                - heapWithoutConsole) / (1024 * 1024));
        report("FX pulse gap p50", sorted.get(sorted.size() / 2));
        report("FX pulse gap p99", sorted.get((int) (sorted.size() * 0.99)));
        report("FX pulse gap, longest", sorted.get(sorted.size() - 1));
        report("FX pulse gap in the second before the churn, longest", beforeChurn);
        synchronized (gaps) {
            gapsAt.sort((a, b) -> Long.compare(b[0], a[0]));
            System.out.println("the five longest gaps (ms), each at ms since the churn started: " + gapsAt.stream()
                    .limit(5).map(g -> g[0] + " at " + g[1]).collect(java.util.stream.Collectors.joining(", "))
                    + " (the churn started " + churnStartUptime + " ms after the JVM, for a GC log or a recording)");
        }

        model.close();
        executor.close();
        clusters.close();
        System.exit(0);
    }

    /** The practice clusters the window is measured against. */
    private sealed interface Clusters extends AutoCloseable permits InProcess, SandboxProcess {
        io.fabric8.kubernetes.client.KubernetesClient standbyAdmin();

        void stopPrimary() throws Exception;

        @Override
        void close() throws Exception;
    }

    /** In the console's JVM, as the window starts them when nothing is configured. */
    private record InProcess(PracticeClusters practice) implements Clusters {
        @Override
        public io.fabric8.kubernetes.client.KubernetesClient standbyAdmin() {
            return practice.cluster(Side.STANDBY).adminClient();
        }

        @Override
        public void stopPrimary() {
            practice.controls().stop(Side.PRIMARY);
        }

        @Override
        public void close() {
            // closed with the window's model
        }
    }

    /** A {@code sandbox} process, driven through its input as a user drives it. */
    private record SandboxProcess(Process process, Path dir, io.fabric8.kubernetes.client.KubernetesClient standbyAdmin)
            implements Clusters {

        static SandboxProcess start(Path dir, int pods, int nodes) throws Exception {
            Process process = new ProcessBuilder(PracticeBenchmark.sandboxCommand("--dir", dir.toString(),
                    "--reconcile-delay", "500", "--extra-pods", String.valueOf(pods), "--extra-nodes",
                    String.valueOf(nodes))).redirectErrorStream(true).start();
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("practice clusters ready")) {
                // the sandbox's output before it is ready
            }
            if (line == null) {
                throw new IllegalStateException("the sandbox stopped before it was ready");
            }
            Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "sandbox-output");
            drain.setDaemon(true);
            drain.start();
            var config = io.fabric8.kubernetes.client.Config.fromKubeconfig(Files.readString(
                    dir.resolve("standby.kubeconfig")));
            return new SandboxProcess(process, dir,
                    new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build());
        }

        Path kubeconfig(Side side) {
            return dir.resolve(side.name().toLowerCase(Locale.ROOT) + ".kubeconfig");
        }

        @Override
        public void stopPrimary() throws java.io.IOException {
            process.getOutputStream().write("stop primary\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        @Override
        public void close() throws Exception {
            standbyAdmin.close();
            process.getOutputStream().write("quit\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            process.getOutputStream().flush();
            process.destroy();
            process.waitFor();
        }
    }

    private static void flipNode(io.fabric8.kubernetes.client.KubernetesClient admin, String node, String ready) {
        admin.nodes().withName(node).editStatus(n -> {
            n.getStatus().getConditions().stream().filter(c -> c.getType().equals("Ready"))
                    .forEach(c -> c.setStatus(ready));
            return n;
        });
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1600x1200-32");
    }

    private static void waitForFxThread() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        Platform.runLater(latch::countDown);
        latch.await();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean[] holds = new boolean[1];
            CountDownLatch latch = new CountDownLatch(1);
            Platform.runLater(() -> {
                holds[0] = condition.getAsBoolean();
                latch.countDown();
            });
            latch.await();
            if (holds[0]) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("condition not reached within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private static void report(String what, long value) {
        System.out.printf(Locale.ROOT, "%-70s %8d %s%n", what, value, what.startsWith("pulses") ? ""
                : what.contains("heap") ? "MB" : "ms");
    }

    /**
     * Whether this JVM compiles and collects as the package's does (the compiler and collector options of
     * packaging/common.txt, which the {@code java -jar} start gives its second JVM too): the figures stand for
     * the product only then.
     */
    private static String packagedTuning() throws java.io.IOException {
        List<String> packaged = new ArrayList<>();
        for (String word : java.nio.file.Files.readString(java.nio.file.Path.of("packaging/common.txt")).split("[\\s\"]+")) {
            if (word.startsWith("-XX:") && !word.startsWith("-XX:AOT")) {
                packaged.add(word);
            }
        }
        List<String> missing = new ArrayList<>(packaged);
        missing.removeAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        return missing.isEmpty() ? "JVM tuned as the package's: " + String.join(" ", packaged)
                : "WARNING: this JVM is not tuned as the package's; run with MAVEN_OPTS=\"" + String.join(" ", packaged)
                + "\" (missing: " + String.join(" ", missing) + ")";
    }
}
