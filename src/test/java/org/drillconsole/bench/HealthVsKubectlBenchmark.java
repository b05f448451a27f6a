package org.drillconsole.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drillconsole.model.Side;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.sandbox.SandboxOptions;

/**
 * {@code health} against kubectl, as a user types them: each command a fresh process against the same two
 * practice clusters, interleaved round by round so that a busy moment of the machine hits every command
 * alike. Reports each command's median and spread of wall time, and its ratio to kubectl.
 *
 * <pre>mvn -q -DskipTests package   # target/drill-console.jar; add -Ppackage for the packaged launcher
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.drillconsole.bench.HealthVsKubectlBenchmark   # -Dexec.args="ROUNDS [PODS NODES]"</pre>
 *
 * Commands measured: {@code java -jar target/drill-console.jar health} on the default JDK, as it starts
 * (a second JVM: in a Java 25 beside it with an AOT cache when there is one, else in the same Java with a
 * class-data archive, kept in a cache of the benchmark's own), in that second JVM kept in the default JDK
 * ({@code -Ddrillconsole.java=current}), and in one JVM ({@code -Ddrillconsole.faststart=false}), and the
 * first start with the empty cache; when
 * {@code target/jpackage} holds an app-image, its native launcher and its terminal command
 * ({@code lib/app/drill-console.sh}); when the {@code .deb} is installed, {@code /usr/bin/drill-console} and
 * the native launcher in {@code /opt}; and {@code kubectl get deploy,sts,ds,nodes -n gitpod} once per
 * cluster (the equivalent look an engineer would otherwise take, both clusters one after the other).
 */
public final class HealthVsKubectlBenchmark {

    private static final Path CACHE = createCache();
    private static final Path OWN_JAVA_CACHE = createCache();

