package org.drillconsole.app;

import java.nio.file.Path;
import java.time.Clock;
import org.drillconsole.store.JournalException;
import org.drillconsole.store.JournalStore;
import picocli.CommandLine.Option;

/** Where the journal is: the same two options for every command that reads or writes it. */
final class JournalOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the journal is kept (default: ~/.local/share/drill-console).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Another journal database (overrides --data-dir).")
    String db;

    JournalStore open() throws JournalException {
        if (db != null) {
            return JournalStore.open(db, db, Clock.systemUTC());
        }
        return JournalStore.openIn(dataDir != null ? dataDir : JournalStore.defaultDataDir(), Clock.systemUTC());
    }
}
