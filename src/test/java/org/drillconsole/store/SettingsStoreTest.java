package org.drillconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void remembersKubeconfigPathsAndContextsBetweenRuns() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("config").resolve("settings.json"));
        assertNull(store.load(), "nothing saved yet");
        Settings saved = new Settings("/home/oncall/.kube/prod", "prod-eu", "/home/oncall/.kube/prod", "prod-us",
                "gitpod", false);
        store.save(saved);
        assertEquals(saved, new SettingsStore(store.file()).load());
    }

    @Test
    void remembersEachSidesGitpodUrlAndReadsAnEarlierFileWithoutThem() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Settings saved = new Settings("/k/prod", "eu", "/k/dr", "us", "gitpod", false, null,
                "https://gitpod.example.com/api/version", "https://dr.gitpod.example.com/api/version");
        store.save(saved);
        assertEquals(saved, new SettingsStore(store.file()).load());

        Path earlier = Files.writeString(dir.resolve("earlier.json"), "{\"primaryKubeconfig\":\"/k/prod\","
                + "\"primaryContext\":\"eu\",\"standbyKubeconfig\":\"/k/dr\",\"standbyContext\":\"us\","
                + "\"namespace\":\"gitpod\",\"usePractice\":false}");
        Settings read = new SettingsStore(earlier).load();
        assertNull(read.gitpodUrl(org.drillconsole.model.Side.PRIMARY));
        assertEquals("/k/dr", read.standbyKubeconfig());
    }

    @Test
    void explainsACorruptSettingsFileByName() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.json"), "{ not json");
        String message = assertThrows(SettingsStore.SettingsException.class, () -> new SettingsStore(file).load())
                .getMessage();
        assertTrue(message.contains(file.toString()) && message.contains("practice clusters"), message);
    }

    @Test
    void aSettingsFileThatIsNotJsonOrCannotBeReadIsExplainedInWordsNamingIt() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"primaryKubeconfig\": [1,\n");
        SettingsStore.SettingsException notJson = assertThrows(
                SettingsStore.SettingsException.class, () -> new SettingsStore(broken).load());
        assertTrue(notJson.getMessage().contains(broken.toString()), notJson.getMessage());
        assertTrue(notJson.getMessage().contains("line "), notJson.getMessage());
        Path folder = Files.createDirectories(dir.resolve("folder.json"));
        SettingsStore.SettingsException unreadable = assertThrows(
                SettingsStore.SettingsException.class, () -> new SettingsStore(folder).load());
        for (SettingsStore.SettingsException e : List.of(notJson, unreadable)) {
            assertFalse(e.getMessage().matches("(?s).*\\b[A-Z]\\w*(Exception|Error)\\b.*"),
                    "no Java class name: " + e.getMessage());
        }
    }

    @Test
    void aKubeconfigPathNoFileCanHaveIsSaidForItsSideWithItsCharactersShown() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.json"), "{\"primaryKubeconfig\": \"/tmp/a\\u0000b\", "
                + "\"standbyKubeconfig\": \"/tmp\", \"namespace\": \"gitpod\", \"usePractice\": false}");
        String message = assertThrows(SettingsStore.SettingsException.class, () -> new SettingsStore(file).load())
                .getMessage();
        assertTrue(message.contains(file.toString()) && message.contains("primary kubeconfig")
                && message.contains("/tmp/a\\u0000b") && message.contains("NUL") && message.contains("practice"), message);
        assertFalse(message.contains("\0") || message.contains("Nul character not allowed"), message);
    }
}
