package org.drillconsole.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What was built, and when: written into {@code build.properties} by Maven, read once. A build from an IDE
 * without resource filtering says "development build".
 */
public record BuildInfo(String version, String builtAt) {

    private static final BuildInfo CURRENT = load();

    public static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/drillconsole/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unreadable build stamp is not worth failing for
        }
        String version = properties.getProperty("version", "");
        String built = properties.getProperty("built", "");
        return new BuildInfo(version.isEmpty() || version.startsWith("${") ? "development build" : version,
                built.isEmpty() || built.startsWith("${") ? "unknown" : built);
    }

    /** "0.1.0 (built 2026-11-25T05:00:00Z), Java 17.0.15, JavaFX 21.0.11" */
    public String describe(String javaFxVersion) {
        return version + " (built " + builtAt + "), Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.vendor", "?") + "), JavaFX " + javaFxVersion;
    }
}
