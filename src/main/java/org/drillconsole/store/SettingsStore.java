package org.drillconsole.store;

import java.io.IOException;
import java.nio.file.Path;
import org.drillconsole.model.Side;

/** Reads and writes {@link Settings} as JSON in the user's config directory, atomically. */
public final class SettingsStore {

    private final JsonFile<Settings> json;

    public SettingsStore(Path file) {
        this.json = new JsonFile<>(file, Settings.class);
    }

    /** {@code $XDG_CONFIG_HOME/drill-console/settings.json}, else {@code ~/.config/drill-console/settings.json}. */
    public static SettingsStore inUserConfigDir() {
        return new SettingsStore(JsonFile.inUserConfigDir("settings.json"));
    }

    public Path file() {
        return json.file();
    }

    /** The saved settings, or null when none were saved yet. */
    public Settings load() throws SettingsException {
        Settings settings;
        try {
            settings = json.load();
        } catch (IOException e) {
            throw unusable("cannot be read (" + why(e) + ")");
        }
        if (settings != null) {
            for (Side side : Side.values()) {
                notAPath(side.key(), settings.kubeconfig(side));
            }
        }
        return settings;
    }

    private SettingsException unusable(String why) {
        return new SettingsException("settings file " + file() + " " + why
                + "; the console starts on the practice clusters and will overwrite it when you choose clusters");
    }

    /** A kubeconfig path edited by hand that no file can have: said for its side, never thrown as Java's. */
    private void notAPath(String side, String kubeconfig) throws SettingsException {
        if (kubeconfig == null || kubeconfig.isBlank()) {
            return;
        }
        try {
            Path.of(kubeconfig);
        } catch (java.nio.file.InvalidPathException e) {
            // Control characters and halves of a character (no text can show them) as \\uXXXX.
            String shown = kubeconfig.codePoints().mapToObj(c -> Character.isISOControl(c)
                    || Character.getType(c) == Character.SURROGATE ? String.format("\\u%04x", c)
                    : Character.toString(c)).collect(java.util.stream.Collectors.joining());
            throw unusable("names a " + side + " kubeconfig that is not a file path (\"" + shown + "\": "
                    + (kubeconfig.indexOf('\0') >= 0 ? "a NUL character" : "not on this system") + ")");
        }
    }

    /** A file that is not the settings JSON it should be, or why it could not be read: in words. */
    private static String why(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            com.fasterxml.jackson.core.JsonLocation at = json.getLocation();
            return "not the settings it should be" + (at == null || at.getLineNr() < 1 ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
        }
        return org.drillconsole.model.FileErrors.reason(e);
    }

    public void save(Settings settings) throws SettingsException {
        try {
            json.save(settings);
        } catch (IOException e) {
            throw new SettingsException("cannot save settings to " + file() + ": " + e.getMessage());
        }
    }

    public static final class SettingsException extends Exception {
        public SettingsException(String message) {
            super(message);
        }
    }
}
