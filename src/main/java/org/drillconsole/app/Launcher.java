package org.drillconsole.app;

import java.util.OptionalInt;

/**
 * Entry point of the jar. A plain class (not the JavaFX Application) so the app runs from the classpath;
 * with no arguments it opens the window, with a subcommand it runs headless.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // `java -jar` starts the command in a tuned second JVM (FastStart) and leaves with its status.
        OptionalInt relaunched = FastStart.relaunch(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        // The second JVM of a `java -jar` start ends with the first, even when that one is killed outright.
        FastStart.followLauncher();
        // Every command, the window included, blocks until it is done; the mock servers' threads do not
        // stop by themselves, so leave explicitly. The desktop entry and the bare command open the window
        // without picocli's model.
        System.exit(args.length == 0 ? Cli.openTheWindow() : Cli.commandLine(args).execute(args));
    }
}
