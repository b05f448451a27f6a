package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar} runs the command in a second JVM with the quick compiler and the command's class-data
 * archive: decided from how the JVM was started, and then with real JVMs from a real jar.
 */
@Timeout(180)
class FastStartTest {

    private static final JavaRuntime JAVA_17 = new JavaRuntime(Path.of("/jdk"), 17, "17.0.15");
    private static final JavaRuntime JAVA_25 = new JavaRuntime(Path.of("/jdk25"), 25, "25.0.3");
    private static final String JAVA = JAVA_17.java().toString();
    private static final Path CACHE = Path.of("/home/u/.cache/drill-console/cds");

    @TempDir
    Path dir;

    private FastStart.Start started(List<String> options, String... args) throws IOException {
        Path jar = Files.createFile(dir.resolve("drill-console.jar"));
        List<String> argv = new ArrayList<>(options);
        argv.add("-jar");
        argv.add(jar.toString());
        argv.addAll(List.of(args));
        return FastStart.start(argv, jar, List.of(args)).orElseThrow();
    }

    private static Optional<FastStart.Plan> plan(FastStart.Start start, Map<String, String> environment, boolean kept,
                                                 boolean mayWrite) {
        return plan(JAVA_17, start, environment, kept, mayWrite);
    }

    private static Optional<FastStart.Plan> plan(JavaRuntime runtime, FastStart.Start start,
                                                 Map<String, String> environment, boolean kept, boolean mayWrite) {
        return FastStart.plan(runtime, start, environment, CACHE, "jar|1", archive -> kept, mayWrite,
                42, Optional.of(Instant.ofEpochMilli(1234)), List.of());
    }

    @Test
    void theHeapAsksForHugePagesOnlyWhereTheKernelGivesThemOnRequest() {
        assertEquals(List.of("-XX:+UseTransparentHugePages"), FastStart.hugePages(Optional.of("always [madvise] never")));
        assertEquals(List.of(), FastStart.hugePages(Optional.of("[always] madvise never")), "given without asking");
        assertEquals(List.of(), FastStart.hugePages(Optional.of("always madvise [never]")), "the JVM would warn");
        assertEquals(List.of(), FastStart.hugePages(Optional.empty()), "not Linux");
    }

    @Test
    void theSecondJvmGetsTheMachinesOptionsBeforeTheUsersOwn() throws IOException {
        FastStart.Plan plan = FastStart.plan(JAVA_17, started(List.of("-Xmx1g"), "health"), Map.of(), CACHE, "jar|1",
                archive -> true, true, 42, Optional.empty(), List.of("-XX:+UseTransparentHugePages")).orElseThrow();
        List<String> command = plan.command();
        assertTrue(command.indexOf("-XX:+UseTransparentHugePages") > command.indexOf("-XX:TieredStopAtLevel=1"),
                command.toString());
        assertTrue(command.indexOf("-XX:+UseTransparentHugePages") < command.indexOf("-Xmx1g"), command.toString());
    }

    @Test
    void theSecondJvmHasGtkSkipOpenGlUnlessTheUserSaidOtherwise() throws IOException {
        FastStart.Start window = started(List.of());
        assertEquals(Map.of("GDK_GL", "disable"), plan(window, Map.of(), true, true).orElseThrow().environment());
        assertEquals(Map.of(), plan(window, Map.of("GDK_GL", "always"), true, true).orElseThrow().environment(),
                "the user's GDK_GL is inherited as it is");
    }

    @Test
    void theSubcommandsItKnowsAreTheCommandLinesSubcommands() {
        assertEquals(List.copyOf(Cli.commandLine().getSubcommands().keySet()), FastStart.COMMANDS);
    }

    @Test
    void aJarStartIsOptionsBeforeDashJarAndArgumentsAfterTheJar() throws IOException {
        FastStart.Start start = started(List.of("-Xmx1g", "-Dx=y"), "health", "--primary", "p");
        assertEquals(List.of("-Xmx1g", "-Dx=y"), start.jvmOptions());
        assertEquals(List.of("health", "--primary", "p"), start.args());
    }

    @Test
    void aClassPathStartOrAnotherJarIsNotAJarStartOfThisJar() throws IOException {
        Path jar = Files.createFile(dir.resolve("drill-console.jar"));
        Path other = Files.createFile(dir.resolve("other.jar"));
        assertEquals(Optional.empty(), FastStart.start(List.of("-cp", jar.toString(), "org.drillconsole.app.Launcher"),
                jar, List.of()));
        assertEquals(Optional.empty(), FastStart.start(List.of("-jar", other.toString()), jar, List.of()));
        assertEquals(Optional.empty(), FastStart.start(List.of("-jar"), jar, List.of()));
    }

