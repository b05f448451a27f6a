package org.drillconsole.drill;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as runbooks write them: {@code 30s}, {@code 5m}, {@code 1h}, {@code 1h30m}. */
public final class Durations {

    private static final Pattern FORMAT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    /** Longer than any drill: a bound that keeps arithmetic far from overflow. */
    public static final Duration LONGEST = Duration.ofDays(30);

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException with the accepted format when the text is not a duration, or it is
     *                                  longer than {@link #LONGEST}
     */
    public static Duration parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || text.isBlank() || !m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration (write e.g. 30s, 5m, 1h or 1h30m)");
        }
        Duration total = Duration.ZERO;
        long[] unit = {3600, 60, 1};
        for (int g = 1; g <= 3; g++) {
            String digits = m.group(g);
            if (digits == null) {
                continue;
            }
            String trimmed = digits.replaceFirst("^0+(?=\\d)", "");
            if (trimmed.length() > 7 || total.plusSeconds(Long.parseLong(trimmed) * unit[g - 1]).compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException("\"" + text + "\" is longer than " + format(LONGEST)
                        + " (" + LONGEST.toDays() + " days), the longest duration a runbook may give");
            }
            total = total.plusSeconds(Long.parseLong(trimmed) * unit[g - 1]);
        }
        return total;
    }

    /** The short form back: 90 s is "1m30s". */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 != 0 || text.length() == 0) {
            text.append(seconds % 60).append('s');
        }
        return text.toString();
    }
}
