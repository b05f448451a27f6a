package org.drillconsole.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.Settings;
import org.drillconsole.store.SettingsStore;
import org.drillconsole.ui.RecordingDialogService;
import org.drillconsole.ui.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/** The first frame: which clusters these are, both sides connecting, in the theme the window opens in. */
@ExtendWith(ApplicationExtension.class)
class StartingViewTest {

    @TempDir
    Path dir;
    final TaskExecutor executor = new TaskExecutor(new LinkedBlockingQueue<Runnable>()::add);
    MainViewModel model;

    @AfterEach
    void close() {
        model.close();
        executor.close();
    }

    private MainViewModel model() {
        model = new MainViewModel(executor, new SettingsStore(dir.resolve("settings.json")),
                new RecordingDialogService(), () -> {
                    throw new AssertionError("the first frame starts no practice clusters");
                }, false, Path.of("src/test/resources/drills"),
                () -> JournalStore.openIn(dir.resolve("data"), Clock.systemUTC()));
        return model;
    }

    @Test
    void realClustersAreAnnouncedAsRealWithBothSidesConnecting() {
        MainViewModel starting = model();
        starting.announce(new Settings("/k/p", "", "/k/s", "", "gitpod", false), null);
        StartingView view = new StartingView(starting, false);

        Label banner = (Label) ((javafx.scene.layout.VBox) view.getTop()).getChildren().get(1);
        assertEquals("REAL CLUSTERS: actions affect production", banner.getText());
        assertTrue(banner.getStyleClass().contains("banner-real"), banner.getStyleClass().toString());
        assertEquals(List.of("Primary", "connecting…", "Standby", "connecting…"), texts(view.getCenter()));
        assertEquals("connecting…", ((Label) view.getBottom()).getText());
        assertTrue(view.getStylesheets().isEmpty(), "light: no dark stylesheet");
    }

    @Test
    void thePracticeClustersAreAnnouncedAsPracticeInTheDarkTheme() {
        MainViewModel starting = model();
        starting.announce(null, null);
        StartingView view = new StartingView(starting, true);

        Label banner = (Label) ((javafx.scene.layout.VBox) view.getTop()).getChildren().get(1);
        assertTrue(banner.getText().startsWith("PRACTICE CLUSTERS"), banner.getText());
        assertTrue(banner.getStyleClass().contains("banner-practice"), banner.getStyleClass().toString());
        assertFalse(banner.getStyleClass().contains("banner-real"));
        assertTrue(view.getStylesheets().stream().anyMatch(sheet -> sheet.endsWith("console-dark.css")),
                view.getStylesheets().toString());
    }

    private static List<String> texts(Node node) {
        return node.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList();
    }
}
