package org.drillconsole.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * When the user's command started, for the startup timing the benchmarks read ({@code -Ddrillconsole.timing=true}).
 *
 * <p>A JVM's own start time ({@code RuntimeMXBean.getStartTime()}) is taken once the launcher has loaded the
 * JVM and, with a class-data archive or an AOT cache, mapped it: measured on two cores, 0.09 s after the
 * command without a cache and 0.22 s after it with the window's AOT cache, time the user waits and the
 * figures left out. The system knows when the process started: on Linux its start in {@code /proc/self/stat}
 * and the time since boot in {@code /proc/uptime}, both counted in hundredths of a second since boot, give its
 * age to about 20 ms (the absolute start the JDK derives from them is up to a second off: the boot time it
 * adds is whole seconds). A script that {@code exec}s the JVM, as the package's terminal command does, keeps
 * its process, so its own time counts too. Elsewhere the JVM's start time stands in.
 */
final class StartupClock {

    /** Linux reports process times in USER_HZ, 100 per second on every architecture it exports them for. */
    private static final int TICKS_PER_SECOND = 100;

    private StartupClock() {
    }

    /** When the user's command started: passed on by a {@code java -jar} start's first JVM, else this process's start. */
    static Instant commandStarted() {
        Long launchedAt = Long.getLong(FastStart.LAUNCHED_AT);
        return launchedAt != null ? Instant.ofEpochMilli(launchedAt) : processStarted();
    }

    /** When this process started, from the system where it says, else the JVM's own start. */
    static Instant processStarted() {
        long now = System.currentTimeMillis();
        try {
            OptionalLong age = ageMillis(Files.readString(Path.of("/proc/self/stat")),
                    Files.readString(Path.of("/proc/uptime")));
            if (age.isPresent()) {
                return Instant.ofEpochMilli(now - age.getAsLong());
            }
        } catch (IOException | RuntimeException notLinux) {
            // no /proc: the JVM's own start
        }
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /**
     * A process's age in milliseconds from its {@code /proc/PID/stat} line and {@code /proc/uptime}, or empty
     * when they do not read as such. The command's name (the second field, in parentheses) may hold spaces
     * and parentheses itself: the fields are counted after its last closing parenthesis.
     */
    static OptionalLong ageMillis(String stat, String uptime) {
        int nameEnd = stat.lastIndexOf(')');
        String[] fields = stat.substring(nameEnd + 1).trim().split("\\s+");
        String[] sinceBoot = uptime.trim().split("\\s+");
        // after the name: state is field 3, starttime field 22
        if (nameEnd < 0 || fields.length < 20 || !fields[19].matches("\\d{1,18}")
                || !sinceBoot[0].matches("\\d{1,12}(\\.\\d{1,9})?")) {
            return OptionalLong.empty();
        }
        long startedMillis = Long.parseLong(fields[19]) * 1000 / TICKS_PER_SECOND;
        long uptimeMillis = new java.math.BigDecimal(sinceBoot[0]).movePointRight(3).longValue();
        return uptimeMillis >= startedMillis ? OptionalLong.of(uptimeMillis - startedMillis) : OptionalLong.empty();
    }
}
