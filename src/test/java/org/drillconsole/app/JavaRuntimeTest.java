package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Java runtime a {@code java -jar} start runs its command in. */
class JavaRuntimeTest {

    @TempDir
    Path dir;

    /** A runtime's home as its installer leaves it: a release file, and a java that may be run. */
    private Path installed(Path home, String release, boolean withJava) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        if (release != null) {
            Files.writeString(home.resolve("release"), release);
        }
        if (withJava) {
            Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
            assertTrue(java.toFile().setExecutable(true));
        }
        return home;
    }

    private static String release(String version) {
        return "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_RUNTIME_VERSION=\"" + version + "+9-LTS\"\nJAVA_VERSION=\""
                + version + "\"\nMODULES=\"java.base java.compiler java.desktop java.management java.naming java.net.http "
                + "java.scripting java.sql jdk.unsupported\"\n";
    }

    @Test
    void theFeatureVersionIsTheFirstNumberOrTheSecondOfAnOldOneDotVersion() {
        assertEquals(OptionalInt.of(25), JavaRuntime.feature("25.0.3"));
        assertEquals(OptionalInt.of(25), JavaRuntime.feature("25-ea"));
        assertEquals(OptionalInt.of(17), JavaRuntime.feature("17"));
        assertEquals(OptionalInt.of(8), JavaRuntime.feature("1.8.0_392"));
        assertEquals(OptionalInt.empty(), JavaRuntime.feature("jdk"));
        assertEquals(OptionalInt.empty(), JavaRuntime.feature(""));
    }

    @Test
    void theVersionIsReadFromTheReleaseFilesJavaVersionLine() {
        assertEquals(Optional.of("25.0.3"), JavaRuntime.releaseVersion(release("25.0.3")));
        assertEquals(Optional.of("17.0.15"), JavaRuntime.releaseVersion("JAVA_VERSION=\"17.0.15\"\r\nOS_NAME=\"Linux\""));
        assertEquals(Optional.empty(), JavaRuntime.releaseVersion("JAVA_RUNTIME_VERSION=\"25.0.3+9\"\n"));
        assertEquals(Optional.empty(), JavaRuntime.releaseVersion("JAVA_VERSION=\"\"\n"));
    }

    @Test
    void aRuntimeWithoutTheModulesTheConsoleUsesIsNotChosen() {
        assertTrue(JavaRuntime.holdsWhatTheConsoleNeeds(release("25.0.3")));
        assertFalse(JavaRuntime.holdsWhatTheConsoleNeeds("JAVA_VERSION=\"25\"\nMODULES=\"java.base java.sql\"\n"));
        assertTrue(JavaRuntime.holdsWhatTheConsoleNeeds("JAVA_VERSION=\"25\"\n"), "one that does not say is believed");
    }

    @Test
    void aStartInJava17RunsItsCommandsInTheNewestJava25OrLaterInstalledBesideIt() throws IOException {
        Path jvm = Files.createDirectories(dir.resolve("jvm"));
        Path home17 = installed(jvm.resolve("java-17-openjdk-amd64"), release("17.0.15"), true);
        installed(jvm.resolve("temurin-25-jdk-amd64"), release("25.0.3"), true);
        installed(jvm.resolve("temurin-25.0.1"), release("25.0.1"), true);
        installed(jvm.resolve("jdk-26-without-java"), release("26"), false);
        installed(jvm.resolve("jdk-27-without-release"), null, true);
        installed(jvm.resolve("jdk-junk"), "JAVA_VERSION=\"banana\"\n", true);
        installed(jvm.resolve("java-21-openjdk-amd64"), release("21.0.5"), true);
        installed(jvm.resolve("jre-26-of-another-app"), "JAVA_VERSION=\"26\"\nMODULES=\"java.base java.logging\"\n",
                true);
        Files.writeString(jvm.resolve("README"), "not a runtime");
        JavaRuntime current = JavaRuntime.read(home17).orElseThrow();
        assertEquals(17, current.feature());
        assertFalse(current.hasAotCache());

        List<JavaRuntime> beside = JavaRuntime.installedBeside(home17);
        assertEquals(4, beside.size(), beside.toString());
        JavaRuntime chosen = JavaRuntime.newest(current, beside);
        assertEquals(jvm.resolve("temurin-25-jdk-amd64").toAbsolutePath(), chosen.home());
        assertEquals("25.0.3", chosen.version());
        assertTrue(chosen.hasAotCache());
        assertEquals(jvm.resolve("temurin-25-jdk-amd64/bin/java").toAbsolutePath(), chosen.java());
    }

    @Test
    void withoutAJava25BesideItTheCommandRunsInTheRuntimeTheUserStarted() throws IOException {
        Path jvm = Files.createDirectories(dir.resolve("jvm"));
        Path home17 = installed(jvm.resolve("java-17"), release("17.0.15"), true);
        installed(jvm.resolve("java-21"), release("21.0.5"), true);
        JavaRuntime current = JavaRuntime.read(home17).orElseThrow();
        assertEquals(current, JavaRuntime.newest(current, JavaRuntime.installedBeside(home17)));
        assertEquals(current, JavaRuntime.newest(current, List.of()));
    }

    @Test
    void onMacOsTheRuntimesAreTheBundlesBesideThisOne() throws IOException {
        Path machines = Files.createDirectories(dir.resolve("JavaVirtualMachines"));
        Path home17 = installed(machines.resolve("jdk-17.jdk/Contents/Home"), release("17.0.15"), true);
        installed(machines.resolve("temurin-25.jdk/Contents/Home"), release("25.0.3"), true);
        JavaRuntime chosen = JavaRuntime.newest(JavaRuntime.read(home17).orElseThrow(),
                JavaRuntime.installedBeside(home17));
        assertEquals(machines.resolve("temurin-25.jdk/Contents/Home").toAbsolutePath(), chosen.home());
    }

    @Test
    void theUserMayKeepTheCommandInThisRuntimeOrNameAnother() throws IOException {
        assertEquals(JavaRuntime.current(), JavaRuntime.forCommands("current"));
        Path other = installed(dir.resolve("jdk-25"), release("25.0.3"), true);
        assertEquals(other.toAbsolutePath(), JavaRuntime.forCommands(other.toString()).home());
        assertEquals(JavaRuntime.current(), JavaRuntime.forCommands(dir.resolve("no-such-jdk").toString()),
                "a home that is not a runtime leaves the command in this one");
    }
}
