package org.drillconsole.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanTimeTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin"); // UTC+1 in December

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "15m ago | 2026-12-01T11:45:00Z",
            "15m | 2026-12-01T11:45:00Z",
            "1h30m ago | 2026-12-01T10:30:00Z",
            "2 hours ago | 2026-12-01T10:00:00Z",
            "10 minutes ago | 2026-12-01T11:50:00Z",
            "90s ago | 2026-12-01T11:58:30Z",
            "12:05 | 2026-12-01T11:05:00Z",
            "12:05:30 | 2026-12-01T11:05:30Z",
            "11:05 UTC | 2026-12-01T11:05:00Z",
            "11:05Z | 2026-12-01T11:05:00Z",
            "13:05 +02:00 | 2026-12-01T11:05:00Z",
            "23:50 | 2026-11-30T22:50:00Z",
            "2026-12-01T09:00:00Z | 2026-12-01T09:00:00Z",
            "2026-12-01 10:00 | 2026-12-01T09:00:00Z",
            "now | 2026-12-01T12:00:00Z",
    })
    void understandsTimesTheWayPeopleWriteThem(String written, String expected) {
        assertEquals(Instant.parse(expected), HumanTime.parse(written, NOW, BERLIN).at());
    }

    @Test
    void echoesWhatItUnderstoodInLocalTimeAndUtc() {
        assertEquals("2026-12-01 12:05:00 local (11:05:00 UTC), 55m 00s ago",
                HumanTime.parse("12:05", NOW, BERLIN).echo());
    }

    @ParameterizedTest(name = "answer {index}: {0}")
    @CsvSource(delimiter = '|', value = {
            "'' | no time given",
            "yesterday-ish | is not a time I understand",
            "25:00 | is not a time of day",
            "2026-12-02T09:00:00Z | is in the future",
            "9999999h ago | too long ago",
    })
    void saysWhatItDidNotUnderstandWithExamples(String written, String words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HumanTime.parse(written, NOW, BERLIN));
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void writesDurationsWithoutNanoseconds() {
        assertEquals("45s", HumanTime.duration(Duration.ofMillis(45_900)));
        assertEquals("4m 05s", HumanTime.duration(Duration.ofSeconds(245)));
        assertEquals("1h 02m 05s", HumanTime.duration(Duration.ofSeconds(3725)));
    }
}
