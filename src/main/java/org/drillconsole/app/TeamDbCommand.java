package org.drillconsole.app;

import java.util.concurrent.Callable;
import org.drillconsole.store.TeamDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = TeamDbCommand.NAME, mixinStandardHelpOptions = true, description = "The team's PostgreSQL journal.",
        subcommands = TeamDbCommand.Init.class)
final class TeamDbCommand {

    /** The subcommand's name, as typed (Cli finds the command for the arguments by it). */
    static final String NAME = "team-db";

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Create or upgrade the team journal's tables and roles (drill_console_writer: INSERT and"
                    + " SELECT only; drill_console_reader: SELECT). Run it once, as the database's owner.",
                    "Exit codes: 0 ready, 2 the database refused or did not answer, 64 usage error."})
    static final class Init implements Callable<Integer> {

        @Mixin
        TeamOptions team;

        @Override
        public Integer call() {
            try {
                TeamDatabase database = team.database();
                if (database == null) {
                    System.err.println("error: give --team-db JDBC_URL (or set " + TeamOptions.URL_VARIABLE + ")");
                    return Cli.USAGE;
                }
                database.migrate();
                System.out.println("team journal ready at " + database.url());
                return 0;
            } catch (TeamDatabase.TeamDbException e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
        }
    }
}
