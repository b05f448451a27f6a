package org.drillconsole.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Java runtime a {@code java -jar} start can run its command in ({@link FastStart}): its home, its feature
 * version and its full version. From Java 25 on a runtime keeps what a command loaded and linked in an AOT
 * cache (JEP 483, 514, 515), which the package's launcher uses: on two cores {@code health} answered in
 * 1.05 s in a Java 25 runtime with its cache against 1.65 s in Java 17 with an AppCDS archive
 * (docs/benchmarks.md). So a start in an older runtime runs its command in the newest Java 25 or later
 * installed beside it (the other directories of the directory that holds this one, as
 * {@code /usr/lib/jvm} holds Debian's and Temurin's packages), when there is one; else in this one.
 * {@code -Ddrillconsole.java=current} keeps the command in this runtime, {@code -Ddrillconsole.java=DIR}
 * names the runtime's home.
 *
 * <p>Only java.base, and no lambda (FastStart says why): nothing that costs a start more than reading a few
 * {@code release} files.
 */
record JavaRuntime(Path home, int feature, String version) {

    /** {@code current}, or the home of the runtime to run commands in. */
    static final String PROPERTY = "drillconsole.java";

    /** What the console uses of a runtime, as the package's jlink gives it (pom.xml, jlink.modules). */
    private static final List<String> NEEDED_MODULES = List.of("java.base", "java.desktop", "java.management",
            "java.naming", "java.net.http", "java.scripting", "java.sql", "jdk.unsupported");

    /** The first feature version with an AOT cache made from a training run's configuration (JEP 483). */
    static final int AOT_CACHE = 25;

    /** The runtime's {@code java}. */
    Path java() {
        Path bin = home.resolve("bin");
        Path windows = bin.resolve("java.exe");
        return Files.isRegularFile(windows) ? windows : bin.resolve("java");
    }

    /** Whether its commands start from an AOT cache (else an AppCDS archive, JDK 13 and later). */
    boolean hasAotCache() {
        return feature >= AOT_CACHE;
    }

    /** The runtime this JVM runs in. */
    static JavaRuntime current() {
        return new JavaRuntime(Path.of(System.getProperty("java.home")), Runtime.version().feature(),
                System.getProperty("java.version"));
    }

    /**
     * The runtime to run a command in: as {@code chosen} says ({@code current}, or a runtime's home), else
     * this one when it has an AOT cache, else the newest installed beside it that has one, else this one.
     */
    static JavaRuntime forCommands(String chosen) {
        JavaRuntime current = current();
        if (chosen != null && !chosen.isBlank()) {
            return "current".equals(chosen) ? current : read(Path.of(chosen)).orElse(current);
        }
        return current.hasAotCache() ? current : newest(current, installedBeside(current.home()));
    }

    /** The newest of {@code found} with an AOT cache, or {@code current} when none has one. */
    static JavaRuntime newest(JavaRuntime current, List<JavaRuntime> found) {
        JavaRuntime newest = null;
        for (JavaRuntime runtime : found) {
            if (runtime.hasAotCache() && (newest == null || runtime.feature() > newest.feature()
                    || runtime.feature() == newest.feature() && compareVersions(runtime.version(), newest.version()) > 0)) {
                newest = runtime;
            }
        }
        return newest == null ? current : newest;
    }

    private static int compareVersions(String a, String b) {
        try {
            return Runtime.Version.parse(a).compareTo(Runtime.Version.parse(b));
        } catch (IllegalArgumentException notAVersion) {
            return a.compareTo(b);
        }
    }

    /** The runtimes in the directories beside {@code home}: one level up, or on macOS {@code X.jdk/Contents/Home}. */
    static List<JavaRuntime> installedBeside(Path home) {
        Path parent = home.toAbsolutePath().getParent();
        boolean bundle = parent != null && home.getFileName() != null && "Home".equals(home.getFileName().toString())
                && "Contents".equals(parent.getFileName() == null ? "" : parent.getFileName().toString());
        Path installed = bundle ? parent.getParent().getParent() : parent;
        List<JavaRuntime> found = new ArrayList<>();
        if (installed == null) {
            return found;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(installed)) {
            for (Path dir : dirs) {
                Optional<JavaRuntime> runtime = read(bundle ? dir.resolve("Contents").resolve("Home") : dir);
                if (runtime.isPresent()) {
                    found.add(runtime.get());
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // none beside it that can be read
        }
        return found;
    }

    /** The runtime whose home is {@code home}: one with a {@code release} file naming its version, and a java. */
    static Optional<JavaRuntime> read(Path home) {
        try {
            Path release = home.resolve("release");
            if (!Files.isRegularFile(release)) {
                return Optional.empty();
            }
            String text = Files.readString(release);
            Optional<String> version = releaseVersion(text);
            if (version.isEmpty()) {
                return Optional.empty();
            }
            OptionalInt feature = feature(version.get());
            JavaRuntime runtime = new JavaRuntime(home.toAbsolutePath(), feature.orElse(0), version.get());
            return feature.isPresent() && holdsWhatTheConsoleNeeds(text) && Files.isExecutable(runtime.java())
                    ? Optional.of(runtime) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** {@code JAVA_VERSION} of a runtime's {@code release} file ({@code JAVA_VERSION="25.0.3"}). */
    static Optional<String> releaseVersion(String release) {
        return releaseValue(release, "JAVA_VERSION");
    }

    /**
     * Whether a runtime holds the modules the console uses (the window, the HTTP client, the journal's JDBC …),
     * as its {@code release} file lists them: a runtime made by jlink for another application may not. One that
     * does not list its modules is taken at its word.
     */
    static boolean holdsWhatTheConsoleNeeds(String release) {
        Optional<String> modules = releaseValue(release, "MODULES");
        if (modules.isEmpty()) {
            return true;
        }
        return List.of(modules.get().split("\\s+")).containsAll(NEEDED_MODULES);
    }

    private static Optional<String> releaseValue(String release, String key) {
        for (String line : release.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith(key + "=")) {
                String value = trimmed.substring(key.length() + 1).replace("\"", "").trim();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The feature version of a version string: 25 of {@code 25.0.3} and {@code 25-ea}, 8 of {@code 1.8.0_392}. */
    static OptionalInt feature(String version) {
        String[] parts = version.split("[^0-9]+", -1);
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? OptionalInt.of(Integer.parseInt(parts[1])) : OptionalInt.of(first);
        } catch (NumberFormatException notANumber) {
            return OptionalInt.empty();
        }
    }
}
