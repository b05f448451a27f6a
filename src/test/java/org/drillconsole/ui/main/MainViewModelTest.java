package org.drillconsole.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.Side;
import org.drillconsole.model.Verdict;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.sandbox.SandboxOptions;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.SettingsStore;
import org.drillconsole.store.TeamDatabase;
import org.drillconsole.store.TeamReplicator;
import org.drillconsole.ui.RecordingDialogService;
import org.drillconsole.ui.TaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a pane has settled (the journal is looked at for an unfinished run only once both have), and a window
 * closed while it connects leaves nothing running.
 */
class MainViewModelTest {

    @TempDir
    Path dir;

    /**
     * Closing the window while it is still connecting: the connection finishes afterwards, and must close the
     * practice clusters and the monitors it opened itself (they used to keep probing, seen in a CI log).
     */
    @Test
    void aWindowClosedWhileItConnectsLeavesNoClustersOrMonitorsRunning() throws Exception {
        CountDownLatch starting = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        AtomicReference<PracticeClusters> started =
                new AtomicReference<>();
        BlockingQueue<Runnable> fxThread = new LinkedBlockingQueue<>();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        TaskExecutor executor = new TaskExecutor(fxThread::add);
        MainViewModel model = new MainViewModel(executor,
                new SettingsStore(dir.resolve("settings.json")),
                new RecordingDialogService(), () -> {
                    starting.countDown();
                    goOn.await();
                    started.set(PracticeClusters.start(dir.resolve("practice"),
                            SandboxOptions.defaults()));
                    return started.get();
                }, true, Path.of("src/test/resources/drills"),
                () -> JournalStore.openIn(dir.resolve("data"), Clock.systemUTC()));
        model.start(null, null);
        assertTrue(starting.await(10, TimeUnit.SECONDS), "the practice clusters are starting");
        model.close();
        goOn.countDown();
        for (int i = 0; i < 100 && started.get() == null; i++) {
            Thread.sleep(100);
        }
        URI server = URI.create(started.get().cluster(Side.PRIMARY).url());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        boolean answers = true;
        while (answers && System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 1000);
                Thread.sleep(100);
            } catch (IOException refused) {
                answers = false;
            }
        }
        assertFalse(answers, "the practice API server still answers at " + server + " 10 s after the window closed");
        List<String> running;
        do {
            Thread.sleep(100);
            running = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                    .map(Thread::getName).filter(n -> n.startsWith("probe-") || n.startsWith("backups-")).toList();
        } while (!running.isEmpty() && System.nanoTime() < deadline + Duration.ofSeconds(5).toNanos());
        assertEquals(List.of(), running, "monitors still running after the window closed");
        executor.close();
    }

    /**
     * The status bar's team database state is typed, not read back from its sentence, and changes only on the
     * FX thread (it was set from the thread that opened the journal).
     */
    @Test
    void anUnreachableTeamDatabaseShowsAsUnreachableAndChangesOnlyOnTheFxThread() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        BlockingQueue<Runnable> fxThread = new LinkedBlockingQueue<>();
        TaskExecutor executor = new TaskExecutor(fxThread::add);
        MainViewModel model = new MainViewModel(executor, new SettingsStore(dir.resolve("settings.json")),
                new RecordingDialogService(), () -> null, false, Path.of("src/test/resources/drills"),
                () -> JournalStore.openIn(dir.resolve("data"), Clock.systemUTC()),
                TeamDatabase.of("jdbc:postgresql://127.0.0.1:" + closedPort + "/drills?user=oncall", name -> null));
        Set<Thread> changedOn = java.util.concurrent.ConcurrentHashMap.newKeySet();
        model.teamHealthProperty().addListener((obs, old, now) -> changedOn.add(Thread.currentThread()));
        model.teamStatusProperty().addListener((obs, old, now) -> changedOn.add(Thread.currentThread()));
        try {
            model.history().refresh();
            List<TeamReplicator.Health> seen = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (model.teamHealthProperty().get() != TeamReplicator.Health.UNREACHABLE
                    && System.nanoTime() < deadline) {
                Runnable next = fxThread.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    next.run();
                    TeamReplicator.Health now = model.teamHealthProperty().get();
                    if (now != null && (seen.isEmpty() || seen.get(seen.size() - 1) != now)) {
                        seen.add(now);
                    }
                }
            }
            assertEquals(List.of(TeamReplicator.Health.CONNECTING, TeamReplicator.Health.UNREACHABLE), seen);
            assertEquals(Set.of(Thread.currentThread()), changedOn, "the thread that stands for the FX thread here");
            assertTrue(model.teamStatusProperty().get().startsWith("team database: unreachable since"),
                    model.teamStatusProperty().get());
            assertEquals("status-danger", MainView.teamStyle(TeamReplicator.Health.UNREACHABLE));
        } finally {
            model.close();
            executor.close();
        }
    }

    @Test
    void theTeamDatabaseStateIsWrittenWithTheReadersTimeAndNoZeroCounts() {
        Instant since = Instant.parse("2026-12-03T00:33:42.123456789Z");
        String down = new TeamReplicator.State(TeamReplicator.Health.UNREACHABLE, 0, since, "Connection refused")
                .describe(at -> "LOCAL(" + at + ")");
        assertEquals("team database: unreachable since LOCAL(2026-12-03T00:33:42.123456789Z): Connection refused", down);
        assertEquals("team database: refused, 3 events kept here: wrong password",
                new TeamReplicator.State(TeamReplicator.Health.REFUSED, 3, since, "wrong password").describe(at -> "x"));
    }

    @Test
    void theTeamDatabaseIsGreenOnlyWhenUpToDate() {
        for (TeamReplicator.Health health : TeamReplicator.Health.values()) {
            assertEquals(health == TeamReplicator.Health.UP_TO_DATE, MainView.teamStyle(health).equals("status-success"),
                    health.toString());
        }
    }

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    static ClusterSnapshot snapshot(ConnectionState state, boolean objectsKnown) {
        return new ClusterSnapshot(Side.PRIMARY, "ctx", "https://k", "gitpod", state, "", Verdict.UNKNOWN, List.of(),
                5, "v1.32.4", NOW, objectsKnown, true, List.of(), List.of(), List.of(), List.of(), "", 0, List.of(),
                NOW, List.of(), null);
    }

    @Test
    void aPaneWithNoSnapshotYetOrStillConnectingHasNotSettled() {
        assertFalse(MainViewModel.settled(null));
        assertFalse(MainViewModel.settled(snapshot(ConnectionState.CONNECTING, false)));
    }

    @Test
    void aClusterThatAnswersHasSettledOnceItsObjectsAreListed() {
        for (ConnectionState answering : List.of(ConnectionState.ONLINE, ConnectionState.DEGRADED)) {
            assertFalse(MainViewModel.settled(snapshot(answering, false)), answering + " before the lists");
            assertTrue(MainViewModel.settled(snapshot(answering, true)), answering + " with the objects");
        }
    }

    @Test
    void aClusterThatDoesNotAnswerHasSettledAtOnce() {
        for (ConnectionState state : ConnectionState.values()) {
            if (state != ConnectionState.CONNECTING && !state.answers()) {
                assertTrue(MainViewModel.settled(snapshot(state, false)), state.toString());
            }
        }
    }

    /**
     * The window's first frame says which clusters are about to be reached before anything is reached: real
     * settings as real, and the practice clusters when nothing was saved or the settings could not be read.
     */
    @Test
    void theFirstFrameAnnouncesTheClustersBeforeAnyIsReached() {
        BlockingQueue<Runnable> fxThread = new LinkedBlockingQueue<>();
        TaskExecutor executor = new TaskExecutor(fxThread::add);
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        MainViewModel model = new MainViewModel(executor, new SettingsStore(dir.resolve("settings.json")),
                new RecordingDialogService(), () -> {
                    throw new AssertionError("announcing must not start the practice clusters");
                }, false, Path.of("src/test/resources/drills"),
                () -> JournalStore.openIn(dir.resolve("data"), Clock.systemUTC()));
        org.drillconsole.store.Settings real = new org.drillconsole.store.Settings("/k/primary", "", "/k/standby", "",
                "gitpod", false);

        model.announce(real, null);
        assertEquals("REAL CLUSTERS: actions affect production", model.bannerProperty().get());
        assertFalse(model.practiceProperty().get());
        assertEquals("connecting…", model.statusProperty().get());
        assertEquals(real, model.settingsProperty().get());

        model.announce(real, "settings.json line 2: not JSON");
        assertTrue(model.practiceProperty().get(), "unreadable settings fall back to the practice clusters");
        assertTrue(model.bannerProperty().get().startsWith("PRACTICE CLUSTERS"), model.bannerProperty().get());

        model.announce(null, null);
        assertTrue(model.practiceProperty().get(), "nothing saved: the practice clusters");
        assertEquals("starting the practice clusters…", model.statusProperty().get());

        assertTrue(fxThread.isEmpty(), "nothing was queued for later: " + fxThread);
        assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .map(Thread::getName).filter(n -> n.startsWith("probe-") || n.startsWith("ui-background")).toList(),
                "announcing started no work");
        model.close();
        executor.close();
    }

    /** A Gitpod URL edited into the settings by hand, which the connection dialog would refuse: said, not probed. */
    @Test
    void aGitpodUrlInTheSettingsThatIsNoneIsSaidOnItsSidesLineAndNotProbed() throws Exception {
        BlockingQueue<Runnable> fxThread = new LinkedBlockingQueue<>();
        TaskExecutor executor = new TaskExecutor(fxThread::add);
        MainViewModel model = new MainViewModel(executor, new SettingsStore(dir.resolve("settings.json")),
                new RecordingDialogService(), () -> null, false, Path.of("src/test/resources/drills"),
                () -> JournalStore.openIn(dir.resolve("data"), Clock.systemUTC()));
        try {
            model.connect(new org.drillconsole.store.Settings(dir.resolve("p.kubeconfig").toString(), "",
                    dir.resolve("s.kubeconfig").toString(), "", "gitpod", false, null, "ftp://gitpod.example.com",
                    "https://oncall:hunter2@gitpod.example.com"));
            assertEquals("ftp://gitpod.example.com · not probed: the Gitpod URL in the settings must start with "
                    + "http:// or https:// (File > Connect to clusters…)", model.primary().gitpodProperty().get());
            assertEquals(org.drillconsole.ui.cluster.ClusterPaneViewModel.GitpodStanding.NOT_A_URL,
                    model.standby().gitpodStandingProperty().get());
            assertFalse(model.standby().gitpodProperty().get().contains("hunter2"),
                    model.standby().gitpodProperty().get());
        } finally {
            model.close();
            executor.close();
        }
    }

    /** The window reads kubeconfigs ahead only where its start will connect to them. */
    @Test
    void kubeconfigsAreReadAheadOnlyForSavedSettingsOfRealClustersThatTheStartWillUse() {
        org.drillconsole.store.Settings saved = new org.drillconsole.store.Settings(
                dir.resolve("primary.yaml").toString(), "", dir.resolve("standby.yaml").toString(), "", "gitpod", false,
                null);
        assertTrue(MainViewModel.readAhead(saved, null, false) != null);
        assertEquals(null, MainViewModel.readAhead(null, null, false), "nothing saved: the practice clusters");
        assertEquals(null, MainViewModel.readAhead(saved, "unreadable settings", false), "the practice clusters");
        assertEquals(null, MainViewModel.readAhead(saved, null, true), "--practice");
        assertEquals(null, MainViewModel.readAhead(org.drillconsole.store.Settings.practice(), null, false));
        org.drillconsole.store.Settings notAPath = new org.drillconsole.store.Settings("primary\u0000.yaml", "",
                dir.resolve("standby.yaml").toString(), "", "gitpod", false, null);
        assertEquals(null, MainViewModel.readAhead(notAPath, null, false), "a settings file edited by hand");
    }
}
