package org.drillconsole.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop prefers a dark theme. JavaFX 21 cannot tell, so ask the desktop itself: GNOME's
 * color-scheme or GTK_THEME on Linux, AppsUseLightTheme on Windows, AppleInterfaceStyle on macOS. Anything
 * that does not answer within a second means light.
 */
final class SystemTheme {

    private SystemTheme() {
    }

    static boolean prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return ask("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme").matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0\\b.*");
        }
        if (os.contains("mac")) {
            return ask("defaults", "read", "-g", "AppleInterfaceStyle").trim().equalsIgnoreCase("dark");
        }
        String gtkTheme = System.getenv("GTK_THEME");
        if (gtkTheme != null && gtkTheme.toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        return ask("gsettings", "get", "org.gnome.desktop.interface", "color-scheme").contains("prefer-dark");
    }

    private static String ask(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // the tool is not installed: no preference
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
