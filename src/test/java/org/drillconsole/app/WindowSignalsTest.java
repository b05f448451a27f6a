package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowSignalsTest {

    @Test
    void aFirstSignalClosesTheWindowAndASecondAMomentLaterEndsTheCommandAtOnce() {
        AtomicInteger closes = new AtomicInteger();
        List<Integer> exits = new ArrayList<>();
        long[] now = {0};
        WindowSignals signals = new WindowSignals(closes::incrementAndGet, exits::add, () -> now[0]);
        assertTrue(signals.status().isEmpty(), "no signal, no status of its own");
        signals.received(15);
        assertEquals(1, closes.get());
        assertEquals(List.of(), exits, "the window closes itself, in its own time");
        assertEquals(143, signals.status().getAsInt());
        now[0] += 200_000_000L;
        signals.received(15);
        assertEquals(List.of(), exits, "the same signal passed on by the java -jar launcher is not a second one");
        now[0] += 1_500_000_000L;
        signals.received(2);
        assertEquals(1, closes.get());
        assertEquals(List.of(130), exits);
    }

    @Test
    void aWindowStoppedBySigtermClosesAsItsOwnCloseDoesWithoutAStackTrace(@TempDir Path dir) throws Exception {
        stopBySigterm(dir, Launcher.class, "journal looked at");
    }

    /**
     * A dialog waiting in its own event loop (the connection dialog, an alert) when the signal comes: it is
     * closed first. The toolkit stopped under it threw from the dialog's loop and crashed the JVM in GTK.
     */
    @Test
    void aWindowStoppedBySigtermWhileADialogWaitsClosesTheDialogFirst(@TempDir Path dir) throws Exception {
        stopBySigterm(dir, WithADialogOpen.class, WithADialogOpen.OPEN);
    }

    /** The real window, with a modal dialog opened over it once it is up. */
    static final class WithADialogOpen {

        static final String OPEN = "a dialog waits";

        public static void main(String[] args) {
            // Once the window is up and its journal open (its timing line, on this process's standard error).
            java.util.concurrent.CountDownLatch up = new java.util.concurrent.CountDownLatch(1);
            System.setErr(new java.io.PrintStream(System.err, true) {
                @Override
                public void println(String line) {
                    super.println(line);
                    if (line != null && line.contains("journal looked at")) {
                        up.countDown();
                    }
                }
            });
            Thread opener = new Thread(() -> {
                try {
                    up.await();
                    javafx.application.Platform.runLater(() -> {
                        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                                javafx.scene.control.Alert.AlertType.CONFIRMATION, "Waiting for an answer");
                        System.out.println(OPEN);
                        alert.showAndWait();
                    });
                } catch (InterruptedException | RuntimeException e) {
                    System.out.println("no dialog: " + e);
                }
            }, "dialog-opener");
            opener.setDaemon(true);
            opener.start();
            Launcher.main(args);
        }
    }

    private static void stopBySigterm(Path dir, Class<?> main, String signalAfter) throws Exception {
        Path settings = dir.resolve("settings.json");
        new org.drillconsole.store.SettingsStore(settings).save(new org.drillconsole.store.Settings(
                dir.resolve("none-1").toString(), "", dir.resolve("none-2").toString(), "", "gitpod", false));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Ddrillconsole.timing=true"));
        for (String property : List.of("glass.platform", "monocle.platform", "prism.order", "headless.geometry")) {
            command.add("-D" + property + "=" + System.getProperty(property));
        }
        command.addAll(List.of(main.getName(), "--settings", settings.toString(),
                "--data-dir", dir.resolve("data").toString()));
        ProcessBuilder window = new ProcessBuilder(command).redirectErrorStream(true);
        window.environment().remove("JAVA_TOOL_OPTIONS");
        window.environment().put("HOME", dir.toString());
        Process process = window.start();
        process.getOutputStream().close();
        StringBuilder out = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            boolean signalled = false;
            while ((line = lines.readLine()) != null) {
                out.append(line).append('\n');
                if (!signalled && line.contains(signalAfter)) {
                    process.toHandle().destroy(); // SIGTERM, leaving the output readable
                    signalled = true;
                }
            }
            assertTrue(signalled, "the window never came up: " + out);
        } finally {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertEquals(143, process.exitValue(), out.toString());
        assertFalse(out.toString().contains("Exception") || out.toString().contains("\tat "), "no stack trace: " + out);
        assertTrue(Files.isRegularFile(dir.resolve("window.json")), "the window's layout is kept: " + out);
        assertTrue(Files.isRegularFile(dir.resolve("data").resolve("journal.mv.db")), "the journal was opened");
    }
}
