package org.drillconsole.bench;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.drillconsole.app.Cli;

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
            Process sandbox = new ProcessBuilder(sandboxCommand("--dir", dir.toString())).redirectErrorStream(true)
                    .start();
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
        System.out.println("sandbox command (" + String.join(" ", sandboxCommand()).replace(System.getProperty("java.home"), "$JAVA_HOME")
                + ") to `ready` printed, median of 5 | " + median(toReady) + " ms "
                + toReady);
        System.out.println("sandbox command to both clusters answering a list, median of 5 | " + median(toAnswer)
                + " ms " + toAnswer);
    }

    /**
     * One `sandbox` process, as a user runs it; the practice drill run {@code drills} times against it from
     * this JVM (the console). Its threads and heap are read from outside, as after a real day of drills.
     */
    private static void drillsComeAndGo(int drills) throws Exception {
        Path dir = Files.createTempDirectory("practice-drills");
        Process sandbox = new ProcessBuilder(sandboxCommand("--dir", dir.toString(), "--reconcile-delay", "200"))
                .redirectErrorStream(true).start();
        // Not closed while the drain thread reads it (closing would wait for that read): the process ends first.
        BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("practice clusters ready")) {
                // other output before ready
            }
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // the sandbox's answers and warnings are not part of the figures
                    }
                } catch (IOException ignored) {
                    // the sandbox stopped
                }
            });
            drain.setDaemon(true);
            drain.start();
            System.out.println("| after drills | sandbox JVM threads | sandbox heap used after GC | sandbox resident memory |");
            report(0, sandbox.pid());
            for (int i = 1; i <= drills; i++) {
                runDrill(dir.resolve("primary.kubeconfig"), dir.resolve("standby.kubeconfig"), dir.resolve("data"));
                if (i == 1 || i % Math.max(1, drills / 4) == 0) {
                    // idle keep-alive connections are closed after this long, as between real drills
                    Thread.sleep(org.drillconsole.sandbox.api.HttpServer.IDLE_TIMEOUT_MS + 2000L);
                    report(i, sandbox.pid());
                }
            }
        } finally {
            sandbox.destroy();
            sandbox.waitFor();
        }
    }

    /** `java -jar target/drill-console.jar sandbox …` as a user runs it (the class path when not packaged). */
    static List<String> sandboxCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path jar = Path.of("target", "drill-console.jar");
        if (Files.isRegularFile(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.drillconsole.app.Launcher"));
        }
        command.add("sandbox");
        command.addAll(List.of(args));
        return command;
    }

    private static void runDrill(Path primary, Path standby, Path data) {
        InputStream stdin = System.in;
        PrintStream stdout = System.out;
        System.setIn(new ByteArrayInputStream("done\npractice-standby\npractice-standby\n".getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(PrintStream.nullOutputStream()));
        int code;
        try {
            code = Cli.commandLine().execute("run", "src/test/resources/drills/practice-scale-up.yaml",
                    "--primary", primary.toString(), "--standby", standby.toString(),
                    "--mode", "practice", "--operator", "bench", "--data-dir", data.toString());
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
        }
        if (code != 0) {
            throw new IllegalStateException("the practice drill exited " + code);
        }
    }

    private static void report(int drills, long pid) throws Exception {
        jcmd(pid, "GC.run");
        String heapInfo = jcmd(pid, "GC.heap_info");
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K").matcher(heapInfo);
        long heapKb = used.find() ? Long.parseLong(used.group(1)) : -1;
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        System.out.println("| " + drills + " | " + field(status, "Threads") + " | " + heapKb / 1024 + " MB | "
                + Long.parseLong(field(status, "VmRSS").replace("kB", "").trim()) / 1024 + " MB |");
    }

    private static String field(String procStatus, String name) {
        return procStatus.lines().filter(l -> l.startsWith(name + ":")).findFirst().orElse(name + ": ?")
                .substring(name.length() + 1).trim();
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return out;
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