    private HealthVsKubectlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int pods = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int nodes = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Path jar = Path.of("target/drill-console.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: mvn -q -DskipTests package");
        }
        Path dir = Files.createTempDirectory("health-bench");
        SandboxOptions options = SandboxOptions.defaults().withReconcileDelay(Duration.ofMillis(200))
                .withLoad(pods, nodes);
        try (PracticeClusters clusters = PracticeClusters.start(dir, options)) {
            String primary = clusters.kubeconfig(Side.PRIMARY).toString();
            String standby = clusters.kubeconfig(Side.STANDBY).toString();
            Thread.sleep(3000); // the controllers settle: every pod running, as on a quiet cluster
            Map<String, List<List<String>>> commands = new LinkedHashMap<>();
            commands.put("kubectl get deploy,sts,ds,nodes (both clusters)", List.of(
                    kubectl(primary), kubectl(standby)));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            commands.put("java -jar drill-console.jar health", List.of(List.of(java, "-jar", jar.toString(), "health",
                    "--primary", primary, "--standby", standby)));
            // The same with the second JVM in the runtime the user started, when a Java 25 beside it would be
            // chosen otherwise (app.JavaRuntime).
            // Its own cache, so that its first start is timed from an empty cache as the default's is.
            commands.put("java -jar, this Java only (-Ddrillconsole.java=current)", List.of(List.of("env",
                    "XDG_CACHE_HOME=" + OWN_JAVA_CACHE, java, "-Ddrillconsole.java=current", "-jar", jar.toString(),
                    "health", "--primary", primary, "--standby", standby)));
            // The same in the one JVM the user started (no second, tuned JVM; see app.FastStart).
            commands.put("java -jar, one JVM (-Ddrillconsole.faststart=false)", List.of(List.of(java,
                    "-Ddrillconsole.faststart=false", "-jar", jar.toString(), "health", "--primary", primary,
                    "--standby", standby)));
            Path launcher = packagedLauncher();
            if (launcher != null) {
                commands.put("app-image, native launcher health", health(launcher, primary, standby));
                Path terminal = launcher.getParent().resolveSibling("lib/app/drill-console.sh");
                if (Files.isExecutable(terminal)) {
                    commands.put("app-image, terminal command health", health(terminal, primary, standby));
                }
            }
            // The .deb installed on this machine: what a user who installed it waits for.
            Path installed = Path.of("/usr/bin/drill-console");
            if (Files.isExecutable(installed)) {
                commands.put("installed .deb: drill-console health", health(installed, primary, standby));
                Path nativeLauncher = Path.of("/opt/drill-console/bin/drill-console");
                if (Files.isExecutable(nativeLauncher)) {
                    commands.put("installed .deb: native launcher health", health(nativeLauncher, primary, standby));
                }
            }
            Map<String, List<Long>> times = new LinkedHashMap<>();
            commands.keySet().forEach(name -> times.put(name, new ArrayList<>()));
            // One warm-up round: the file system cache holds the jars afterwards, as on a workstation in use, and
            // the jar's first start writes its class-data archive (timed: a user pays it once per build).
            Map<String, Long> firstStart = new LinkedHashMap<>();
            for (Map.Entry<String, List<List<String>>> command : commands.entrySet()) {
                long start = System.nanoTime();
                for (List<String> process : command.getValue()) {
                    run(process);
                }
                firstStart.put(command.getKey(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            awaitCaches();
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, List<List<String>>> command : commands.entrySet()) {
                    long start = System.nanoTime();
                    for (List<String> process : command.getValue()) {
                        run(process);
                    }
                    times.get(command.getKey()).add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                }
            }
            System.out.println("# health vs kubectl, " + rounds + " interleaved rounds, " + Runtime.getRuntime()
                    .availableProcessors() + " cores, " + (2 + pods) + " workspace pods and " + (5 + nodes)
                    + " nodes on the primary, harness on Java " + System.getProperty("java.version"));
            long kubectl = median(times.values().iterator().next());
            for (Map.Entry<String, List<Long>> entry : times.entrySet()) {
                List<Long> sorted = new ArrayList<>(entry.getValue());
                Collections.sort(sorted);
                long median = median(sorted);
                System.out.printf(Locale.ROOT, "%-50s median %5d ms  min %5d  max %5d  %.1fx kubectl%n",
                        entry.getKey(), median, sorted.get(0), sorted.get(sorted.size() - 1),
                        median / (double) kubectl);
            }
            System.out.printf(Locale.ROOT, "%-50s %5d ms (with an empty cache: writes the archive)%n",
                    "first java -jar drill-console.jar health", firstStart.get("java -jar drill-console.jar health"));
        }
        System.exit(0);
    }

    private static Path createCache() {
        try {
            return Files.createTempDirectory("health-bench-cache");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Until the AOT caches that first starts make in the background are made (app.AotCacheMaker). */
    private static void awaitCaches() throws IOException, InterruptedException {
        awaitCache(CACHE);
        awaitCache(OWN_JAVA_CACHE);
    }

    private static void awaitCache(Path cache) throws IOException, InterruptedException {
        Path cds = cache.resolve("drill-console/cds");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (Files.isDirectory(cds) && System.nanoTime() < deadline) {
            try (java.util.stream.Stream<Path> files = Files.list(cds)) {
                if (files.noneMatch(file -> file.toString().endsWith(".tmp"))) {
                    return;
                }
            }
            Thread.sleep(200);
        }
    }

    private static List<List<String>> health(Path command, String primary, String standby) {
        return List.of(List.of(command.toString(), "health", "--primary", primary, "--standby", standby));
    }

    private static List<String> kubectl(String kubeconfig) {
        return List.of("kubectl", "--kubeconfig", kubeconfig, "get", "deploy,sts,ds,nodes", "-n", "gitpod");
    }

    private static Path packagedLauncher() throws IOException {
        Path dist = Path.of("target/jpackage");
        if (!Files.isDirectory(dist)) {
            return null;
        }
        try (var files = Files.walk(dist, 3)) {
            return files.filter(p -> p.getFileName().toString().equals("drill-console") && Files.isExecutable(p)
                    && Files.isRegularFile(p)).findFirst().orElse(null);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // The jar's class-data archives go to a cache of the benchmark's own: its first start is a real first.
        builder.environment().put("XDG_CACHE_HOME", CACHE.toString());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("no answer within 60 s: " + String.join(" ", command));
        }
        if (process.exitValue() > 2) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + String.join(" ", command));
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
