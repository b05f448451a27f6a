package org.drillconsole.app;

import java.util.OptionalInt;

/**
 * Entry point of the jar. A plain class (not the JavaFX Application) so the app runs from the classpath;
 * with no arguments it opens the window, with a subcommand it runs headless.
 */
public final class Launcher {

    /** SLF4J's provider in the jar (slf4j-simple). */
    static final String LOGGING_PROVIDER = "org.slf4j.simple.SimpleServiceProvider";

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
        // SLF4J finds its logger by searching the class path for service files (~20 ms before the first
        // request to a cluster); it is named here instead (CliTest keeps the name right). Its note that
        // it was named is not for users; its warnings still are.
        Cli.setUnlessGiven("slf4j.provider", LOGGING_PROVIDER);
        Cli.setUnlessGiven("slf4j.internal.verbosity", "WARN");
        // Every command, the window included, blocks until it is done; the mock servers' threads do not
        // stop by themselves, so leave explicitly. The desktop entry and the bare command open the window
        // without picocli's model.
        System.exit(args.length == 0 ? Cli.openTheWindow() : Cli.commandLine(args).execute(args));
    }
}
