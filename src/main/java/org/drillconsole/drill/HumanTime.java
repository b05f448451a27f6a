package org.drillconsole.drill;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times and durations the way people write and read them, for the window and the terminal: "13:05",
 * "13:05 UTC", "15m ago", "1 hour ago", an ISO time; shown back as local times to the second and durations
 * as {@code 4m 05s}. Reports keep ISO UTC. Pure functions of the text, the current time and the zone.
 */
public final class HumanTime {

    /** What the examples in every message say. */
    public static final String EXAMPLES = "write e.g. 13:05, 13:05 UTC, 15m ago, 1h30m ago or 2026-12-01T13:05:00Z";

    private static final Pattern AGO = Pattern.compile(
            "(?i)\\s*((?:\\d+\\s*(?:h|hours?|hrs?|m|min|mins|minutes?|s|sec|secs|seconds?)\\s*)+)(?:ago)?\\s*");
    private static final Pattern PART = Pattern.compile(
            "(?i)(\\d+)\\s*(h|hours?|hrs?|m|min|mins|minutes?|s|sec|secs|seconds?)");
    private static final Pattern CLOCK = Pattern.compile(
            "(?i)\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(utc|z|gmt|[+-]\\d{2}:?\\d{2})?\\s*");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter LOCAL_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private HumanTime() {
    }

    /**
     * @param at the instant understood
     * @param echo how it was understood, to be shown before it is used ("13:05:00 local (12:05:00 UTC), 55m ago")
     */
    public record Understood(Instant at, String echo) {
    }

    /**
     * A time in the past as a person wrote it. A clock time without a date is today's, or yesterday's when
     * today's is still to come (a backup, an outage start, a first alert lie in the past).
     *
     * @throws IllegalArgumentException saying what was not understood, with examples
     */
    public static Understood parse(String text, Instant now, ZoneId zone) {
        String written = text == null ? "" : text.strip();
        if (written.isEmpty()) {
            throw new IllegalArgumentException("no time given: " + EXAMPLES);
        }
        Instant at = null;
        if (written.equalsIgnoreCase("now")) {
            at = now;
        }
        Matcher ago = AGO.matcher(written);
        if (at == null && ago.matches()) {
            Duration age = Duration.ZERO;
            Matcher part = PART.matcher(ago.group(1));
            while (part.find()) {
                if (part.group(1).length() > 6) {
                    throw new IllegalArgumentException("\"" + written + "\" is too long ago: " + EXAMPLES);
                }
                long n = Long.parseLong(part.group(1));
                char unit = Character.toLowerCase(part.group(2).charAt(0));
                age = age.plus(unit == 'h' ? Duration.ofHours(n) : unit == 'm' ? Duration.ofMinutes(n)
                        : Duration.ofSeconds(n));
            }
            at = now.minus(age);
        }
        Matcher clock = CLOCK.matcher(written);
        if (at == null && clock.matches()) {
            int hour = Integer.parseInt(clock.group(1));
            int minute = Integer.parseInt(clock.group(2));
            int second = clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3));
            if (hour > 23 || minute > 59 || second > 59) {
                throw new IllegalArgumentException("\"" + written + "\" is not a time of day: " + EXAMPLES);
            }
            ZoneId in = clock.group(4) == null ? zone : clock.group(4).matches("(?i)utc|z|gmt") ? ZoneOffset.UTC
                    : ZoneOffset.of(clock.group(4).length() == 5 ? clock.group(4).substring(0, 3) + ":"
                    + clock.group(4).substring(3) : clock.group(4));
            LocalDate today = now.atZone(in).toLocalDate();
            ZonedDateTime candidate = ZonedDateTime.of(today, LocalTime.of(hour, minute, second), in);
            if (candidate.toInstant().isAfter(now.plusSeconds(60))) {
                candidate = candidate.minusDays(1);
            }
            at = candidate.toInstant();
        }
        if (at == null) {
            at = iso(written, zone);
        }
        if (at == null) {
            throw new IllegalArgumentException("\"" + written + "\" is not a time I understand: " + EXAMPLES);
        }
        if (at.isAfter(now.plusSeconds(60))) {
            throw new IllegalArgumentException(localDay(at, zone) + " is in the future: give a time that has passed");
        }
        return new Understood(at, echo(at, now, zone));
    }

    private static Instant iso(String written, ZoneId zone) {
        String normal = written.replace(' ', 'T').toUpperCase(Locale.ROOT);
        try {
            return Instant.parse(normal);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(normal).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(normal).atZone(zone).toInstant();
                } catch (DateTimeParseException notLocal) {
                    return null;
                }
            }
        }
    }

    /** "13:05:00 local (12:05:00 UTC), 55m 00s ago". */
    public static String echo(Instant at, Instant now, ZoneId zone) {
        Duration age = Duration.between(at, now);
        return localDay(at, zone) + " local (" + LOCAL.format(at.atZone(ZoneOffset.UTC)) + " UTC), "
                + (age.isNegative() || age.isZero() ? "now" : duration(age) + " ago");
    }

    /** A local date and time to the second: "2026-12-03 13:05:09". */
    public static String localDay(Instant at, ZoneId zone) {
        return LOCAL_DAY.format(at.atZone(zone));
    }

    /** A local time of day to the second: "13:05:09". */
    public static String localTime(Instant at, ZoneId zone) {
        return LOCAL.format(at.atZone(zone));
    }

    /** A duration as people read it: "45s", "4m 05s", "1h 02m 05s"; never nanoseconds. */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.truncatedTo(ChronoUnit.SECONDS).getSeconds());
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0) {
            return String.format("%dh %02dm %02ds", h, m, s);
        }
        if (m > 0) {
            return String.format("%dm %02ds", m, s);
        }
        return s + "s";
    }
}