    @Test
    void aCommandWithoutItsArchiveWritesItAtExitToAFileOfItsOwn() throws IOException {
        FastStart.Plan plan = plan(started(List.of(), "health", "--json"), Map.of(), false, true).orElseThrow();
        Path fresh = plan.dumpTo().orElseThrow();
        assertFalse(plan.usesArchive());
        assertTrue(plan.archive().getFileName().toString().matches("health-[0-9a-f]+-[0-9a-f]+\\.jsa"), plan.archive().toString());
        assertEquals(plan.archive().getFileName() + ".42.tmp", fresh.getFileName().toString());
        assertTrue(plan.command().contains("-XX:ArchiveClassesAtExit=" + fresh), plan.command().toString());
        assertFalse(plan.command().stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile")), plan.command().toString());
    }

    @Test
    void aCommandWithItsArchiveStartsWithItQuicklyCompiledAndQuiet() throws IOException {
        FastStart.Plan plan = plan(started(List.of(), "run", "drills/x.yaml"), Map.of(), true, true).orElseThrow();
        assertEquals(Optional.empty(), plan.dumpTo());
        assertTrue(plan.usesArchive());
        assertTrue(plan.archive().getFileName().toString().startsWith("run-"), plan.archive().toString());
        List<String> command = plan.command();
        assertEquals(JAVA, command.get(0));
        assertTrue(command.containsAll(List.of("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + plan.archive(),
                "-Xlog:cds*=off", "-Ddrillconsole.launchedAt=1234", "-Ddrillconsole.launcherPid=42")), command.toString());
    }

    @Test
    void theSecondJvmRunsAsThePackagesDoes() throws IOException {
        String packaged = Files.readString(Path.of("packaging/common.txt"));
        for (String option : FastStart.TUNING) {
            assertTrue(packaged.contains(" " + option + " "), option + " is not in packaging/common.txt");
        }
        assertTrue(plan(started(List.of(), "--practice"), Map.of(), true, true).orElseThrow().command()
                .containsAll(FastStart.TUNING));
    }

    @Test
    void anUnwritableCacheStillGivesTheQuickCompilerButNoArchive() throws IOException {
        FastStart.Plan plan = plan(started(List.of(), "health"), Map.of(), false, false).orElseThrow();
        assertEquals(Optional.empty(), plan.dumpTo());
        assertFalse(plan.usesArchive());
        assertFalse(plan.command().stream().anyMatch(o -> o.contains("Archive")), plan.command().toString());
        assertTrue(plan.command().contains("-XX:TieredStopAtLevel=1"), plan.command().toString());
    }

    @Test
    void theUsersOptionsComeAfterOursAndTheSecondJvmNeverStartsAThird() throws IOException {
        FastStart.Start start = started(List.of("-Xmx2g", "-Ddrillconsole.faststart=true"), "--practice");
        List<String> command = plan(start, Map.of(), true, true).orElseThrow().command();
        int jar = command.indexOf("-jar");
        assertTrue(command.indexOf("-XX:TieredStopAtLevel=1") < command.indexOf("-Xmx2g"), command.toString());
        assertEquals("-Ddrillconsole.faststart=false", command.get(jar - 1), command.toString());
        assertEquals(List.of(start.jar().toString(), "--practice"), command.subList(jar + 1, command.size()));
    }

    @Test
    void theWindowAndEachCommandHaveTheirOwnArchive() throws IOException {
        List<String> names = new ArrayList<>();
        for (String[] args : new String[][] {{}, {"--settings", "s.json"}, {"health"}, {"--settings", "s", "history"},
                {"drills", "validate", "run"}}) {
            names.add(plan(started(List.of(), args), Map.of(), true, true).orElseThrow().archive().getFileName()
                    .toString().replaceFirst("-.*", ""));
            Files.delete(dir.resolve("drill-console.jar"));
        }
        assertEquals(List.of("window", "window", "health", "history", "drills"), names);
    }

    @Test
    void anotherBuildOrRuntimeGetsAnotherArchive() throws IOException {
        FastStart.Start start = started(List.of(), "health");
        Set<Path> archives = new HashSet<>();
        for (JavaRuntime runtime : List.of(JAVA_17, JAVA_25)) {
            for (String build : List.of("jar|1|100", "jar|2|200")) {
                archives.add(FastStart.plan(runtime, start, Map.of(), CACHE, build, a -> true, true, 1,
                        Optional.empty(), List.of()).orElseThrow().archive());
            }
        }
        assertEquals(4, archives.size(), archives.toString());
    }

    @Test
    void aFreshArchiveReplacesOtherBuildsArchivesAndKeepsTheOtherRuntimesOfItsBuild() throws IOException {
        FastStart.Start start = started(List.of(), "team-db", "status");
        Path cache = Files.createDirectories(dir.resolve("cds"));
        Path old17 = plannedArchive(JAVA_17, start, cache, "jar|1|100");
        Path old25 = plannedArchive(JAVA_25, start, cache, "jar|1|100");
        Path new17 = plannedArchive(JAVA_17, start, cache, "jar|2|200");
        Path new25 = plannedArchive(JAVA_25, start, cache, "jar|2|200");
        Path freshLeftover = cache.resolve(new25.getFileName() + ".77.tmp");
        Path staleLeftover = cache.resolve(old25.getFileName() + ".66.tmp");
        Path otherCommand = cache.resolve("health-1-2.aot");
        for (Path file : List.of(old17, old25, new17, freshLeftover, staleLeftover, otherCommand)) {
            Files.writeString(file, "x");
        }
        Files.setLastModifiedTime(staleLeftover, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        FastStart.dropOthers("team-db", FastStart.plan(JAVA_25, start, Map.of(), cache, "jar|2|200", a -> true, true, 1,
                Optional.empty(), List.of()).orElseThrow().sameBuild(), new25);

        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(Set.of(new17, freshLeftover, otherCommand), left.collect(Collectors.toSet()));
        }
    }

    private static Path plannedArchive(JavaRuntime runtime, FastStart.Start start, Path cache, String build) {
        return FastStart.plan(runtime, start, Map.of(), cache, build, a -> true, true, 1, Optional.empty(), List.of())
                .orElseThrow().archive();
    }

    @Test
    void helpTheVersionAndTheUsersOwnClassSharingRunInTheJvmTheUserStarted() throws IOException {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"--version"}, {"-V"}, {"health", "--help"}}) {
            assertEquals(Optional.empty(), plan(started(List.of(), args), Map.of(), true, true), String.join(" ", args));
            Files.delete(dir.resolve("drill-console.jar"));
        }
        for (String option : List.of("-Xshare:off", "-XX:SharedArchiveFile=a.jsa", "-XX:ArchiveClassesAtExit=a.jsa",
                "-XX:AOTCache=a.aot", "-XX:+AutoCreateSharedArchive")) {
            assertEquals(Optional.empty(), plan(started(List.of(option), "health"), Map.of(), true, true), option);
            Files.delete(dir.resolve("drill-console.jar"));
        }
        FastStart.Start start = started(List.of(), "health");
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            assertEquals(Optional.empty(), plan(start, Map.of(variable, " -Xmx1g  -XX:SharedArchiveFile=/x.jsa"), true,
                    true), variable);
            assertTrue(plan(start, Map.of(variable, "-Xmx1g"), true, true).isPresent(), variable);
        }
    }

    @Test
    void anArchiveIsKeptFromAnswersAndStopsButNotFromAUsageErrorOrAWindowThatDidNotOpen() {
        assertTrue(FastStart.keeps("health", 0));
        assertTrue(FastStart.keeps("health", 2), "a cluster that is down is an answer");
        assertTrue(FastStart.keeps("drills", 1), "an invalid runbook is an answer");
        assertTrue(FastStart.keeps("sandbox", 130), "Ctrl-C");
        assertFalse(FastStart.keeps("health", Cli.USAGE));
        assertTrue(FastStart.keeps("window", 0));
        assertTrue(FastStart.keeps("window", 143), "closed by a signal after it opened");
        assertFalse(FastStart.keeps("window", 2), "no display");
        assertFalse(FastStart.keeps("window", Cli.USAGE));
    }

    @Test
    void theCheckOfAFreshArchiveMustMapIt() {
        List<String> check = FastStart.check(JAVA_17, Path.of("/c/a.jsa.1.tmp"), Path.of("/j/drill-console.jar"));
        assertTrue(check.containsAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=/c/a.jsa.1.tmp", "-cp",
                "/j/drill-console.jar", "-version")), check.toString());
        List<String> aot = FastStart.check(JAVA_25, Path.of("/c/a.aot.1.tmp"), Path.of("/j/drill-console.jar"));
        assertEquals(JAVA_25.java().toString(), aot.get(0));
        assertTrue(aot.containsAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=/c/a.aot.1.tmp",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-cp",
                "/j/drill-console.jar", "-version")), aot.toString());
    }

    @Test
    void inAJava25RuntimeACommandWithoutItsCacheRecordsItsTrainingAndTheCacheIsMadeFromItAfterwards()
            throws IOException {
        FastStart.Plan plan = plan(JAVA_25, started(List.of(), "health"), Map.of(), false, true).orElseThrow();
        assertTrue(plan.archive().getFileName().toString().matches("health-[0-9a-f]+-[0-9a-f]+\\.aot"), plan.archive().toString());
        Path configuration = plan.dumpTo().orElseThrow();
        assertEquals(plan.archive().getFileName() + "conf.42.tmp", configuration.getFileName().toString());
        List<String> command = plan.command();
        assertEquals(JAVA_25.java().toString(), command.get(0));
        assertTrue(command.containsAll(List.of("-XX:TieredStopAtLevel=1", "-XX:AOTMode=record",
                "-XX:AOTConfiguration=" + configuration, "-XX:-AOTRecordTraining", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Xlog:aot*=off")), command.toString());
        assertFalse(command.stream().anyMatch(o -> o.startsWith("-XX:AOTCache") || o.contains("SharedArchive")
                || o.contains("ArchiveClasses")), command.toString());
        List<String> create = FastStart.create(JAVA_25, configuration, Path.of("/c/new.aot"), Path.of("/j/d.jar"));
        assertTrue(create.containsAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration,
                "-XX:AOTCache=/c/new.aot", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", "/j/d.jar")), create.toString());
    }

    @Test
    void inAJava25RuntimeACommandWithItsCacheStartsFromIt() throws IOException {
        FastStart.Plan plan = plan(JAVA_25, started(List.of(), "health"), Map.of(), true, true).orElseThrow();
        assertEquals(Optional.empty(), plan.dumpTo());
        assertTrue(plan.command().containsAll(List.of("-XX:AOTCache=" + plan.archive(), "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow")), plan.command().toString());
        assertFalse(plan.command().contains("-XX:AOTMode=record"), plan.command().toString());
    }

    // Real JVMs from a real jar: this build's classes, its dependencies on the jar's Class-Path.

    @Test
    void aJarStartAnswersAsBeforeWritesTheArchiveOnceAndThenLoadsTheCommandFromIt() throws Exception {
        Path jar = jar();
        Path cache = dir.resolve("cache");
        Path runbook = Path.of("drills/standby-readiness.yaml").toAbsolutePath();
        Run inProcess = java(jar, cache, List.of("-Ddrillconsole.faststart=false"), "drills", "validate",
                runbook.toString());
        assertEquals(0, inProcess.code(), inProcess.out());
        assertFalse(Files.exists(cache.resolve("drill-console/cds")), "nothing is written without a second JVM");

        Run first = java(jar, cache, List.of(), "drills", "validate", runbook.toString());
        assertEquals(new Run(0, inProcess.out()), first);
        List<Path> archives = files(cache.resolve("drill-console/cds"));
        assertEquals(1, archives.size(), archives.toString());
        assertTrue(archives.get(0).getFileName().toString().matches("drills-[0-9a-f]+-[0-9a-f]+\\.jsa"), archives.toString());

        Path logs = Files.createDirectories(dir.resolve("logs"));
        Run second = java(jar, cache, List.of("-Xlog:class+load=info:file=" + logs.resolve("classes-%p.log")),
                "drills", "validate", runbook.toString());
        assertEquals(new Run(0, inProcess.out()), second);
        List<String> loaded = lines(files(logs));
        assertTrue(loaded.stream().anyMatch(line -> line.contains("org.drillconsole.app.DrillsCommand source: shared "
                + "objects file (top)")), "the command's classes come from its archive");
        assertEquals(archives, files(cache.resolve("drill-console/cds")), "the archive is kept, nothing else");
    }

    @Test
    void aJarStartInAnOlderRuntimeRunsTheCommandInAJava25BesideItFromAnAotCache() throws Exception {
        JavaRuntime current = JavaRuntime.current();
        JavaRuntime newer = JavaRuntime.newest(current, JavaRuntime.installedBeside(current.home()));
        Assumptions.assumeTrue(newer.hasAotCache() && !current.hasAotCache(),
                "needs a Java 25 or later installed beside this Java " + current.feature() + " (" + current.home() + ")");
        Path jar = jar();
        Path cache = dir.resolve("cache");
        Path runbook = Path.of("drills/standby-readiness.yaml").toAbsolutePath();
        List<String> auto = List.of("-D" + JavaRuntime.PROPERTY + "=");
        Run inProcess = java(jar, cache, List.of("-Ddrillconsole.faststart=false"), "drills", "validate",
                runbook.toString());

        Run first = java(jar, cache, auto, "drills", "validate", runbook.toString());
        assertEquals(new Run(0, inProcess.out()), first, "the same answer, and nothing on the terminal from the cache");
        // made in the background after the first start: wait until nothing is left to make
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (files(cache.resolve("drill-console/cds")).stream().anyMatch(f -> f.toString().endsWith(".tmp"))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        List<Path> caches = files(cache.resolve("drill-console/cds"));
        assertEquals(1, caches.size(), caches.toString());
        assertTrue(caches.get(0).getFileName().toString().matches("drills-[0-9a-f]+-[0-9a-f]+\\.aot"), caches.toString());

        Path logs = Files.createDirectories(dir.resolve("logs"));
        List<String> logged = new ArrayList<>(auto);
        logged.add("-Xlog:class+load=info:file=" + logs.resolve("classes-%p.log"));
        Run second = java(jar, cache, logged, "drills", "validate", runbook.toString());
        assertEquals(new Run(0, inProcess.out()), second);
        List<String> loaded = lines(files(logs));
        assertTrue(loaded.stream().anyMatch(line -> line.contains("org.drillconsole.app.DrillsCommand source: shared "
                + "objects file")), "the command's classes come from its cache");
        assertEquals(caches, files(cache.resolve("drill-console/cds")), "the cache is kept, nothing else");
    }

    @Test
    void aKeptArchiveReplacesTheCommandsEarlierOnesAndLeavesTheOtherCommandsAlone() throws Exception {
        Path jar = jar();
        Path cds = Files.createDirectories(dir.resolve("cache/drill-console/cds"));
        Path earlierBuild = Files.writeString(cds.resolve("drills-0badc0de.jsa"), "an earlier build's");
        Path killedLongAgo = Files.writeString(cds.resolve("drills-0badc0de.jsa.7.tmp"), "left by a killed start");
        Files.setLastModifiedTime(killedLongAgo, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(
                2 * 86_400)));
        Path anotherStartWriting = Files.writeString(cds.resolve("drills-0badc0de.jsa.8.tmp"), "being written");
        Path anotherCommand = Files.writeString(cds.resolve("health-0badc0de.jsa"), "health's");
        Run run = java(jar, dir.resolve("cache"), List.of(), "drills", "validate",
                Path.of("drills/standby-readiness.yaml").toAbsolutePath().toString());
        assertEquals(0, run.code(), run.out());
        List<Path> left = files(cds);
        assertFalse(left.contains(earlierBuild) || left.contains(killedLongAgo), left.toString());
        assertTrue(left.containsAll(List.of(anotherStartWriting, anotherCommand)), left.toString());
        assertEquals(4 - 2 + 1, left.size(), "and the command's new archive: " + left);
    }

    @Test
    void aJarStartPassesOnTheExitStatusAndTheStandardStreams() throws Exception {
        Path jar = jar();
        Path cache = dir.resolve("cache");
        Run missing = java(jar, cache, List.of(), "drills", "validate", dir.resolve("missing.yaml").toString());
        assertEquals(Cli.USAGE, missing.code(), missing.out());
        assertTrue(missing.out().contains("missing.yaml"), missing.out());
        assertEquals(List.of(), files(cache.resolve("drill-console/cds")),
                "a usage error's short run is no archive for the command's later starts");

        Process sandbox = start(jar, cache, "sandbox", "--dir", dir.resolve("sbx").toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream in = sandbox.getOutputStream()) {
            assertTrue(out.readLine().startsWith("practice clusters ready"));
            in.write("help\nquit\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            String rest = out.lines().collect(Collectors.joining("\n"));
            assertTrue(rest.contains("stop the practice clusters"), rest);
            assertTrue(sandbox.waitFor(60, TimeUnit.SECONDS), "the sandbox stops on quit");
            assertEquals(0, sandbox.exitValue(), rest);
        } finally {
            sandbox.destroyForcibly();
        }
    }

    @Test
    void stoppingTheJvmTheUserStartedStopsTheCommand() throws Exception {
        Path cache = dir.resolve("cache");
        Process sandbox = start(jar(), cache, "sandbox", "--dir", dir.resolve("sbx").toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertTrue(out.readLine().startsWith("practice clusters ready"));
            List<ProcessHandle> command = sandbox.children().collect(Collectors.toList());
            assertEquals(1, command.size(), "one second JVM");
            sandbox.destroy(); // SIGTERM to the JVM the user started, as `kill` would
            assertTrue(sandbox.waitFor(60, TimeUnit.SECONDS), "the JVM the user started ends");
            assertFalse(command.get(0).isAlive(), "and so does the command's");
            assertEquals(143, sandbox.exitValue(), "with the status of a command ended by SIGTERM");
            List<Path> archives = files(cache.resolve("drill-console/cds"));
            assertTrue(archives.size() == 1 && archives.get(0).getFileName().toString().startsWith("sandbox-"),
                    "a command stopped by a signal still leaves its archive: " + archives);
        } finally {
            sandbox.descendants().forEach(ProcessHandle::destroyForcibly);
            sandbox.destroyForcibly();
        }
    }

    @Test
    void killingTheJvmTheUserStartedOutrightStillStopsTheCommand() throws Exception {
        // The window, headless: a command that does not read standard input, which the JDK closes when the
        // first JVM ends (a sandbox would then stop on its own, by end of input). Output to a file, which
        // outlives the first JVM as a terminal does.
        Path log = dir.resolve("window.log");
        ProcessBuilder builder = builder(jar(), dir.resolve("cache"), List.of("-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Ddrillconsole.timing=true"), "--practice",
                "--settings", dir.resolve("settings.json").toString(), "--data-dir", dir.resolve("data").toString());
        Process window = builder.redirectOutput(log.toFile()).start();
        List<ProcessHandle> started = new ArrayList<>(); // ended in any case: a dead first JVM has no descendants
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.readString(log).contains("first frame painted") && window.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.readString(log).contains("first frame painted"), Files.readString(log));
            ProcessHandle command = window.children().findFirst().orElseThrow();
            started.add(command);
            window.toHandle().destroyForcibly(); // SIGKILL: no handler of the first JVM runs
            assertTrue(window.waitFor(30, TimeUnit.SECONDS));
            // the JDK polls a process that is not its child, every 0.3 s at first
            command.onExit().get(30, TimeUnit.SECONDS);
            assertTrue(Files.readString(log).contains("stopping: the java process that started it (pid "
                    + window.pid() + ") has ended"), Files.readString(log));
        } finally {
            window.descendants().forEach(ProcessHandle::destroyForcibly);
            started.forEach(ProcessHandle::destroyForcibly);
            window.destroyForcibly();
        }
    }

    private record Run(int code, String out) {
    }

    private Run java(Path jar, Path cache, List<String> options, String... args) throws Exception {
        Process process = start(jar, cache, options, args);
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "ends: " + String.join(" ", args));
        return new Run(process.exitValue(), out);
    }

    private Process start(Path jar, Path cache, String... args) throws IOException {
        return start(jar, cache, List.of(), args);
    }

    private Process start(Path jar, Path cache, List<String> options, String... args) throws IOException {
        return builder(jar, cache, options, args).start();
    }

    private ProcessBuilder builder(Path jar, Path cache, List<String> options, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        // in the runtime the test runs in, unless the test chooses: FastStart would pick a newer one beside it
        if (options.stream().noneMatch(option -> option.startsWith("-D" + JavaRuntime.PROPERTY + "="))) {
            command.add("-D" + JavaRuntime.PROPERTY + "=current");
        }
        command.addAll(options);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        return builder;
    }

    /** Every line of these files: the class-load logs of both JVMs of a start. */
    private static List<String> lines(List<Path> logs) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path log : logs) {
            lines.addAll(Files.readAllLines(log));
        }
        return lines;
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().collect(Collectors.toList());
        }
    }

    /** This build's classes in a jar whose Class-Path names the dependencies, as the shaded jar holds them. */
    private Path jar() throws IOException {
        Path classes = Path.of("target/classes").toAbsolutePath();
        String classPath = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of).filter(p -> p.toString().endsWith(".jar"))
                .map(p -> p.toAbsolutePath().toUri().toString()).collect(Collectors.joining(" "));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Launcher.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        Path jar = dir.resolve("drill-console.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(classes)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return jar;
    }
}
