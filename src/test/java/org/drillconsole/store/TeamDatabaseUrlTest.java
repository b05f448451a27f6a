package org.drillconsole.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A team database URL the driver cannot read is refused when it is given, in the driver's words, without a
 * word on the terminal: accepted, it made the driver warn twice a second while the console tried to copy runs.
 */
class TeamDatabaseUrlTest {

    private static final String GOOD = "jdbc:postgresql://db.example.com:5432/drills?user=oncall&sslmode=verify-full";

    @Test
    void aUrlTheDriverCannotReadIsRefusedInItsWordsAndNothingIsLogged() {
        List<String> logged = new ArrayList<>();
        Handler listen = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(listen);
        try {
            for (String[] bad : new String[][] {
                    {"jdbc:postgresql://db example.com/drills", "the host \"db example.com\" is not a host name"},
                    {"jdbc:postgresql://team-db.internal:5432", "must contain a / at the end of the host or port"},
                    {"jdbc:postgresql://team-db.internal:99999/drills", "99999"},
                    {"jdbc:postgresql://team-db.internal:port/drills", "port"}}) {
                TeamDatabase.TeamDbException e = assertThrows(TeamDatabase.TeamDbException.class,
                        () -> TeamDatabase.of(bad[0], name -> null), bad[0]);
                assertTrue(e.getMessage().startsWith("the team database URL cannot be read: ")
                        && e.getMessage().contains(bad[1]), e.getMessage());
                assertFalse(e.getMessage().contains(bad[0]), "the URL said twice: " + e.getMessage());
            }
        } finally {
            root.removeHandler(listen);
        }
        assertTrue(logged.isEmpty(), "logged: " + logged);
        assertDoesNotThrow(() -> TeamDatabase.of(GOOD, name -> null));
        assertDoesNotThrow(() -> TeamDatabase.of("jdbc:postgresql://[::1]:5432/drills?user=oncall", name -> null));
    }

    /** A user and password before the host (user:password@host) are refused without a word of the password. */
    @Test
    void aUserAndPasswordBeforeTheHostAreRefusedAndThePasswordIsNeverRepeated() {
        for (String url : new String[] {"jdbc:postgresql://oncall:s3cret@db.example.com:5432/drills",
                "jdbc:postgresql://oncall:s3cret@db.example.com/drills", "jdbc:postgresql://oncall:s3cret@db.example.com"}) {
            TeamDatabase.TeamDbException e = assertThrows(TeamDatabase.TeamDbException.class,
                    () -> TeamDatabase.of(url, name -> null), url);
            assertTrue(e.getMessage().contains("carries a password"), e.getMessage());
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        }
        TeamDatabase.TeamDbException user = assertThrows(TeamDatabase.TeamDbException.class,
                () -> TeamDatabase.of("jdbc:postgresql://oncall@db.example.com/drills", name -> null));
        assertTrue(user.getMessage().contains("?user=NAME"), user.getMessage());
    }

    /** Whatever is typed after the scheme: accepted, or refused in words; never another failure. */
    @Test
    void everyMutationOfAGoodUrlIsReadOrRefusedInWords() {
        Random random = new Random(14);
        String alphabet = " /:?&=@[]%#.\\\t-_0123456789abcXYZé";
        int refused = 0;
        for (int i = 0; i < 400; i++) {
            StringBuilder url = new StringBuilder(GOOD);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = "jdbc:postgresql://".length() + random.nextInt(url.length() - "jdbc:postgresql://".length());
                switch (random.nextInt(3)) {
                    case 0 -> url.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> url.deleteCharAt(Math.min(at, url.length() - 1));
                    default -> url.setCharAt(Math.min(at, url.length() - 1),
                            alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            try {
                TeamDatabase.of(url.toString(), name -> null);
            } catch (TeamDatabase.TeamDbException e) {
                refused++;
                assertTrue(e.getMessage().startsWith("the team database"), url + ": " + e.getMessage());
                assertFalse(e.getMessage().contains("Exception"), url + ": " + e.getMessage());
            }
        }
        assertTrue(refused > 0, "no mutation was refused: the check cannot fail");
    }
}
