package org.drillconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowStateStoreTest {

    @TempDir
    Path dir;

    @Test
    void remembersTheWindowAcrossStarts() {
        WindowStateStore store = new WindowStateStore(dir.resolve("window.json"));
        WindowState left = new WindowState(120, 40, 1300, 850, false, 0.45, 0.7, 0.3, "dark");
        assertNull(store.save(left));
        assertEquals(left, new WindowStateStore(dir.resolve("window.json")).load());
    }

    @Test
    void startsWithTheDefaultsWhenTheFileIsMissingDamagedOrAbsurd() throws Exception {
        Path file = dir.resolve("window.json");
        assertEquals(WindowState.DEFAULT, new WindowStateStore(file).load());
        Files.writeString(file, "{ not json");
        assertEquals(WindowState.DEFAULT, new WindowStateStore(file).load());
        Files.writeString(file, "{\"x\":0,\"y\":0,\"width\":3,\"height\":2}");
        assertEquals(WindowState.DEFAULT, new WindowStateStore(file).load(), "a 3x2 window would be invisible");
    }

    @Test
    void saysWhyTheLayoutCouldNotBeSaved() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where a directory should be");
        String problem = new WindowStateStore(blocked.resolve("window.json")).save(WindowState.DEFAULT);
        org.junit.jupiter.api.Assertions.assertTrue(problem.startsWith("cannot save the window layout to "), problem);
    }
}
