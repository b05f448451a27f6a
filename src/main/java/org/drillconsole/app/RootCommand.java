package org.drillconsole.app;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "drill-console", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        versionProvider = VersionProvider.class,
        description = {"Disaster-recovery drill console for self-hosted Gitpod.",
                "Without a subcommand it opens the window (on the practice clusters when none are configured)."})
public final class RootCommand implements Runnable {

    @Option(names = "--practice", description = "Open on the practice clusters even if real ones are configured.")
    boolean practice;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "Settings file (default: ~/.config/drill-console/settings.json).")
    Path settings;

    @Option(names = "--drills", paramLabel = "DIR",
            description = "Where the runbooks are (default: ./drills, else the ones installed with the console).")
    Path runbookDir;

    @Mixin
    JournalOptions journal;

    @Mixin
    TeamOptions team;

    /** The root command as picocli builds it from no arguments at all. */
    static RootCommand withDefaults() {
        RootCommand root = new RootCommand();
        root.journal = new JournalOptions();
        root.team = new TeamOptions();
        return root;
    }

    @Override
    public void run() {
        try {
            // --team-db, else the team database the settings name (read while the window's toolkit starts)
            int status = ConsoleApplication.launchWindow(new ConsoleApplication.StartOptions(practice, settings,
                    runbookDir != null ? runbookDir : defaultRunbookDir(), journal, team.database()));
            if (status != 0) {
                System.exit(status); // closed by a signal: the status of a process it stopped
            }
        } catch (org.drillconsole.store.TeamDatabase.TeamDbException e) {
            System.err.println("error: --team-db: " + e.getMessage());
            System.exit(Cli.USAGE);
        } catch (UnsupportedOperationException noWindowingSystem) {
            // JavaFX's own words ("Unable to open DISPLAY"), and what still works without a display.
            throw new IllegalStateException("cannot open the window: " + noWindowingSystem.getMessage()
                    + " (the subcommands need no display: drill-console --help)", noWindowingSystem);
        }
    }

    /**
     * {@code ./drills} when there is one (a checkout), else the runbooks installed beside the launcher
     * ({@code lib/app/drills} of a jpackage image, whose launcher sets {@code jpackage.app-path}).
     */
    static Path defaultRunbookDir() {
        Path here = Path.of("drills");
        String launcher = System.getProperty("jpackage.app-path");
        if (Files.isDirectory(here) || launcher == null) {
            return here;
        }
        Path installed = Path.of(launcher).toAbsolutePath().getParent().getParent().resolve("lib/app/drills");
        return Files.isDirectory(installed) ? installed : here;
    }
}
