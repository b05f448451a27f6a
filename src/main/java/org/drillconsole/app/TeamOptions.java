package org.drillconsole.app;

import org.drillconsole.store.TeamDatabase;
import picocli.CommandLine.Option;

/** The team database: the same option for every command that uses it. */
final class TeamOptions {

    /** The team database URL when no option gives one. */
    static final String URL_VARIABLE = "DRILL_CONSOLE_TEAM_DB";

    @Option(names = "--team-db", paramLabel = "JDBC_URL",
            description = "The team's PostgreSQL journal (default: $" + URL_VARIABLE + "), e.g."
                    + " jdbc:postgresql://db:5432/drills?user=oncall&sslmode=verify-full. The password comes from"
                    + " ~/.pgpass, PGPASSFILE or $" + TeamDatabase.PASSWORD_VARIABLE + ", never from the URL.")
    String url;

    /** Where variables are read; tests give their own (the process environment cannot be set in-process). */
    static java.util.function.Function<String, String> environment = System::getenv;

    /** The team database, or null when none is configured. */
    TeamDatabase database() throws TeamDatabase.TeamDbException {
        String chosen = url != null ? url : environment.apply(URL_VARIABLE);
        return chosen == null || chosen.isBlank() ? null : TeamDatabase.of(chosen.strip(), environment);
    }
}
