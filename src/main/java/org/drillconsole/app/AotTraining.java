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
 * <p>Usage: {@code AotTraining JAVA JAR CACHE WORKDIR}.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 4) {
            System.err.println("usage: AotTraining JAVA JAR CACHE WORKDIR");
            System.exit(Cli.USAGE);
        }
        Path java = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        Path cache = Path.of(args[2]);
        Path work = Files.createDirectories(Path.of(args[3]));
        Xvfb display = onLinux() ? Xvfb.start() : null;
        try {
            List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:AOTCacheOutput=" + cache,
                    // =warning lists the ~200 classes it cannot cache: picocli's Java 5 bytecode, proxies, JFR events
                    "-Xlog:aot=error",
                    // the same as the launcher's (packaging/common.txt), or the JVM ignores the cache
                    "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                    "-Dprism.order=sw", "-Ddrillconsole.aot.training=true"));
            String where;
            if (display != null) {
                where = "on Xvfb display " + display.name();
            } else {
                command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                        "-Dheadless.geometry=1600x1200-32"));
                where = "headless (Monocle)";
            }
            command.addAll(List.of("-cp", jar.toString(), Launcher.class.getName(), "--practice",
                    "--settings", work.resolve("settings.json").toString(),
                    "--data-dir", work.resolve("data").toString()));
            System.out.println("AOT training run " + where);
            ProcessBuilder training = new ProcessBuilder(command).inheritIO();
            if (display != null) {
                training.environment().put("DISPLAY", display.name());
            }
            Process run = training.start();
            if (!run.waitFor(5, TimeUnit.MINUTES)) {
                run.destroyForcibly();
                throw new IOException("the AOT training run did not end within 5 minutes");
            }
            if (run.exitValue() != 0 || !Files.isRegularFile(cache)) {
                throw new IOException("the AOT training run failed (exit " + run.exitValue() + "), no " + cache);
            }
        } finally {
            if (display != null) {
                display.process().destroy();
                display.process().waitFor(10, TimeUnit.SECONDS);
            }
        }
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
