package org.drillconsole.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsSecondsMinutesHoursAndCombinations() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
    }

    @Test
    void refusesWordsAndBareNumbers() {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("30"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("5 minutes"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(""));
    }

    @Test
    void writesTheShortFormBack() {
        assertEquals("1m30s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("1h", Durations.format(Duration.ofHours(1)));
        assertEquals("0s", Durations.format(Duration.ZERO));
    }
}
