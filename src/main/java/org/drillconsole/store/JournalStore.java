package org.drillconsole.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.model.journal.StepTiming;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The drill journal in an embedded H2 file. Every method that records something returns only after the
 * transaction is committed, and the URL carries {@code WRITE_DELAY=0}, so nothing a caller was told is
 * recorded is lost when the process is killed.
 */
public final class JournalStore implements AutoCloseable {

    private final Connection connection;
    private final String where;
    private final Clock clock;

    private JournalStore(Connection connection, String where, Clock clock) {
        this.connection = connection;
        this.where = where;
        this.clock = clock;
    }

    /** {@code $XDG_DATA_HOME/drill-console}, else {@code ~/.local/share/drill-console}. */
    public static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("drill-console");
    }

    /** {@code DIR/journal.mv.db}, created when missing. */
    public static JournalStore openIn(Path dataDir, Clock clock) throws JournalException {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new JournalException("cannot create the data directory " + dataDir + " ("
                    + org.drillconsole.model.FileErrors.reason(e) + ")", e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new JournalException("the data directory " + dataDir + " is read-only: the journal cannot be "
                    + "written there (choose another with --data-dir)", null);
        }
        return open("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("journal"),
                dataDir.resolve("journal.mv.db").toString(), clock);
    }

    /**
     * Any JDBC URL (for --db); an H2 URL gets {@code WRITE_DELAY=0}, {@code DB_CLOSE_ON_EXIT=FALSE} and
     * {@code TRACE_LEVEL_FILE=0} added when it lacks them.
     */
    public static JournalStore open(String jdbcUrl, String where, Clock clock) throws JournalException {
        String url = jdbcUrl;
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            url += jdbcUrl.toUpperCase().contains("WRITE_DELAY") ? "" : ";WRITE_DELAY=0";
            // Closed by the console, not by H2's own shutdown hook: an interrupted run still records its abort.
            url += jdbcUrl.toUpperCase().contains("DB_CLOSE_ON_EXIT") ? "" : ";DB_CLOSE_ON_EXIT=FALSE";
            // No journal.trace.db beside the journal: H2's errors reach the console as exceptions, said in words.
            // Work still under way when a window closed met the closed journal and left one behind.
            url += jdbcUrl.toUpperCase().contains("TRACE_LEVEL_FILE") ? "" : ";TRACE_LEVEL_FILE=0";
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, "sa", "");
        } catch (SQLException e) {
            throw new JournalException(explainOpening(e, where), e);
        }
        try {
            if (!atNewestSchema(connection)) {
                Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/journal")
                        .failOnMissingLocations(true).load().migrate();
            }
            connection.setAutoCommit(false);
            return new JournalStore(connection, where, clock);
        } catch (FlywayException | SQLException e) {
            closeQuietly(connection);
            throw new JournalException("the journal " + where + " cannot be prepared: " + firstLine(e)
                    + " (runs already recorded are left untouched)", e);
        }
    }

    /**
     * The newest migration in {@code db/journal} ({@code JournalStoreTest} keeps the two equal). A journal whose
     * history records it, and no failed migration, opens without Flyway: Flyway scans its class path, checks
     * every applied script and finds nothing to do, which took 0.6 - 0.9 s of a cold command's start
     * (docs/benchmarks.md). A new journal, an earlier version's and a half-migrated one go through Flyway.
     */
    static final String NEWEST_SCHEMA = "5";

    /** Whether Flyway's history in this database says every migration up to {@link #NEWEST_SCHEMA} succeeded. */
    static boolean atNewestSchema(Connection connection) {
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            boolean newest = false;
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                newest |= NEWEST_SCHEMA.equals(rows.getString(1));
            }
            return newest;
        } catch (SQLException e) {
            // No history yet (a new journal) or one this query cannot read: Flyway decides, and explains.
            return false;
        }
    }

    /** This workstation's name, for the team journal: the host name, as the operating system gives it. */
    public static final String WORKSTATION = workstationName();

    private static String workstationName() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = Files.readString(Path.of("/etc/hostname")).strip();
            } catch (java.io.IOException | RuntimeException e) {
                name = System.getenv("COMPUTERNAME");
            }
        }
        return name == null || name.isBlank() ? "workstation" : name.strip();
    }

    private volatile String workstation = WORKSTATION;

    /** Names the workstation runs are recorded by (default: the host name); for a shared machine or tests. */
    public JournalStore workstation(String name) {
        workstation = name;
        return this;
    }

    /** Records a new run and its STARTED event in one transaction. */
    public synchronized RunRecord startRun(NewRun run, String detail) throws JournalException {
        Instant now = now();
        // Run numbers are the highest plus one, in the same transaction: an identity column's cache would
        // skip numbers after a kill (1, 33, 65 …), which reads as missing runs. One console holds the file.
        try (PreparedStatement next = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM runs");
             PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO runs (id, drill_name, drill_title, drill_hash, strategy, mode, operator_name, primary_context,
                  primary_server, standby_context, standby_server, created_at, status, parameters, uid, workstation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            long id;
            try (ResultSet rows = next.executeQuery()) {
                rows.next();
                id = rows.getLong(1);
            }
            insert.setLong(1, id);
            insert.setString(2, run.drillName());
            insert.setString(3, run.drillTitle());
            insert.setString(4, run.drillHash());
            insert.setString(5, run.strategy());
            insert.setString(6, run.mode().name());
            insert.setString(7, run.operator());
            insert.setString(8, run.primaryContext());
            insert.setString(9, run.primaryServer());
            insert.setString(10, run.standbyContext());
            insert.setString(11, run.standbyServer());
            insert.setObject(12, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setString(13, RunStatus.RUNNING.name());
            insert.setString(14, RunJson.parameters(run.parameters()));
            String uid = java.util.UUID.randomUUID().toString();
            insert.setString(15, uid);
            insert.setString(16, workstation);
            insert.executeUpdate();
            insertEvent(id, now, new RunEvent.Started(run, detail));
            connection.commit();
            committed();
            return new RunRecord(id, run, now, RunStatus.RUNNING, null, null, uid, workstation);
        } catch (SQLException e) {
            throw failed("record the start of a run", e);
        }
    }

    /** A run and its events that the team journal does not have yet, in order. */
    public record Uncopied(RunRecord run, List<JournalEvent> events) {
    }

    private volatile Runnable onCommit = () -> { };

    /** Called after every commit (the team replicator copies the new events at once). */
    public void onCommit(Runnable listener) {
        onCommit = listener == null ? () -> { } : listener;
    }

    private void committed() {
        try {
            onCommit.run();
        } catch (RuntimeException ignored) {
            // a listener never takes a commit back
        }
    }

    /** Up to {@code limit} events not yet copied to the team journal, by run and sequence. */
    public synchronized List<Uncopied> uncopied(int limit) throws JournalException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT e.* FROM events e LEFT JOIN team_copied c ON c.run_id = e.run_id
                WHERE e.seq > COALESCE(c.copied_seq, 0) ORDER BY e.run_id, e.seq LIMIT ?""")) {
            query.setInt(1, limit);
            java.util.Map<Long, List<JournalEvent>> byRun = new java.util.LinkedHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byRun.computeIfAbsent(rows.getLong("run_id"), id -> new ArrayList<>()).add(event(rows));
                }
            }
            List<Uncopied> uncopied = new ArrayList<>();
            for (var entry : byRun.entrySet()) {
                try (PreparedStatement run = connection.prepareStatement("SELECT * FROM runs WHERE id = ?")) {
                    run.setLong(1, entry.getKey());
                    try (ResultSet rows = run.executeQuery()) {
                        rows.next();
                        uncopied.add(new Uncopied(run(rows), List.copyOf(entry.getValue())));
                    }
                }
            }
            connection.commit();
            return uncopied;
        } catch (SQLException e) {
            throw failed("read what the team journal does not have yet", e);
        }
    }

    /** How many events the team journal does not have yet. */
    public synchronized long uncopiedCount() throws JournalException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT COUNT(*) FROM events e LEFT JOIN team_copied c ON c.run_id = e.run_id
                WHERE e.seq > COALESCE(c.copied_seq, 0)""");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            long count = rows.getLong(1);
            connection.commit();
            return count;
        } catch (SQLException e) {
            throw failed("count what the team journal does not have yet", e);
        }
    }

    /** Notes that the team journal holds a run's events up to {@code seq}. */
    public synchronized void markCopied(long runId, int seq) throws JournalException {
        try (PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO team_copied (run_id, copied_seq) KEY (run_id) VALUES (?, ?)")) {
            merge.setLong(1, runId);
            merge.setInt(2, seq);
            merge.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            throw failed("note what the team journal holds", e);
        }
    }

    /** Appends one event; committed when this returns. */
    public synchronized JournalEvent append(long runId, RunEvent event) throws JournalException {
        try {
            JournalEvent row = insertEvent(runId, now(), event);
            connection.commit();
            committed();
            return row;
        } catch (SQLException e) {
            throw failed("record " + event.kind() + " of run " + runId, e);
        }
    }

    /**
     * Appends the run's SUMMARY (its measured figures) and its closing event, and sets its status, in one
     * transaction.
     *
     * @param outcome WITHIN_OBJECTIVE, OBJECTIVE_MISSED or null
     */
    public synchronized JournalEvent finish(long runId, RunEvent.Finished end, RunSummary summary)
            throws JournalException {
        RunStatus status = end.status();
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE runs SET status = ?, finished_at = ?, rto_ms = ?, rto_objective_ms = ?, rpo_ms = ?,
                  rpo_objective_ms = ?, human_ms = ?, cluster_ms = ?, cleanup_done = ?, standby_nodes = ?,
                  outage_start = ?, outage_source = ?, recovery_problem = ?
                WHERE id = ?""")) {
            Instant at = now();
            insertEvent(runId, at, new RunEvent.Summary(summary));
            JournalEvent event = insertEvent(runId, at, end);
            update.setString(1, status.name());
            update.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            setMillis(update, 3, summary.rto());
            setMillis(update, 4, summary.rtoObjective());
            setMillis(update, 5, summary.rpo());
            setMillis(update, 6, summary.rpoObjective());
            setMillis(update, 7, summary.humanTime());
            setMillis(update, 8, summary.clusterTime());
            update.setObject(9, summary.cleanupDone());
            update.setObject(10, summary.standbyNodes());
            update.setObject(11, summary.outageStart() == null ? null
                    : OffsetDateTime.ofInstant(summary.outageStart(), ZoneOffset.UTC));
            update.setString(12, summary.outageStartSource());
            update.setString(13, summary.recoveryProblem());
            update.setLong(14, runId);
            update.executeUpdate();
            connection.commit();
            committed();
            return event;
        } catch (SQLException e) {
            throw failed("record the end of run " + runId, e);
        }
    }

    private static void setMillis(PreparedStatement statement, int index, Duration value) throws SQLException {
        statement.setObject(index, value == null ? null : value.toMillis());
    }

    private JournalEvent insertEvent(long runId, Instant at, RunEvent event) throws SQLException {
        String kind = event.kind().name();
        String stepId = event.stepId();
        String outcome = event.outcome();
        String detail = EventCodec.encode(event);
        int seq = 1;
        String prev = EventChain.GENESIS;
        try (PreparedStatement last = connection.prepareStatement(
                "SELECT seq, hash FROM events WHERE run_id = ? ORDER BY seq DESC LIMIT 1")) {
            last.setLong(1, runId);
            try (ResultSet rows = last.executeQuery()) {
                if (rows.next()) {
                    seq = rows.getInt(1) + 1;
                    prev = rows.getString(2);
                }
            }
        }
        String hash = EventChain.hash(prev, runId, seq, at.toString(), kind, stepId, outcome, detail);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO events (run_id, seq, recorded_at, kind, step_id, outcome, detail, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, runId);
            insert.setInt(2, seq);
            insert.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.setString(4, kind);
            insert.setString(5, stepId);
            insert.setString(6, outcome);
            insert.setString(7, detail);
            insert.setString(8, prev);
            insert.setString(9, hash);
            insert.executeUpdate();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
        return new JournalEvent(runId, seq, at, kind, stepId, outcome, detail, prev, hash);
    }

    public synchronized List<RunRecord> runs() throws JournalException {
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT * FROM runs ORDER BY id")) {
            List<RunRecord> runs = new ArrayList<>();
            while (rows.next()) {
                runs.add(run(rows));
            }
            connection.commit();
            return runs;
        } catch (SQLException e) {
            throw failed("read the runs", e);
        }
    }

    public synchronized Optional<RunRecord> run(long runId) throws JournalException {
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM runs WHERE id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                Optional<RunRecord> run = rows.next() ? Optional.of(run(rows)) : Optional.empty();
                connection.commit();
                return run;
            }
        } catch (SQLException e) {
            throw failed("read run " + runId, e);
        }
    }

    /**
     * Which steps take longest, across every recorded run: from each STEP_STARTED to the STEP_FINISHED of
     * the same step in the same run, slowest on average first.
     *
     * @param drillName one runbook, or null for all
     */
    public synchronized List<StepTiming> stepTimings(String drillName) throws JournalException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT r.drill_name, s.step_id, COUNT(*) AS runs,
                  AVG(DATEDIFF('MILLISECOND', s.recorded_at, f.recorded_at)) AS average_ms,
                  MAX(DATEDIFF('MILLISECOND', s.recorded_at, f.recorded_at)) AS longest_ms
                FROM events s
                JOIN events f ON f.run_id = s.run_id AND f.step_id = s.step_id AND f.kind = 'STEP_FINISHED'
                  AND f.seq > s.seq
                JOIN runs r ON r.id = s.run_id
                WHERE s.kind = 'STEP_STARTED' AND (? IS NULL OR r.drill_name = ?)
                  AND NOT EXISTS (SELECT 1 FROM events x WHERE x.run_id = s.run_id AND x.step_id = s.step_id
                    AND x.kind = 'STEP_FINISHED' AND x.seq > s.seq AND x.seq < f.seq)
                GROUP BY r.drill_name, s.step_id
                ORDER BY average_ms DESC""")) {
            query.setString(1, drillName);
            query.setString(2, drillName);
            List<StepTiming> timings = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    timings.add(new StepTiming(rows.getString(1), rows.getString(2), rows.getInt(3),
                            Duration.ofMillis(rows.getLong(4)), Duration.ofMillis(rows.getLong(5))));
                }
            }
            connection.commit();
            return timings;
        } catch (SQLException e) {
            throw failed("read the step timings", e);
        }
    }

    /** Where the journal is, for messages. */
    public String where() {
        return where;
    }

    /** The newest run that never finished (the app was closed or killed during it). */
    public Optional<RunRecord> unfinishedRun() throws JournalException {
        List<RunRecord> runs = runs();
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (!runs.get(i).status().finished()) {
                return Optional.of(runs.get(i));
            }
        }
        return Optional.empty();
    }

    public synchronized List<JournalEvent> events(long runId) throws JournalException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT * FROM events WHERE run_id = ? ORDER BY seq")) {
            query.setLong(1, runId);
            List<JournalEvent> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows));
                }
            }
            connection.commit();
            return events;
        } catch (SQLException e) {
            throw failed("read the events of run " + runId, e);
        }
    }

    private static JournalEvent event(ResultSet rows) throws SQLException {
        return new JournalEvent(rows.getLong("run_id"), rows.getInt("seq"),
                rows.getObject("recorded_at", OffsetDateTime.class).toInstant(), rows.getString("kind"),
                rows.getString("step_id"), rows.getString("outcome"), rows.getString("detail"),
                rows.getString("prev_hash"), rows.getString("hash"));
    }

    private static RunRecord run(ResultSet rows) throws SQLException {
        NewRun run = new NewRun(rows.getString("drill_name"), rows.getString("drill_title"),
                rows.getString("drill_hash"), rows.getString("strategy"), RunMode.valueOf(rows.getString("mode")),
                rows.getString("operator_name"), rows.getString("primary_context"), rows.getString("primary_server"),
                rows.getString("standby_context"), rows.getString("standby_server"),
                RunJson.readParameterObject(rows.getString("parameters")));
        Instant finishedAt = instant(rows, "finished_at");
        RunSummary summary = finishedAt == null ? null : new RunSummary(millis(rows, "rto_ms"),
                millis(rows, "rto_objective_ms"), millis(rows, "rpo_ms"), millis(rows, "rpo_objective_ms"),
                millis(rows, "human_ms"), millis(rows, "cluster_ms"), rows.getObject("cleanup_done", Boolean.class),
                rows.getObject("standby_nodes", Integer.class), instant(rows, "outage_start"),
                rows.getString("outage_source"), rows.getString("recovery_problem"));
        return new RunRecord(rows.getLong("id"), run, instant(rows, "created_at"),
                RunStatus.valueOf(rows.getString("status")), finishedAt, summary, rows.getString("uid"),
                rows.getString("workstation"));
    }

    private static Duration millis(ResultSet rows, String column) throws SQLException {
        Long value = rows.getObject(column, Long.class);
        return value == null ? null : Duration.ofMillis(value);
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Microseconds are what the database keeps, so the hash is computed over exactly what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private JournalException failed(String what, SQLException e) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the message below says why
        }
        return new JournalException("could not " + what + " in the journal " + where + ": " + explain(e, where)
                + " (nothing already recorded was changed)", e);
    }

    /** H2's error codes in words that say what to do. */
    static String explain(SQLException e, String where) {
        return known(e, where).orElseGet(() -> h2Words(e));
    }

    /** Why the journal could not be opened: in the console's words when it knows the reason, else in H2's. */
    private static String explainOpening(SQLException e, String where) {
        return known(e, where).orElseGet(() -> "the journal " + where + " cannot be opened: " + h2Words(e));
    }

    private static Optional<String> known(SQLException e, String where) {
        // H2 reports a failed write as a general error; the operating system's reason is in the causes.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String text = String.valueOf(cause.getMessage());
            if (text.contains("No space left on device") || text.contains("Disk quota exceeded")) {
                return Optional.of("the disk holding the journal " + where + " is full: free some space, then resume "
                        + "the run (run --resume, or reopen the console)");
            }
            if (text.contains("Read-only file system")) {
                return Optional.of("the journal " + where + " is on a read-only file system");
            }
        }
        return switch (e.getErrorCode()) {
            case 90020 -> Optional.of("the journal " + where + " is in use by another DR Drill Console; close that "
                    + "one, or give this one another --data-dir");
            case 90028, 90030 -> Optional.of("the journal " + where + " is damaged or is not a journal file; it was "
                    + "left untouched: move it aside to start a new one");
            case 90097, 90098 -> Optional.of("the journal " + where + " is read-only or its disk is full ("
                    + h2Words(e) + ")");
            default -> Optional.empty();
        };
    }

    /** H2's own words, without the error code and build it appends ("[90113-252]"). */
    private static String h2Words(SQLException e) {
        String words = firstLine(e).replaceFirst("\\s*\\[\\d+-\\d+]\\s*$", "");
        return words.isEmpty() ? words : Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? "no reason given" : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing after a failure
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }
}
