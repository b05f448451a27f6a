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
 * own. Every start is made with no arguments, as the menu entry makes it, its settings in the home's
 * configuration folder. Each launcher starts once before the rounds, uncounted (the jar makes its cache then).
 * {@code --returning} gives every start a copy of the home that launcher's first start left (its journal and
 * window state), as a user who has run the console before has; without it every start makes a new journal.
 * Rendering is software ({@code -Dprism.order=sw}), as on Xvfb or a remote desktop.
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
            // Each launcher's first start, uncounted: its home (journal, window state) is what a returning user has.
            Map<String, Path> firstHomes = new LinkedHashMap<>();
            for (String launcher : launchers) {
                Path home = Files.createTempDirectory(dir, "first");
                start(launcher, settings, home, dir, "journal looked at");
                firstHomes.put(launcher, home);
            }
            Map<String, List<Map<String, Long>>> results = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (String launcher : launchers) {
                    Path home = Files.createTempDirectory(dir, "home");
                    if (returning) {
                        copyTree(firstHomes.get(launcher), home);
                    }
                    Map<String, Long> start = start(launcher, settings, home, dir, "both panes filled");
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

    /**
     * One start, stopped once it prints {@code until} (a launcher's first start once its journal is made and looked
     * at, so that a returning user's home holds one; the counted starts once both panes are filled): its timing
     * lines and the processor time used when both panes were filled. It is
     * started with no arguments, as the menu entry starts it (arguments have the command line parsed first: the
     * first frame 26 ms later, measured), in a home of its own: the settings in {@code .config/drill-console} ({@code
     * $XDG_CONFIG_HOME}), the journal in {@code .local/share/drill-console} ({@code $XDG_DATA_HOME}).
     */
    private static Map<String, Long> start(String launcher, Path settings, Path home, Path dir, String until)
            throws IOException, InterruptedException {
        Path config = home.resolve(".config");
        Path dataHome = home.resolve(".local").resolve("share");
        Files.createDirectories(dataHome);
        Files.copy(settings, Files.createDirectories(config.resolve("drill-console")).resolve("settings.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(launcher.equals("jar")
                ? List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                        Path.of("target/drill-console.jar").toAbsolutePath().toString())
                : List.of(Files.isDirectory(Path.of(launcher))
                        ? Path.of(launcher, "lib", "app", "drill-console.sh").toAbsolutePath().toString()
                        : Files.exists(Path.of(launcher)) ? Path.of(launcher).toAbsolutePath().toString() : launcher));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(home.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", config.toString());
        builder.environment().put("XDG_DATA_HOME", dataHome.toString());
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString()); // the jar's AOT cache stays
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Ddrillconsole.timing=true -Dprism.order=sw");
        Process process = builder.start();
        process.getOutputStream().close();
        Map<String, Long> timings = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        // A start that never fills its panes (or prints nothing) is stopped after two minutes, and reported so.
        java.util.concurrent.CompletableFuture.delayedExecutor(120, TimeUnit.SECONDS).execute(() -> {
            if (process.isAlive() && !timings.containsKey(until)) {
                System.out.println("stopped after 120 s without \"" + until + "\": " + launcher);
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
                    }
                    if (timing.group(1).equals(until)) {
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

    /** A returning user's home: the first start's journal and window state, copied. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
