package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Startup timing counts from when the process started, as the system recorded it. */
class StartupClockTest {

    /** A /proc/PID/stat line whose process started 298720 ticks (2987.20 s) after boot. */
    private static String stat(String name) {
        return "31072 (" + name + ") R 31067 31067 1165 0 -1 4194304 127 0 0 0 0 0 0 0 20 0 1 0 298720 3133440 390 "
                + "18446744073709551615 94471381512192 94471381532073 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n";
    }

    @Test
    void aProcessesAgeIsTheTimeSinceBootLessItsStartInHundredthsOfASecond() {
        assertEquals(OptionalLong.of(1_230), StartupClock.ageMillis(stat("java"), "2988.43 2636.08\n"));
        assertEquals(OptionalLong.of(0), StartupClock.ageMillis(stat("java"), "2987.20 2636.08\n"));
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesIsSkippedToItsLastParenthesis() {
        assertEquals(OptionalLong.of(1_230), StartupClock.ageMillis(stat("drill (console) 2"), "2988.43 1.0"));
    }

    @Test
    void linesThatDoNotReadAsProcessTimesGiveNoAge() {
        assertEquals(OptionalLong.empty(), StartupClock.ageMillis("", "2988.43 1.0"));
        assertEquals(OptionalLong.empty(), StartupClock.ageMillis("31072 (java) R 1 2 3", "2988.43 1.0"));
        assertEquals(OptionalLong.empty(), StartupClock.ageMillis(stat("java"), "soon"));
        assertEquals(OptionalLong.empty(), StartupClock.ageMillis(stat("java"), "100.00 1.0"),
                "a start after the time since boot is no age");
    }

    /**
     * Compared as ages, not as times of day: the system clock may be stepped while the tests run (a CI run's
     * virtual machine was paused and its clock moved 6 s ahead, and the times of day disagreed by that much).
     */
    @Test
    void thisProcessStartedBeforeItsJvmDidAndNotLongBefore() throws Exception {
        long jvmAge = ManagementFactory.getRuntimeMXBean().getUptime();
        if (Files.isReadable(Path.of("/proc/self/stat"))) {
            long processAge = StartupClock.ageMillis(Files.readString(Path.of("/proc/self/stat")),
                    Files.readString(Path.of("/proc/uptime"))).orElseThrow();
            // the launcher runs before the JVM records its start; 10 ms ticks on both readings
            assertTrue(processAge >= jvmAge - 20, "process " + processAge + " ms old, JVM " + jvmAge + " ms");
            assertTrue(processAge - jvmAge < 10_000, "process " + processAge + " ms old, JVM " + jvmAge + " ms");
        } else {
            assertEquals(ManagementFactory.getRuntimeMXBean().getStartTime(), StartupClock.processStarted()
                    .toEpochMilli(), "without /proc the JVM's own start stands in");
        }
    }
}
