package org.drillconsole.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drillconsole.model.Side;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.sandbox.SandboxOptions;
import org.drillconsole.store.Settings;
import org.drillconsole.store.SettingsStore;

/**
 * Window starts as a user waits for them: each start a fresh process with a fresh home, its settings pointing at
 * two practice clusters that were already running, the launchers taking turns round by round. Reads the
 * window's timing lines ({@code -Ddrillconsole.timing=true}: first frame laid out and painted, full window laid
 * out, both sides judged, both panes filled) and the processor time the start had used when both panes were
 * filled (its process and their children, from /proc), then stops it with SIGTERM, as a logout does.
 *
 * <pre>Xvfb :91 -screen 0 1280x800x24 &amp;   # or any display
 * DISPLAY=:91 mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.drillconsole.bench.WindowStartBenchmark \
 *     -Dexec.args="ROUNDS [--returning] LAUNCHER..."   # e.g. 14 --returning /opt/drill-console target/jpackage/drill-console</pre>
 *
 * A launcher is an installed or packaged app's folder ({@code /opt/drill-console},
 * {@code target/jpackage/drill-console}), started as its menu entry and terminal command start it (its
 * {@code lib/app/drill-console.sh}; jpackage's native launcher, {@code bin/drill-console}, asks {@code dpkg}
 * which package it belongs to at every start and took 0.3 s longer to paint the first frame, measured), an
 * executable, or {@code jar} for {@code java -jar target/drill-console.jar} with an AOT cache of the benchmark's
 * own. Each launcher starts once before the
 * rounds, uncounted (the jar makes its cache then). {@code --returning} gives every start a copy of the journal
 * that launcher's first start wrote, as a user who has run the console before has; without it every start
 * makes a new journal. Rendering is software ({@code -Dprism.order=sw}), as on Xvfb or a remote desktop.
 */
public final class WindowStartBenchmark {

    private static final List<String> LINES = List.of("first frame laid out", "first frame painted",
            "full window laid out", "both sides judged", "both panes filled");
    private static final Pattern TIMING = Pattern.compile("timing: (.+) after (\\d+) ms");
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private WindowStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || System.getenv("DISPLAY") == null) {
            System.err.println("usage: DISPLAY=:N WindowStartBenchmark ROUNDS [--returning] LAUNCHER...");
            System.exit(64);
        }
        int rounds = Integer.parseInt(args[0]);
        boolean returning = args[1].equals("--returning");
        List<String> launchers = List.of(args).subList(returning ? 2 : 1, args.length);
        Path dir = Files.createTempDirectory("window-bench");
        SandboxOptions options = SandboxOptions.defaults().withReconcileDelay(Duration.ofMillis(200));
        try (PracticeClusters clusters = PracticeClusters.start(dir, options)) {
            Path settings = dir.resolve("settings.json");
            new SettingsStore(settings).save(new Settings(clusters.kubeconfig(Side.PRIMARY).toString(), "",
                    clusters.kubeconfig(Side.STANDBY).toString(), "", Settings.DEFAULT_NAMESPACE, false));
            Thread.sleep(3000); // the controllers settle: every pod running
            Map<String, Path> journals = new LinkedHashMap<>();
            for (String launcher : launchers) {
                Path data = Files.createTempDirectory(dir, "first");
                start(launcher, settings, data, dir, null);
                journals.put(launcher, data.resolve("journal.mv.db"));
            }
            Map<String, List<Map<String, Long>>> results = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (String launcher : launchers) {
                    Map<String, Long> start = start(launcher, settings, Files.createTempDirectory(dir, "data"), dir,
                            returning ? journals.get(launcher) : null);
                    results.computeIfAbsent(launcher, k -> new ArrayList<>()).add(start);
                    System.out.println("round " + round + " " + launcher + " " + start);
                }
            }
            System.out.println();
            System.out.println((returning ? "returning user" : "new journal each start") + ", " + rounds
                    + " rounds: median (min - max) ms");
            results.forEach((launcher, starts) -> {
                System.out.println(launcher);
                for (String what : Stream.concat(LINES.stream(), Stream.of("processor ms")).toList()) {
                    List<Long> values = starts.stream().map(s -> s.get(what)).filter(v -> v != null).sorted().toList();
                    if (!values.isEmpty()) {
                        System.out.printf(Locale.ROOT, "  %-22s %,6d (%,d - %,d)%n", what,
                                values.get(values.size() / 2), values.get(0), values.get(values.size() - 1));
                    }
                }
            });
        }
    }

    /** One start, stopped once both panes are filled: its timing lines and the processor time used by then. */
    private static Map<String, Long> start(String launcher, Path settings, Path data, Path dir, Path journal)
            throws IOException, InterruptedException {
        if (journal != null && Files.isRegularFile(journal)) {
            Files.copy(journal, data.resolve("journal.mv.db"));
        }
        Path home = Files.createTempDirectory(dir, "home");
        List<String> command = new ArrayList<>(launcher.equals("jar")
                ? List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                        Path.of("target/drill-console.jar").toAbsolutePath().toString())
                : List.of(Files.isDirectory(Path.of(launcher))
                        ? Path.of(launcher, "lib", "app", "drill-console.sh").toString() : launcher));
        command.addAll(List.of("--settings", settings.toString(), "--data-dir", data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(home.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString()); // the jar's AOT cache stays
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Ddrillconsole.timing=true -Dprism.order=sw");
        Process process = builder.start();
        process.getOutputStream().close();
        Map<String, Long> timings = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        // A start that never fills its panes (or prints nothing) is stopped after two minutes, and reported so.
        java.util.concurrent.CompletableFuture.delayedExecutor(120, TimeUnit.SECONDS).execute(() -> {
            if (process.isAlive() && !timings.containsKey("processor ms")) {
                System.out.println("stopped after 120 s without both panes filled: " + launcher);
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        });
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher timing = TIMING.matcher(line);
                if (timing.find()) {
                    timings.put(timing.group(1), Long.parseLong(timing.group(2)));
                    if (timing.group(1).equals("both panes filled")) {
                        timings.put("processor ms", processorMillis(process.toHandle()));
                        break;
                    }
                }
            }
            process.toHandle().destroy(); // SIGTERM; the window closes as its own close does
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            out.transferTo(java.io.Writer.nullWriter());
        }
        Thread.sleep(1000); // a java -jar start's AOT cache is made in the background once it ends
        return timings;
    }

    private static long processorMillis(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).mapToLong(p -> {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }).sum();
    }
}
