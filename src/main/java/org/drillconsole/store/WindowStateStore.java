package org.drillconsole.store;

import java.io.IOException;
import java.nio.file.Path;

/** Keeps {@link WindowState} in {@code window.json} beside the settings; a bad file means the defaults. */
public final class WindowStateStore {

    private final JsonFile<WindowState> json;

    public WindowStateStore(Path file) {
        this.json = new JsonFile<>(file, WindowState.class);
    }

    public static WindowStateStore inUserConfigDir() {
        return new WindowStateStore(JsonFile.inUserConfigDir("window.json"));
    }

    /** The saved state, or the defaults when none was saved or the file cannot be read. */
    public WindowState load() {
        try {
            WindowState saved = json.load();
            return saved == null || saved.width() < 200 || saved.height() < 150 ? WindowState.DEFAULT : saved;
        } catch (IOException e) {
            return WindowState.DEFAULT;
        }
    }

    /** @return null when saved, else why not (the window closes anyway) */
    public String save(WindowState state) {
        try {
            json.save(state);
            return null;
        } catch (IOException e) {
            return "cannot save the window layout to " + json.file() + ": " + e.getMessage();
        }
    }
}
