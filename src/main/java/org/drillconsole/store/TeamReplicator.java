package org.drillconsole.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.Words;

/**
 * Copies every run of the local journal to the team's PostgreSQL database, in order, idempotently, whenever
 * it can: right after each local commit, and every {@value #PERIOD_MS} ms otherwise. The local journal is
 * always written first and never waits for this; when the team database is down, events pile up locally
 * and are copied when it is back (after minutes or hours). A run is identified by its uid, an event by run
 * uid + sequence + hash: copying twice changes nothing, and an event the team database holds with another
 * hash is never overwritten (it is reported).
 */
public final class TeamReplicator implements AutoCloseable {

    static final long PERIOD_MS = 500;
    private static final int BATCH = 500;

    /** Where the copying stands, for the status bar and the command line. */
    public enum Health { CONNECTING, UP_TO_DATE, CATCHING_UP, UNREACHABLE, REFUSED }

    /**
     * @param pending events not copied yet
     * @param since when the team database stopped answering (UNREACHABLE, REFUSED), else when last up to date
     */
    public record State(Health health, long pending, Instant since, String message) {

        /**
         * In words, for people: "team database: catching up, 120 events to copy".
         *
         * @param time how a time is written for the reader (a local time to the second, on the screen and the
         *             terminal alike)
         */
        public String describe(java.util.function.Function<Instant, String> time) {
            return switch (health) {
                case CONNECTING -> "team database: connecting";
                case UP_TO_DATE -> "team database: connected, up to date";
                case CATCHING_UP -> "team database: catching up, " + Words.count(pending, "event") + " to copy";
                case UNREACHABLE -> "team database: unreachable since " + time.apply(since)
                        + (pending == 0 ? "" : ", " + Words.count(pending, "event") + " kept here until it answers")
                        + ": " + message;
                case REFUSED -> "team database: refused"
                        + (pending == 0 ? "" : ", " + Words.count(pending, "event") + " kept here")
                        + ": " + message;
            };
        }
    }

