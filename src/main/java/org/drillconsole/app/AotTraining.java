package org.drillconsole.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.drillconsole.model.Executables;

/**
 * The packaging's AOT training run (JDK 25 {@code -XX:AOTCacheOutput}, see packaging/README.md): starts the
 * packaged app once in a JVM of its own, which opens the window on the practice clusters, reads them as
 * {@code health} does and quits, leaving the classes it loaded and linked in the cache.
 *
 * <p>The window is trained on the platform it will run on where that is possible: on Linux a private
 * {@code Xvfb} display and the GTK toolkit (the cache then holds the GTK windowing classes a user's start
 * needs: 0.2 s sooner to the first frame than a cache trained headless, docs/benchmarks.md); without Xvfb,
 * and on Windows and macOS, the headless Monocle platform, so no window appears while the package is built.
 *
 * <p>On Linux a second cache is trained for {@code health} in the terminal: {@code /usr/bin/drill-console}
 * (the script packaging/linux/drill-console.sh) starts {@code health} with it. A JDK 25 AOT cache loads and
 * links every class it holds when the JVM starts, so a command started with the window's (86 MB, JavaFX
 * included) pays for the window's classes: {@code health} answered in 1.07 s with a cache of its own against
 * 1.20 s with the window's (docs/benchmarks.md); the other subcommands, which use the window's classes (the
 * journal, runbooks, reports), did not gain. It is trained by one {@code health} of practice clusters that a
 * {@code sandbox} of the same package serves.
 *
 * <p>Usage: {@code AotTraining JAVA JAR CACHE HEALTH-CACHE WORKDIR}.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 5) {
            System.err.println("usage: AotTraining JAVA JAR CACHE HEALTH-CACHE WORKDIR");
            System.exit(Cli.USAGE);
        }
        Path java = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        Path work = Files.createDirectories(Path.of(args[4]));
        trainWindow(java, jar, Path.of(args[2]), work);
        if (onLinux()) {
            trainHealth(java, jar, Path.of(args[3]), work);
        }
    }

    /** Writes a cache at {@code cache}, like the launcher's options, or the JVM ignores the cache. */
    private static List<String> training(Path java, Path cache) {
        return new ArrayList<>(List.of(java.toString(), "-XX:AOTCacheOutput=" + cache,
                // =warning lists the classes it cannot cache: dynamic proxies, lambda forms, JFR events
                "-Xlog:aot=error",
                // No method profiles (JEP 515): they feed only the optimizing compiler, which the launcher turns
                // off (-XX:TieredStopAtLevel=1, packaging/common.txt), and every start relocated and paged them
                // in for nothing: a cache 5 MB smaller, the window 60 - 110 ms sooner (docs/benchmarks.md).
                "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining",
                // the same as the launcher's (packaging/common.txt), or the JVM ignores the cache
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
    }

    private static void trainWindow(Path java, Path jar, Path cache, Path work) throws IOException,
            InterruptedException {
        Xvfb display = onLinux() ? Xvfb.start() : null;
        if (display != null) {
            try {
                System.out.println("AOT training run on Xvfb display " + display.name());
                int exit = awaitExit(windowTraining(java, jar, cache, work, display));
                if (exit == 0 && Files.isRegularFile(cache)) {
                    return;
                }
                // Xvfb without GTK's libraries (a build machine with no desktop): the window cannot open there
                System.out.println("the window did not open on Xvfb (exit " + exit + "): training headless instead");
            } finally {
                display.process().destroy();
                display.process().waitFor(10, TimeUnit.SECONDS);
            }
        }
        System.out.println("AOT training run headless (Monocle)");
        awaitCache(windowTraining(java, jar, cache, work, null), cache, 0);
    }

    /** The window's training run, on {@code display} or, where it is null, on the headless Monocle platform. */
    private static Process windowTraining(Path java, Path jar, Path cache, Path work, Xvfb display)
            throws IOException {
        Files.deleteIfExists(cache);
        List<String> command = training(java, cache);
        command.addAll(List.of("-Dprism.order=sw", "-Ddrillconsole.aot.training=true"));
        if (display == null) {
            command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                    "-Dheadless.geometry=1600x1200-32"));
        }
        command.addAll(List.of("-cp", jar.toString(), Launcher.class.getName(), "--practice",
                "--settings", work.resolve("settings.json").toString(),
                "--data-dir", work.resolve("data").toString()));
        ProcessBuilder training = new ProcessBuilder(command).inheritIO();
        if (display != null) {
            training.environment().put("DISPLAY", display.name());
        }
        return training.start();
    }

    /** {@code health} of practice clusters served by a {@code sandbox} of the same jar and runtime: its own cache. */
    private static void trainHealth(Path java, Path jar, Path cache, Path work) throws IOException,
            InterruptedException {
        Path dir = work.resolve("sandbox");
        Process sandbox = new ProcessBuilder(java.toString(), "-cp", jar.toString(), Launcher.class.getName(), "sandbox",
                "--dir", dir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(),
                StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            if (ready == null || !ready.startsWith("practice clusters ready")) {
                throw new IOException("the sandbox for the health training did not start: " + ready);
            }
            List<String> command = training(java, cache);
            command.addAll(List.of("-cp", jar.toString(), Launcher.class.getName(), "health",
                    "--primary", dir.resolve("primary.kubeconfig").toString(),
                    "--standby", dir.resolve("standby.kubeconfig").toString()));
            System.out.println("AOT training run of health");
            // 1 is a cluster judged unhealthy: a practice cluster still settling trains the same classes.
            awaitCache(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start(), cache, 1);
            sandbox.getOutputStream().write("quit\n".getBytes(StandardCharsets.UTF_8));
            sandbox.getOutputStream().close();
            sandbox.waitFor(30, TimeUnit.SECONDS);
        } finally {
            sandbox.destroyForcibly();
        }
    }

    private static void awaitCache(Process run, Path cache, int worstExit) throws IOException, InterruptedException {
        int exit = awaitExit(run);
        if (exit > worstExit || !Files.isRegularFile(cache)) {
            throw new IOException("the AOT training run failed (exit " + exit + "), no " + cache);
        }
    }

    private static int awaitExit(Process run) throws IOException, InterruptedException {
        if (!run.waitFor(5, TimeUnit.MINUTES)) {
            run.destroyForcibly();
            throw new IOException("the AOT training run did not end within 5 minutes");
        }
        return run.exitValue();
    }

    private static boolean onLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    /** A private X server and its display name. */
    private record Xvfb(Process process, String name) {

        /** On a free display number (Xvfb writes the one it chose), or null without Xvfb. */
        static Xvfb start() throws IOException {
            Optional<Path> xvfb = Executables.onPath("Xvfb");
            if (xvfb.isEmpty()) {
                return null;
            }
            Process process = new ProcessBuilder(xvfb.get().toString(), "-displayfd", "1", "-screen", "0", "1600x1200x24",
                    "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String number = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            if (number == null || !number.strip().matches("\\d+")) {
                process.destroyForcibly();
                return null; // could not start: train headless instead
            }
            return new Xvfb(process, ":" + number.strip());
        }
    }
}
