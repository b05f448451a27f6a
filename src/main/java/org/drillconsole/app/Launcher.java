package org.drillconsole.app;

/**
 * Entry point of the jar. A plain class (not the JavaFX Application) so the app runs from the classpath;
 * with no arguments it opens the window, with a subcommand it runs headless.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // Every command, the window included, blocks until it is done; the mock servers' threads do not
        // stop by themselves, so leave explicitly.
        System.exit(Cli.commandLine(args).execute(args));
    }
}
