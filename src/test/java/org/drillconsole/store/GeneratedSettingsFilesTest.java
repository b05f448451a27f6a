package org.drillconsole.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings files edited by hand, generated: every field given values of the wrong kind and strange text, and
 * whole files cut short or with bytes that are not UTF-8. Each loads as settings whose kubeconfig paths are paths,
 * or is refused in words naming the file (the window then starts on the practice clusters); never a Java class
 * name, never a character that would not show.
 */
class GeneratedSettingsFilesTest {

    private static final List<String> FIELDS = List.of("primaryKubeconfig", "primaryContext", "standbyKubeconfig",
            "standbyContext", "namespace", "usePractice", "teamDb", "primaryGitpodUrl", "standbyGitpodUrl");

    private static final List<String> VALUES = List.of("null", "12", "-1.5e300", "true", "[]", "{}", "[\"a\"]",
            "{\"a\": 1}", "\"\"", "\" \"", "\"\\u0000\"", "\"/tmp/a\\u0000b\"", "\"\\ud800\"", "\"/tmp/\\udfff.yaml\"",
            "\"~/.kube/config\"", "\"../../etc/passwd\"", "\"C:\\\\Users\\\\me\\\\config\"", "\"\\u202egnp.exe\"",
            "\"😀/config\"", "\"" + "x".repeat(5000) + "\"", "\"/tmp\"", "\"\\t\\n\"", "\"gitpod\"", "\"GITPOD!\"",
            "\"jdbc:postgresql://h/db?password=secret\"", "\"http://[::1\"", "false", "0", "\"a\\\\\"");

    @TempDir
    Path dir;

    @Test
    void generatedSettingsFilesLoadWithUsablePathsOrAreRefusedInWordsNamingTheFile() throws Exception {
        Random random = new Random(20261203);
        for (int i = 0; i < 400; i++) {
            byte[] bytes = settingsFile(random);
            Path file = dir.resolve("settings-" + i + ".json");
            Files.write(file, bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            String what = "file " + i + ": " + text.substring(0, Math.min(300, text.length()));
            try {
                Settings loaded = new SettingsStore(file).load();
                if (loaded != null) {
                    for (String path : new String[] {loaded.primaryKubeconfig(), loaded.standbyKubeconfig()}) {
                        if (path != null && !path.isBlank()) {
                            Path.of(path); // throws when it is no path: the store should have refused it
                        }
                    }
                    loaded.namespaceOrDefault();
                }
            } catch (SettingsStore.SettingsException refused) {
                String message = refused.getMessage();
                assertTrue(message.contains(file.toString()), what + " -> " + message);
                assertFalse(message.matches("(?s).*\\b[a-z]+\\.[a-z]+\\.[A-Z]\\w*.*|.*\\b\\w+(Exception|Error)\\b.*"),
                        "no Java class name: " + what + " -> " + message);
                assertTrue(message.codePoints().noneMatch(c -> Character.isISOControl(c)
                        || Character.getType(c) == Character.SURROGATE),
                        "every character shows: " + what + " -> " + message);
                assertFalse(message.contains("secret"), "no password: " + message);
            } catch (RuntimeException e) {
                fail(what + " -> " + e);
            }
        }
    }

    private static byte[] settingsFile(Random random) {
        StringBuilder json = new StringBuilder("{");
        for (String field : FIELDS) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            String value = random.nextBoolean() ? VALUES.get(random.nextInt(VALUES.size())) : usual(field);
            json.append(json.length() > 1 ? ", " : "").append('"').append(field).append("\": ").append(value);
        }
        byte[] bytes = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(6)) {
            case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)); // cut short
            case 1 -> { // a byte that is not UTF-8 somewhere
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
                yield bytes;
            }
            case 2 -> { // a byte-order mark
                byte[] marked = new byte[bytes.length + 3];
                marked[0] = (byte) 0xEF;
                marked[1] = (byte) 0xBB;
                marked[2] = (byte) 0xBF;
                System.arraycopy(bytes, 0, marked, 3, bytes.length);
                yield marked;
            }
            default -> bytes;
        };
    }

    private static String usual(String field) {
        return switch (field) {
            case "usePractice" -> "false";
            case "namespace" -> "\"gitpod\"";
            case "teamDb" -> "\"\"";
            case "primaryGitpodUrl", "standbyGitpodUrl" -> "\"https://gitpod.example.com\"";
            default -> field.endsWith("Kubeconfig") ? "\"/home/oncall/.kube/" + field + "\"" : "\"\"";
        };
    }
}