    private final JournalStore local;
    private final TeamDatabase team;
    private final Consumer<State> listener;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "team-replicator");
        t.setDaemon(true);
        return t;
    });
    private Connection connection;
    private volatile State state;
    private Instant failingSince;

    public TeamReplicator(JournalStore local, TeamDatabase team, Consumer<State> listener, Clock clock) {
        this.local = local;
        this.team = team;
        this.listener = listener;
        this.clock = clock;
        this.state = new State(Health.CONNECTING, 0, clock.instant(), "");
    }

    /** Starts copying in the background; every local commit nudges it. */
    public TeamReplicator start() {
        local.onCommit(this::nudge);
        thread.scheduleWithFixedDelay(this::cycle, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    public void nudge() {
        if (!thread.isShutdown()) {
            try {
                thread.execute(this::cycle);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // closing: the last cycle runs in close()
            }
        }
    }

    public State state() {
        return state;
    }

    /** Copies until nothing is pending or {@code timeout} passes; the state says how it ended. */
    public State flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            java.util.concurrent.Future<?> done = thread.submit(this::cycle);
            try {
                done.get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                break;
            }
            if (state.health() == Health.UP_TO_DATE || state.health() == Health.REFUSED) {
                break;
            }
            Thread.sleep(100);
        }
        return state;
    }

    /** One round: connect if needed, copy everything pending in batches. Never throws. */
    synchronized void cycle() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = team.connect();
            }
            while (true) {
                List<JournalStore.Uncopied> batch = local.uncopied(BATCH);
                if (batch.isEmpty()) {
                    failingSince = null;
                    publish(new State(Health.UP_TO_DATE, 0, clock.instant(), ""));
                    return;
                }
                for (JournalStore.Uncopied run : batch) {
                    copy(run);
                }
                long pending = local.uncopiedCount();
                publish(new State(pending == 0 ? Health.UP_TO_DATE : Health.CATCHING_UP, pending, clock.instant(), ""));
                if (pending == 0) {
                    failingSince = null;
                    return;
                }
            }
        } catch (TeamDatabase.TeamDbException e) {
            failed(e.refused() ? Health.REFUSED : Health.UNREACHABLE, e.getMessage());
        } catch (SQLException e) {
            TeamDatabase.TeamDbException explained = TeamDatabase.explain(e);
            failed(explained.refused() ? Health.REFUSED : Health.UNREACHABLE, explained.getMessage());
        } catch (JournalException e) {
            failed(Health.UNREACHABLE, "the local journal cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            failed(Health.UNREACHABLE, e.getMessage() == null ? "an unexpected failure" : e.getMessage());
        }
    }

    private void copy(JournalStore.Uncopied uncopied) throws SQLException, JournalException, TeamDatabase.TeamDbException {
        var run = uncopied.run();
        NewRun header = run.run();
        UUID uid = UUID.fromString(run.uid());
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO team_runs (uid, workstation, local_id, drill_name, drill_title, drill_hash, strategy, mode,
                  operator_name, primary_context, primary_server, standby_context, standby_server, parameters, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING""")) {
            insert.setObject(1, uid);
            insert.setString(2, run.workstation());
            insert.setLong(3, run.id());
            insert.setString(4, header.drillName());
            insert.setString(5, header.drillTitle());
            insert.setString(6, header.drillHash());
            insert.setString(7, header.strategy());
            insert.setString(8, header.mode().name());
            insert.setString(9, header.operator());
            insert.setString(10, header.primaryContext());
            insert.setString(11, header.primaryServer());
            insert.setString(12, header.standbyContext());
            insert.setString(13, header.standbyServer());
            insert.setString(14, RunJson.parameters(header.parameters()));
            insert.setTimestamp(15, Timestamp.from(run.createdAt()));
            insert.executeUpdate();
        }
        List<JournalEvent> events = uncopied.events();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO team_events (run_uid, seq, recorded_at, kind, step_id, outcome, detail, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_uid, seq) DO NOTHING""")) {
            for (JournalEvent e : events) {
                insert.setObject(1, uid);
                insert.setInt(2, e.seq());
                insert.setTimestamp(3, Timestamp.from(e.recordedAt()));
                insert.setString(4, e.kind());
                insert.setString(5, e.stepId());
                insert.setString(6, e.outcome());
                insert.setString(7, e.detail());
                insert.setString(8, e.prevHash());
                insert.setString(9, e.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // What the team database holds must be what was recorded here: an event there with another hash was
        // changed there, and is reported, never overwritten.
        Map<Integer, String> held = new HashMap<>();
        try (PreparedStatement check = connection.prepareStatement(
                "SELECT seq, hash FROM team_events WHERE run_uid = ? AND seq BETWEEN ? AND ?")) {
            check.setObject(1, uid);
            check.setInt(2, events.get(0).seq());
            check.setInt(3, events.get(events.size() - 1).seq());
            try (ResultSet rows = check.executeQuery()) {
                while (rows.next()) {
                    held.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        for (JournalEvent e : events) {
            if (!e.hash().equals(held.get(e.seq()))) {
                connection.rollback();
                throw new TeamDatabase.TeamDbException("the team database holds another event " + e.seq() + " of run "
                        + run.label() + " than this journal recorded: it was changed there; nothing was overwritten",
                        true, null);
            }
        }
        connection.commit();
        local.markCopied(run.id(), events.get(events.size() - 1).seq());
    }

    private void failed(Health health, String message) {
        closeConnection();
        if (failingSince == null) {
            failingSince = clock.instant();
        }
        long pending;
        try {
            pending = local.uncopiedCount();
        } catch (JournalException e) {
            pending = -1;
        }
        publish(new State(health, pending, failingSince, message));
    }

    private void publish(State next) {
        State previous = state;
        state = next;
        if (!next.equals(previous)) {
            listener.accept(next);
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is gone either way
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        local.onCommit(null);
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            closeConnection();
        }
    }
}
