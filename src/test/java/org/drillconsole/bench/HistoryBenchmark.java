package org.drillconsole.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.report.HistoryExport;
import org.drillconsole.report.ReportFiles;
import org.drillconsole.report.ReportFormat;
import org.drillconsole.report.Reports;
import org.drillconsole.report.RunReport;
import org.drillconsole.store.JournalStore;
import org.drillconsole.ui.RecordingDialogService;
import org.drillconsole.ui.TaskExecutor;
import org.drillconsole.ui.history.HistoryView;
import org.drillconsole.ui.history.HistoryViewModel;

/**
 * The history with 1,000 stored runs: the history view from refresh to the table painted (headless Monocle),
 * CSV and HTML export of all runs, and one run's PDF. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.drillconsole.bench.HistoryBenchmark}.
 */
public final class HistoryBenchmark {

    private static final int RUNS = 1000;
    private static final int ROUNDS = 5;

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1600x1200-32");
        Path dir = Files.createTempDirectory("history-bench");
        long seeding = System.nanoTime();
        HistorySeed.seed(dir.resolve("data"), RUNS);
        System.out.printf("seeded %d runs in %d ms (%d KB journal)%n", RUNS, ms(seeding),
                Files.size(dir.resolve("data").resolve("journal.mv.db")) / 1024);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false); // each round closes its window; the toolkit must outlive it
        List<Long> open = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            open.add(openHistoryView(dir.resolve("data")));
        }
        report("history view, refresh to 1,000 rows painted", open, 1000);

        try (JournalStore store = JournalStore.openIn(dir.resolve("data"), Clock.systemUTC())) {
            List<Long> csv = new ArrayList<>();
            List<Long> html = new ArrayList<>();
            List<Long> pdf = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                long t = System.nanoTime();
                List<RunRecord> runs = store.runs();
                ReportFiles.write(dir.resolve("history.csv"), out -> HistoryExport.csv(runs, out));
                csv.add(ms(t));
                t = System.nanoTime();
                List<RunRecord> again = store.runs();
                ReportFiles.write(dir.resolve("history.html"), out -> HistoryExport.html(again, "all runs", out));
                html.add(ms(t));
                t = System.nanoTime();
                RunReport report = Reports.load(store, 500, Clock.systemUTC());
                ReportFiles.write(dir.resolve("run.pdf"), out -> ReportFormat.PDF.write(report, out));
                pdf.add(ms(t));
            }
            report("CSV export of 1,000 runs (read + write)", csv, 2000);
            report("HTML export of 1,000 runs (read + write)", html, 2000);
            report("PDF of one run (read + lay out + write)", pdf, 2000);
            System.out.printf("sizes: CSV %d KB, HTML %d KB, PDF %d KB%n", Files.size(dir.resolve("history.csv")) / 1024,
                    Files.size(dir.resolve("history.html")) / 1024, Files.size(dir.resolve("run.pdf")) / 1024);
        }
        Platform.exit();
        System.exit(0);
    }

    /** From {@code refresh()} to the first pulse after the table holds every run, on a freshly opened journal. */
    private static long openHistoryView(Path data) throws Exception {
        TaskExecutor executor = new TaskExecutor();
        JournalStore[] store = new JournalStore[1];
        HistoryViewModel model = new HistoryViewModel(executor, () -> {
            if (store[0] == null) {
                store[0] = JournalStore.openIn(data, Clock.systemUTC());
            }
            return store[0];
        }, new RecordingDialogService(), Clock.systemUTC());
        CountDownLatch painted = new CountDownLatch(1);
        AtomicLong took = new AtomicLong();
        Stage[] stage = new Stage[1];
        Platform.runLater(() -> {
            HistoryView view = new HistoryView(model, new RecordingDialogService());
            stage[0] = new Stage();
            stage[0].setScene(new Scene(view, 1280, 800));
            stage[0].show();
            view.applyCss(); // creates the skins, so the split pane's table can be looked up
            @SuppressWarnings("unchecked")
            TableView<RunRecord> table = (TableView<RunRecord>) view.lookup("#historyTable");
            long start = System.nanoTime();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (table.getItems().size() == RUNS) {
                        took.set(ms(start));
                        stop();
                        painted.countDown();
                    }
                }
            }.start();
            model.refresh();
        });
        if (!painted.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("the history view did not fill in 60 s: " + model.messageProperty().get());
        }
        Platform.runLater(() -> stage[0].close());
        executor.close();
        if (store[0] != null) {
            store[0].close();
        }
        return took.get();
    }

    private static void report(String what, List<Long> millis, long target) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("%-48s first %5d ms, median %5d ms, max %5d ms (target %d ms)%n", what, millis.get(0),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), target);
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
