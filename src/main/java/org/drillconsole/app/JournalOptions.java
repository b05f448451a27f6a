package org.drillconsole.app;

import java.nio.file.Path;
import java.time.Clock;
import org.drillconsole.store.JournalException;
import org.drillconsole.store.JournalStore;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where the journal is: the same two options for every command that reads or writes it. */
final class JournalOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the journal is kept (default: ~/.local/share/drill-console).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL", converter = JournalUrl.class,
            description = "Another journal database, an H2 URL such as jdbc:h2:/srv/drills/journal (overrides "
                    + "--data-dir).")
    String db;

    /**
     * The journal is an H2 database: another URL would meet JDBC's "No suitable driver found" or H2's own words
     * with an error code, and a password in it would be repeated in every message that names the journal.
     */
    static final class JournalUrl implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.startsWith("jdbc:h2:") || value.length() == "jdbc:h2:".length()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a journal database: the journal "
                        + "is H2, as in jdbc:h2:/srv/drills/journal (the team's PostgreSQL database is --team-db)");
            }
            if (value.matches("(?is).*;\\s*password\\s*=.*")) { // H2's setting; a folder may well be called so
                throw new CommandLine.TypeConversionException("the journal URL carries a password: the journal opens "
                        + "without one; remove it");
            }
            return value;
        }
    }

    JournalStore open() throws JournalException {
        if (db != null) {
            return JournalStore.open(db, db, Clock.systemUTC());
        }
        return JournalStore.openIn(dataDir != null ? dataDir : JournalStore.defaultDataDir(), Clock.systemUTC());
    }
}
