package org.drillconsole.bench;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.drillconsole.app.Cli;
import org.drillconsole.model.Side;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.sandbox.SandboxOptions;

/**
 * The practice clusters: how fast {@code sandbox} is ready (a fresh JVM, as a user starts it), and whether
 * the API servers' threads and memory stay flat while drills come and go (the practice drill run again
 * and again against one pair of practice clusters, in this JVM).
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.drillconsole.bench.PracticeBenchmark   # -Dexec.args="100" drills</pre>
 */
public final class PracticeBenchmark {

    private PracticeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int drills = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.println("# practice cluster benchmark, " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version"));
        sandboxStart();
        drillsComeAndGo(drills);
        System.exit(0);
    }

    /** `sandbox` in a fresh JVM: from the process start to both clusters answering, five times. */
    private static void sandboxStart() throws Exception {
        List<Long> toReady = new ArrayList<>();
        List<Long> toAnswer = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            Path dir = Files.createTempDirectory("practice-bench");
            long start = System.nanoTime();
            Process sandbox = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.drillconsole.app.Launcher", "sandbox",
                    "--dir", dir.toString()).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.startsWith("practice clusters ready")) {
                    // other output before ready
                }
                toReady.add(ms(start));
                for (String side : List.of("primary", "standby")) {
                    String kubeconfig = Files.readString(dir.resolve(side + ".kubeconfig"));
                    String url = kubeconfig.lines().filter(l -> l.trim().startsWith("server:")).findFirst()
                            .orElseThrow().trim().substring("server:".length()).trim();
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url
                            + "/apis/apps/v1/namespaces/gitpod/deployments")).build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException(side + " answered " + answer.statusCode());
                    }
                }
                toAnswer.add(ms(start));
            } finally {
                sandbox.getOutputStream().write("quit\n".getBytes(StandardCharsets.UTF_8));
                sandbox.getOutputStream().flush();
                sandbox.destroy();
                sandbox.waitFor();
            }
        }
        System.out.println("sandbox command to `ready` printed (fresh JVM), median of 5 | " + median(toReady) + " ms "
                + toReady);
        System.out.println("sandbox command to both clusters answering a list, median of 5 | " + median(toAnswer)
                + " ms " + toAnswer);
    }

    /** One pair of practice clusters; the practice drill run {@code drills} times against it. */
    private static void drillsComeAndGo(int drills) throws Exception {
        Path dir = Files.createTempDirectory("practice-drills");
        long start = System.nanoTime();
        try (PracticeClusters clusters = PracticeClusters.start(dir.resolve("practice"),
                SandboxOptions.defaults().withReconcileDelay(Duration.ofMillis(200)))) {
            System.out.println("practice clusters started in this JVM (seeded, controllers running) | " + ms(start)
                    + " ms");
            System.out.println("| after drills | practice threads | all threads | open API connections | heap used"
                    + " after GC |");
            report(0, clusters);
            for (int i = 1; i <= drills; i++) {
                runDrill(clusters, dir.resolve("data"));
                if (i == 1 || i % 25 == 0) {
                    Thread.sleep(11_000); // idle connection pools time out, as between real drills
                    report(i, clusters);
                }
            }
        }
    }

    private static void runDrill(PracticeClusters clusters, Path data) {
        InputStream stdin = System.in;
        PrintStream stdout = System.out;
        System.setIn(new ByteArrayInputStream("done\npractice-standby\npractice-standby\n".getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(PrintStream.nullOutputStream()));
        int code;
        try {
            code = Cli.commandLine().execute("run", "src/test/resources/drills/practice-scale-up.yaml",
                    "--primary", clusters.kubeconfig(Side.PRIMARY).toString(),
                    "--standby", clusters.kubeconfig(Side.STANDBY).toString(),
                    "--mode", "practice", "--operator", "bench", "--data-dir", data.toString());
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
        }
        if (code != 0) {
            throw new IllegalStateException("the practice drill exited " + code);
        }
    }

    private static void report(int drills, PracticeClusters clusters) {
        System.gc();
        long practiceThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("practice-")).count();
        int connections = clusters.cluster(Side.PRIMARY).server().openConnections()
                + clusters.cluster(Side.STANDBY).server().openConnections();
        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        System.out.println("| " + drills + " | " + practiceThreads + " | " + Thread.activeCount() + " | "
                + connections + " | " + heapMb + " MB |");
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
