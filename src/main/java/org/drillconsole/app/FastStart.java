package org.drillconsole.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Starts {@code java -jar drill-console.jar} the way the package starts: with the quick compiler only and an
 * application class-data archive (AppCDS). {@code java -jar} cannot take JVM options from the jar, so the JVM
 * the user started runs a second one with them and waits for it, passing on its terminal, its exit status and
 * the signals that stop it. Measured on two cores (docs/benchmarks.md): {@code health} 2.8 s without, 1.8 s
 * with; the window's first frame 3.9 s without, 2.5 s with.
 *
 * <p>In a runtime older than Java 25, the command runs in the newest Java 25 or later installed beside it, when
 * there is one ({@link JavaRuntime}), from an AOT cache as the package's: its first start records what it loads
 * ({@code -XX:AOTMode=record}) and a JVM that this one does not wait for makes the cache from the recording
 * ({@link AotCacheMaker}). Measured on two cores: {@code health} 1.35 s instead of 1.9 s with Java 17's archive.
 *
 * <p>The archive is the command's own ({@code health}, {@code run}, the window …), kept in the user's cache
 * directory ({@code $XDG_CACHE_HOME/drill-console/cds}, else {@code ~/.cache/drill-console/cds}) and named
 * after the jar and the runtime, so a new build or another JDK makes a new one; a new build's archive replaces
 * the older builds' ones, while one build keeps an archive for each runtime it ran in. The first start of a command
 * writes it as it exits ({@code -XX:ArchiveClassesAtExit}, JDK 13 and later), which makes that one exit a
 * second or two slower; it is kept only after a JVM has started with it, because a truncated archive crashes
 * the JVM that maps it, and not from a start whose path was too short to serve the later ones
 * ({@link #keeps}). Nothing of this applies to the package (its launcher already starts tuned), to a class
 * path start, to {@code --help} and {@code --version}, or when the user chose archive options of their own;
 * {@code -Ddrillconsole.faststart=false} turns it off.
 *
 * <p>Only java.base is used before the decision (and java.management when startup timing is asked for):
 * whatever this class loads, every start pays for twice.
 */
final class FastStart {

    /** {@code false} runs the command in the JVM the user started. */
    static final String PROPERTY = "drillconsole.faststart";

    /** The process id of the JVM the user started, given to the second: it stops when that one is gone. */
    static final String LAUNCHER_PID = "drillconsole.launcherPid";

    /** The status of a command stopped from outside, as by SIGTERM (128 + 15). */
    static final int STOPPED = 143;

    /** Epoch milliseconds at which the user's {@code java -jar} started: the window's startup timing counts from it. */
    static final String LAUNCHED_AT = "drillconsole.launchedAt";

    /** The subcommands by name, without building picocli's model ({@code FastStartTest} compares them with Cli's). */
    static final List<String> COMMANDS = List.of("health", "sandbox", "drills", "run", "team-db", "report", "history");

    /** Arguments answered at once, not worth a second JVM. */
    private static final Set<String> QUICK = Set.of("-h", "--help", "-V", "--version");

    /** Options by which the user already chose how classes are shared or compiled ahead of time. */
    private static final List<String> OWN_SHARING = List.of("-Xshare", "-XX:SharedArchiveFile",
            "-XX:ArchiveClassesAtExit", "-XX:+AutoCreateSharedArchive", "-XX:AOTCache", "-XX:AOTCacheOutput",
            "-XX:AOTMode", "-XX:AOTConfiguration", "-XX:SharedClassListFile", "-XX:+RecordDynamicDumpInfo");

    /**
     * How the console's JVM runs, here and in the package (packaging/common.txt; {@code FastStartTest} compares
     * them): the quick compiler only, since on two cores the optimising compiler's thread competes with the
     * window's start and a one-shot command never earns it back; and young collections kept short, since a
     * window holding 2 x 20,000 pods paused for 100 - 250 ms in G1's default 200 ms goal, each pause a frozen
     * frame (docs/benchmarks.md).
     */
    static final List<String> TUNING = List.of("-XX:TieredStopAtLevel=1", "-XX:MaxGCPauseMillis=50");

    /** The JVM's class-data-sharing messages (a dump lists every class it skips, on standard output). */
    private static final List<String> QUIET = List.of("-Xlog:cds*=off");

    /** The same for an AOT cache: its training, making and use. */
    private static final List<String> QUIET_AOT = List.of("-Xlog:aot*=off", "-Xlog:cds*=off");

    /**
     * What the package's launcher gives Java 25 (packaging/common.txt): without them a runtime of 24 or later
     * warns on standard error that JavaFX and fabric8's libraries use restricted methods. An AOT cache is
     * used only with the options it was made with.
     */
    static final List<String> AOT_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");

    /** How this JVM was started: its options, the jar, the command's arguments. */
    record Start(List<String> jvmOptions, Path jar, List<String> args) {
    }

    /**
     * The second JVM: the command's name, the beginning of the names of its archives for this build of the jar
     * ({@code sameBuild}: the others are another build's), the runtime it runs in, its command line, and its
     * archive: used when {@code usesArchive}, written first when {@code dumpTo} is set (neither when the cache
     * directory takes no new archive). For a runtime with an AOT cache, {@code dumpTo} is the training's
     * configuration, from which the cache is made once the command has ended; else the archive itself, written as
     * the command exits. {@code environment} holds what the second JVM's environment gets besides this one's.
     */
    record Plan(String name, String sameBuild, JavaRuntime runtime, List<String> command, Path archive,
                boolean usesArchive, Optional<Path> dumpTo, Map<String, String> environment) {
    }

    private FastStart() {
    }

    /**
     * This JVM's start, when it is {@code java [options] -jar THIS-JAR args}: the options come before
     * {@code -jar}, the command's arguments after the jar.
     */
    static Optional<Start> start(List<String> argv, Path thisJar, List<String> args) {
        int jarOption = argv.indexOf("-jar");
        if (jarOption < 0 || jarOption + 1 >= argv.size()) {
            return Optional.empty();
        }
        Path named = Path.of(argv.get(jarOption + 1));
        try {
            if (!Files.isSameFile(named, thisJar)) {
                return Optional.empty();
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        return Optional.of(new Start(List.copyOf(argv.subList(0, jarOption)), thisJar, List.copyOf(args)));
    }

    /**
     * The second JVM for this start, or none: not for help or the version, not when the user's options or
     * environment ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}) already choose class sharing.
     *
     * @param runtime    the Java runtime the command runs in: this one, or a newer one with an AOT cache
     * @param cacheDir   where the archives are kept
     * @param build      what names this jar (its path, size and time): the archive's name begins with it, so that
     *                   a new build replaces the old one's archives while each runtime of one build keeps its own
     * @param archiveOk  whether a kept archive is there to use
     * @param mayWrite   whether the cache directory takes a new archive
     * @param launcher   this JVM's process id: a dump's temporary file is named after it, and the second JVM
     *                   stops when this process is gone
     * @param launchedAt when the user's command started, for the second JVM's startup timing
     * @param machine    options for this machine, as the package's terminal command chooses them ({@link #hugePages})
     */
    static Optional<Plan> plan(JavaRuntime runtime, Start start, Map<String, String> environment, Path cacheDir,
                               String build, Predicate<Path> archiveOk, boolean mayWrite, long launcher,
                               Optional<Instant> launchedAt, List<String> machine) {
        if (!Collections.disjoint(start.args(), QUICK) || choosesSharing(start.jvmOptions())
                || choosesSharing(words(environment.get("JAVA_TOOL_OPTIONS")))
                || choosesSharing(words(environment.get("JDK_JAVA_OPTIONS")))) {
            return Optional.empty();
        }
        String command = "window";
        for (String arg : start.args()) {
            if (COMMANDS.contains(arg)) {
                command = arg;
                break;
            }
        }
        boolean aot = runtime.hasAotCache();
        String sameBuild = buildPrefix(command, build);
        Path archive = cacheDir.resolve(sameBuild
                + Integer.toHexString((runtime.home() + "|" + runtime.version()).hashCode()) + (aot ? ".aot" : ".jsa"));
        boolean use = archiveOk.test(archive);
        Optional<Path> dumpTo = use || !mayWrite ? Optional.empty()
                : Optional.of(cacheDir.resolve(archive.getFileName() + (aot ? "conf." : ".") + launcher + ".tmp"));
        List<String> line = new ArrayList<>();
        line.add(runtime.java().toString());
        line.addAll(TUNING);
        line.addAll(machine);
        if (aot) {
            line.addAll(AOT_OPTIONS);
            if (use) {
                line.add("-XX:AOTCache=" + archive);
            }
            if (dumpTo.isPresent()) {
                // what the command loads and links, written as it exits; the cache is made from it afterwards.
                // The JVM says it wrote it on standard output, which is the command's own: not there.
                line.add("-XX:AOTMode=record");
                line.add("-XX:AOTConfiguration=" + dumpTo.get());
                line.add("-XX:+UnlockDiagnosticVMOptions");
                line.add("-XX:-DisplayVMOutput");
                // no method profiles: only the quick compiler runs (TUNING), and they fed the other one
                line.add("-XX:-AOTRecordTraining");
            }
            line.addAll(QUIET_AOT);
        } else {
            if (use) {
                line.add("-XX:SharedArchiveFile=" + archive);
            }
            if (dumpTo.isPresent()) {
                line.add("-XX:ArchiveClassesAtExit=" + dumpTo.get());
            }
            line.addAll(QUIET);
        }
        if (launchedAt.isPresent()) {
            line.add("-D" + LAUNCHED_AT + "=" + launchedAt.get().toEpochMilli());
        }
        // The user's own options come after ours: where both set the same thing, theirs wins; but the second
        // JVM never starts a third.
        line.addAll(start.jvmOptions());
        line.add("-D" + LAUNCHER_PID + "=" + launcher);
        line.add("-D" + PROPERTY + "=false");
        line.add("-jar");
        line.add(start.jar().toString());
        line.addAll(start.args());
        // GTK loads OpenGL only to pick visuals JavaFX never uses, unless told not to (as packaging/linux/drill-console.sh)
        Map<String, String> added = environment.containsKey("GDK_GL") ? Map.of() : Map.of("GDK_GL", "disable");
        return Optional.of(new Plan(command, sameBuild, runtime, List.copyOf(line), archive, use, dumpTo, added));
    }

    /**
     * The heap in transparent huge pages where the kernel gives them on request ({@code mode}, the first line of
     * {@code /sys/kernel/mm/transparent_hugepage/enabled}, names {@code [madvise]}), as the package's terminal
     * command asks for them: on a virtual machine a page's first touch is a costly fault (docs/benchmarks.md). Not
     * in {@code never} mode, where the JVM would print a warning, nor in {@code always}, where it needs no asking.
     */
    static List<String> hugePages(Optional<String> mode) {
        return mode.filter(line -> line.contains("[madvise]")).isPresent()
                ? List.of("-XX:+UseTransparentHugePages") : List.of();
    }

    private static Optional<String> hugePageMode() {
        try (java.io.BufferedReader mode = Files.newBufferedReader(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"))) {
            return Optional.ofNullable(mode.readLine());
        } catch (IOException | RuntimeException none) {
            return Optional.empty(); // not Linux, or a container that hides it
        }
    }

    /**
     * Whether the archive a start of this command wrote as it ended with this status serves its later starts.
     * Not after a usage error (a typo, a missing file), nor after a window that did not open (no display):
     * their paths were too short, and the next start writes it again. A subcommand's other statuses are
     * answers ({@code health} exits 2 for a cluster that is down), and a JVM stopped by Ctrl-C, as a sandbox
     * is, writes it whole.
     */
    static boolean keeps(String command, int status) {
        return "window".equals(command) ? status == 0 || status >= 128 : status != Cli.USAGE;
    }

    /**
     * The command line that checks a fresh archive: a JVM that must map it ({@code -Xshare:on}, or
     * {@code -XX:AOTMode=on} for an AOT cache) and stop.
     */
    static List<String> check(JavaRuntime runtime, Path archive, Path jar) {
        List<String> line = new ArrayList<>(List.of(runtime.java().toString()));
        if (runtime.hasAotCache()) {
            line.addAll(AOT_OPTIONS);
            line.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + archive));
            line.addAll(QUIET_AOT);
        } else {
            line.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive));
            line.addAll(QUIET);
        }
        line.addAll(List.of("-XX:ErrorFile=/dev/null", "-XX:-CreateCoredumpOnCrash", "-cp", jar.toString(), "-version"));
        return List.copyOf(line);
    }

    /**
     * The command line that makes an AOT cache from a training's configuration ({@code -XX:AOTMode=create}), with
     * the options the command ran with: a cache is used only with the options it was made with.
     */
    static List<String> create(JavaRuntime runtime, Path configuration, Path cache, Path jar) {
        List<String> line = new ArrayList<>(List.of(runtime.java().toString(), "-XX:TieredStopAtLevel=1"));
        line.addAll(AOT_OPTIONS);
        line.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration, "-XX:AOTCache=" + cache));
        line.addAll(QUIET_AOT);
        line.addAll(List.of("-XX:ErrorFile=/dev/null", "-XX:-CreateCoredumpOnCrash", "-cp", jar.toString()));
        return List.copyOf(line);
    }

    private static boolean choosesSharing(List<String> options) {
        for (String option : options) {
            for (String sharing : OWN_SHARING) {
                if (option.startsWith(sharing)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> words(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    /**
     * Runs the command in a second, tuned JVM when this one was started with {@code java -jar}: its exit
     * status, or empty to run the command here.
     */
    static OptionalInt relaunch(String[] args) {
        if ("false".equals(System.getProperty(PROPERTY)) || System.getProperty("jpackage.app-path") != null) {
            return OptionalInt.empty();
        }
        Optional<Path> jar = thisJar();
        Optional<String[]> argv = ProcessHandle.current().info().arguments();
        if (jar.isEmpty() || argv.isEmpty()) {
            return OptionalInt.empty();
        }
        Optional<Start> start = start(List.of(argv.get()), jar.get(), List.of(args));
        if (start.isEmpty()) {
            return OptionalInt.empty();
        }
        JavaRuntime runtime = JavaRuntime.forCommands(System.getProperty(JavaRuntime.PROPERTY));
        Path cacheDir = cacheDir();
        Optional<Plan> plan = plan(runtime, start.get(), System.getenv(), cacheDir, build(jar.get()),
                new Kept(), writable(cacheDir), ProcessHandle.current().pid(),
                launchedAt(), hugePages(hugePageMode()));
        return plan.isEmpty() ? OptionalInt.empty() : run(plan.get(), jar.get());
    }

    private static OptionalInt run(Plan plan, Path jar) {
        Process child;
        try {
            ProcessBuilder builder = new ProcessBuilder(plan.command()).inheritIO();
            builder.environment().putAll(plan.environment());
            child = builder.start();
        } catch (IOException | RuntimeException cannotStart) {
            return OptionalInt.empty();
        }
        stopWith(child);
        int status = waitFor(child);
        if (plan.dumpTo().isPresent()) {
            if (!keeps(plan.name(), status)) {
                delete(plan.dumpTo().get());
            } else if (plan.runtime().hasAotCache()) {
                makeInBackground(plan, jar);
            } else {
                keep(plan.name(), plan.sameBuild(), plan.runtime(), plan.dumpTo().get(), plan.archive(), jar);
            }
        } else if (status == 134 && plan.usesArchive()) {
            // The JVM aborted (hs_err): should the archive be the cause, the next start goes without it.
            delete(plan.archive());
        }
        return OptionalInt.of(status);
    }

    /**
     * In the second JVM: ends the command, as SIGTERM would (shutdown hooks run, the journal is closed), once
     * the JVM the user started is gone without having stopped it: killed with SIGKILL, which no handler sees,
     * or crashed. Without this, a window or a sandbox went on running with nobody waiting for it. The JDK
     * polls a process that is not its child (every 0.3 s at first, at most every 5 s).
     */
    static void followLauncher() {
        String pid = System.getProperty(LAUNCHER_PID);
        if (pid == null || !pid.matches("\\d{1,18}")) {
            return;
        }
        long id = Long.parseLong(pid);
        Optional<ProcessHandle> launcher = ProcessHandle.of(id);
        if (launcher.isPresent()) {
            launcher.get().onExit().thenRun(new LauncherGone(id));
        } else {
            new LauncherGone(id).run(); // gone already
        }
    }

    /** Stops this JVM, saying why, once the JVM the user started has ended. */
    private record LauncherGone(long pid) implements Runnable {
        @Override
        public void run() {
            System.err.println("drill-console: stopping: the java process that started it (pid " + pid + ") has ended");
            System.exit(STOPPED);
        }
    }

    /** A signal that would stop this JVM stops the command's (Ctrl-C reaches both; a kill only this one). */
    private static void stopWith(Process child) {
        onStopSignals(new Stop(child));
    }

    /**
     * Hands the signals that stop a command (SIGINT, SIGTERM, SIGHUP) to {@code handler} in this JVM from now
     * on; a system without one of them, or a JVM that keeps them ({@code -Xrs}), keeps its default.
     */
    static void onStopSignals(sun.misc.SignalHandler handler) {
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), handler);
            } catch (IllegalArgumentException | UnsupportedOperationException notHere) {
                // not a signal on this system (HUP on Windows), or the JVM's own: the default stays
            }
        }
    }

    // Classes, not lambdas, before and while the second JVM starts: the first lambda costs this JVM about
    // 40 ms of bootstrapping, and the two share the processor.

    /** Stops the command's JVM as a signal would have stopped this one. */
    private record Stop(Process child) implements sun.misc.SignalHandler {
        @Override
        public void handle(sun.misc.Signal signal) {
            child.destroy();
        }
    }

    /** An archive kept by an earlier start. */
    private static final class Kept implements Predicate<Path> {
        @Override
        public boolean test(Path archive) {
            return Files.isRegularFile(archive);
        }
    }

    private static int waitFor(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // nothing here interrupts this thread; keep waiting for the command, which owns the exit status
            }
        }
    }

    /**
     * Puts a fresh archive where the command's next start looks for it, in place of the command's older ones,
     * once a JVM has started with it: {@code written} itself (Java 17's archive), or the AOT cache made from
     * the recording {@code written}. The temporary files go either way.
     */
    static void keep(String name, String sameBuild, JavaRuntime runtime, Path written, Path archive, Path jar) {
        boolean aot = runtime.hasAotCache();
        Path fresh = aot ? archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid()
                + ".tmp") : written;
        try {
            if (!Files.isRegularFile(written)) {
                return;
            }
            if ((!aot || quietly(create(runtime, written, fresh, jar)) == 0) && quietly(check(runtime, fresh, jar)) == 0) {
                dropOthers(name, sameBuild, archive);
                Files.move(fresh, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException notKept) {
            // the next start writes it again
        } finally {
            delete(written);
            delete(fresh);
        }
    }

    /**
     * Makes the command's AOT cache from its training in a JVM of its own ({@link AotCacheMaker}) that this
     * one does not wait for: making it takes about three seconds on two cores, which the user's first start
     * should not wait for. The next start after it is done starts from the cache.
     */
    private static void makeInBackground(Plan plan, Path jar) {
        List<String> line = new ArrayList<>(List.of(JavaRuntime.current().java().toString(),
                "-XX:TieredStopAtLevel=1", "-cp", jar.toString(), AotCacheMaker.class.getName()));
        line.addAll(AotCacheMaker.arguments(plan.name(), plan.sameBuild(), plan.runtime(), plan.dumpTo().orElseThrow(),
                plan.archive(), jar));
        try {
            new ProcessBuilder(line).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException | RuntimeException cannotStart) {
            delete(plan.dumpTo().get()); // the next start trains again
        }
    }

    /** Runs a JVM of the cache's upkeep, its output discarded: its exit status. */
    private static int quietly(List<String> command) throws IOException {
        return waitFor(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }

    /**
     * The same command's archives of other builds of the jar, and temporary files left by killed starts. The
     * archives of this build for other runtimes stay: {@code -Ddrillconsole.java=current} and the default may take
     * turns without making their archives again.
     */
    static void dropOthers(String command, String sameBuild, Path archive) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent(), command + "-*")) {
            for (Path file : files) {
                boolean drop = file.toString().endsWith(".tmp") ? olderThanADay(file)
                        : !file.getFileName().toString().startsWith(sameBuild);
                if (drop && !file.equals(archive)) {
                    delete(file);
                }
            }
        }
    }

    private static boolean olderThanADay(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toMillis() < System.currentTimeMillis() - 86_400_000L;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException ignored) {
            // a file that cannot be deleted is overwritten or ignored next time
        }
    }

    /**
     * When the user's command started, for the window's startup timing only ({@link StartupClock}): the second
     * JVM counts from it. Nothing of it is loaded on an ordinary start.
     */
    private static Optional<Instant> launchedAt() {
        return Boolean.getBoolean("drillconsole.timing") ? Optional.of(StartupClock.processStarted()) : Optional.empty();
    }

    private static Optional<Path> thisJar() {
        try {
            CodeSource source = FastStart.class.getProtectionDomain().getCodeSource();
            Path path = source == null ? null : Path.of(source.getLocation().toURI());
            return path != null && Files.isRegularFile(path) && path.toString().endsWith(".jar")
                    ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | RuntimeException notAFile) {
            return Optional.empty();
        }
    }

    static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("drill-console").resolve("cds");
    }

    private static boolean writable(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (IOException | RuntimeException no) {
            return false;
        }
    }

    private static String build(Path jar) {
        try {
            return jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException | RuntimeException unreadable) {
            return jar.toAbsolutePath().toString();
        }
    }

    /** The beginning of the names of one command's archives for one build of the jar, whatever the runtime. */
    private static String buildPrefix(String command, String build) {
        return command + "-" + Integer.toHexString(build.hashCode()) + "-";
    }
}
