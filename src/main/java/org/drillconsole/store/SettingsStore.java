package org.drillconsole.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes {@link Settings} as JSON in the user's config directory, atomically. */
public final class SettingsStore {

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** {@code $XDG_CONFIG_HOME/drill-console/settings.json}, else {@code ~/.config/drill-console/settings.json}. */
    public static SettingsStore inUserConfigDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new SettingsStore(base.resolve("drill-console").resolve("settings.json"));
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or null when none were saved yet. */
    public Settings load() throws SettingsException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return mapper.readValue(file.toFile(), Settings.class);
        } catch (IOException e) {
            throw new SettingsException("settings file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "); the console starts on the practice clusters and will overwrite it when you choose clusters");
        }
    }

    public void save(Settings settings) throws SettingsException {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            mapper.writeValue(temp.toFile(), settings);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SettingsException("cannot save settings to " + file + ": " + e.getMessage());
        }
    }

    public static final class SettingsException extends Exception {
        public SettingsException(String message) {
            super(message);
        }
    }
}
