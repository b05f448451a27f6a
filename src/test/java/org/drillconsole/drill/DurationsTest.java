package org.drillconsole.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsHoursMinutesAndSeconds() {
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
    }

    @Test
    void refusesADurationTooLongForAnyDrillInsteadOfOverflowing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("99999999999h"));
        assertTrue(e.getMessage().contains("longer than 720h"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("9".repeat(400) + "s"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("700h1440m"));
    }

    @Test
    void refusesWhatIsNotADuration() {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("five minutes"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("5m5m"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(""));
    }

    @Test
    void refusesBareNumbers() {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("30"));
    }

    @Test
    void writesTheShortFormBack() {
        assertEquals("1m30s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("1h", Durations.format(Duration.ofHours(1)));
        assertEquals("0s", Durations.format(Duration.ZERO));
    }
}
