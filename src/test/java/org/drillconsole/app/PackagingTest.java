package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Linux package's menu entry and terminal command start the app the same way. */
class PackagingTest {

    private static final Path RESOURCES = Path.of("packaging/linux/resources");

    @Test
    void theMenuEntryStartsTheScriptTheTerminalCommandLinksTo() throws IOException {
        List<String> entry = Files.readAllLines(RESOURCES.resolve("drill-console.desktop"));
        List<String> exec = entry.stream().filter(line -> line.startsWith("Exec=")).toList();
        assertEquals(1, exec.size(), "one Exec line in the desktop entry");

        Matcher link = Pattern.compile("ln -sf (\\S+) /usr/bin/drill-console")
                .matcher(Files.readString(RESOURCES.resolve("postinst")));
        assertTrue(link.find(), "postinst links /usr/bin/drill-console");
        assertEquals("Exec=" + link.group(1), exec.get(0));
        assertTrue(link.group(1).endsWith("/lib/app/drill-console.sh"),
                "the script the package copies beside the jar: " + link.group(1));
    }

    @Test
    void theMenuEntryKeepsJpackagesNameIconAndCategories() throws IOException {
        String entry = Files.readString(RESOURCES.resolve("drill-console.desktop"));
        for (String line : List.of("[Desktop Entry]", "Name=APPLICATION_NAME", "Icon=APPLICATION_ICON",
                "Categories=DEPLOY_BUNDLE_CATEGORY", "Type=Application", "Terminal=false")) {
            assertTrue(entry.lines().anyMatch(line::equals), "the desktop entry has " + line);
        }
    }
}
