package org.drillconsole.app;

import java.nio.file.Path;
import java.util.List;

/**
 * Makes a command's AOT cache from its training run's configuration, in a JVM of its own that the
 * {@code java -jar} start does not wait for ({@link FastStart}): the cache is made, checked by a JVM that must
 * map it, and only then put where the next start looks for it. Started by FastStart only, with its output
 * discarded; a cache that cannot be made leaves nothing behind, and the next start trains again.
 *
 * <p>Usage: {@code AotCacheMaker COMMAND SAME-BUILD RUNTIME-HOME FEATURE VERSION CONFIGURATION CACHE JAR}.
 */
final class AotCacheMaker {

    private AotCacheMaker() {
    }

    static List<String> arguments(String command, String sameBuild, JavaRuntime runtime, Path configuration,
                                  Path cache, Path jar) {
        return List.of(command, sameBuild, runtime.home().toString(), Integer.toString(runtime.feature()),
                runtime.version(), configuration.toString(), cache.toString(), jar.toString());
    }

    public static void main(String[] args) {
        if (args.length != 8) {
            System.err.println("usage: AotCacheMaker COMMAND SAME-BUILD RUNTIME-HOME FEATURE VERSION CONFIGURATION"
                    + " CACHE JAR");
            System.exit(Cli.USAGE);
        }
        JavaRuntime runtime = new JavaRuntime(Path.of(args[2]), Integer.parseInt(args[3]), args[4]);
        FastStart.keep(args[0], args[1], runtime, Path.of(args[5]), Path.of(args[6]), Path.of(args[7]));
    }
}
