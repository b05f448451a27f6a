package org.drillconsole.app;

import java.util.OptionalInt;

/**
 * Entry point of the jar. A plain class (not the JavaFX Application) so the app runs from the classpath;
 * with no arguments it opens the window, with a subcommand it runs headless.
 */
public final class Launcher {

    /** picocli's switch that turns its Groovy support off. */
    private static final String PICOCLI_CLOSURES = "picocli.disable.closures";

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
        // picocli looks for Groovy's Closure class on the class path at its first use, for Groovy scripts'
        // annotations; a class not found costs a search of the jar and an exception (~20 ms cold). None here.
        if (System.getProperty(PICOCLI_CLOSURES) == null) {
            System.setProperty(PICOCLI_CLOSURES, "true");
        }
        // Every command, the window included, blocks until it is done; the mock servers' threads do not
        // stop by themselves, so leave explicitly. The desktop entry and the bare command open the window
        // without picocli's model.
        System.exit(args.length == 0 ? Cli.openTheWindow() : Cli.commandLine(args).execute(args));
    }
}
