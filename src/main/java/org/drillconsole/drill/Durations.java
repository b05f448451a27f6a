package org.drillconsole.drill;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as runbooks write them: {@code 30s}, {@code 5m}, {@code 1h}, {@code 1h30m}. */
public final class Durations {

    private static final Pattern FORMAT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Durations() {
    }

    /** @throws IllegalArgumentException with the accepted format when the text is not a duration */
    public static Duration parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || text.isBlank() || !m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration (write e.g. 30s, 5m, 1h or 1h30m)");
        }
        return Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2))).plusSeconds(number(m.group(3)));
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
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
