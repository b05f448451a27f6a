package org.drillconsole.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.RunSummary;

/**
 * The team's history as the team database holds it: every workstation's runs, with their workstation and
 * operator, and each run's events exactly as recorded where it ran (so a report of it verifies with the same
 * chain head). A run without a closing event is still running (or its workstation has not copied the rest).
 */
public final class TeamHistory implements AutoCloseable {

    private final Connection connection;

    private TeamHistory(Connection connection) {
        this.connection = connection;
    }

    public static TeamHistory open(TeamDatabase team) throws TeamDatabase.TeamDbException {
        return new TeamHistory(team.connect());
    }

    /** Every run, newest first. */
    public List<RunRecord> runs() throws TeamDatabase.TeamDbException {
        return query("SELECT * FROM team_runs ORDER BY created_at DESC, workstation, local_id", null);
    }

    /**
     * One run by its label ({@code workstation/id}) or uid (or a unique uid prefix of 8 or more characters).
     */
    public Optional<RunRecord> run(String label) throws TeamDatabase.TeamDbException {
        int slash = label.lastIndexOf('/');
        List<RunRecord> found;
        if (slash > 0 && label.substring(slash + 1).matches("\\d{1,18}")) {
            found = query("SELECT * FROM team_runs WHERE workstation = ? AND local_id = ? ORDER BY created_at DESC",
                    statement -> {
                        statement.setString(1, label.substring(0, slash));
                        statement.setLong(2, Long.parseLong(label.substring(slash + 1)));
                    });
        } else if (label.matches("[0-9a-fA-F-]{8,36}")) {
            found = query("SELECT * FROM team_runs WHERE CAST(uid AS TEXT) LIKE ?", s -> s.setString(1,
                    label.toLowerCase() + "%"));
        } else {
            found = List.of();
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    public List<JournalEvent> events(RunRecord run) throws TeamDatabase.TeamDbException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT * FROM team_events WHERE run_uid = ? ORDER BY seq")) {
            query.setObject(1, java.util.UUID.fromString(run.uid()));
            List<JournalEvent> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new JournalEvent(run.id(), rows.getInt("seq"), rows.getTimestamp("recorded_at")
                            .toInstant(), rows.getString("kind"), rows.getString("step_id"), rows.getString("outcome"),
                            rows.getString("detail"), rows.getString("prev_hash"), rows.getString("hash")));
                }
            }
            connection.commit();
            return events;
        } catch (SQLException e) {
            throw TeamDatabase.explain(e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<RunRecord> query(String sql, Binder binder) throws TeamDatabase.TeamDbException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (binder != null) {
                binder.bind(query);
            }
            List<Head> heads = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    NewRun run = new NewRun(rows.getString("drill_name"), rows.getString("drill_title"),
                            rows.getString("drill_hash"), rows.getString("strategy"), RunMode.valueOf(rows.getString("mode")),
                            rows.getString("operator_name"), rows.getString("primary_context"),
                            rows.getString("primary_server"), rows.getString("standby_context"),
                            rows.getString("standby_server"), RunJson.readParameterObject(rows.getString("parameters")));
                    heads.add(new Head(rows.getObject("uid").toString(), rows.getString("workstation"),
                            rows.getLong("local_id"), run, rows.getTimestamp("created_at").toInstant()));
                }
            }
            // One run (a lookup, or a drill followed every second) reads its own ending, not every run's.
            Map<String, Ending> endings = endings(heads.size() == 1 ? heads.get(0).uid() : null);
            List<RunRecord> runs = new ArrayList<>();
            for (Head head : heads) {
                Ending end = endings.get(head.uid());
                runs.add(new RunRecord(head.localId(), head.run(), head.createdAt(),
                        end == null ? RunStatus.RUNNING : end.status(), end == null ? null : end.at(),
                        end == null ? null : end.summary(), head.uid(), head.workstation()));
            }
            connection.commit();
            return runs;
        } catch (SQLException e) {
            throw TeamDatabase.explain(e);
        }
    }

    /** A team_runs row. */
    private record Head(String uid, String workstation, long localId, NewRun run, Instant createdAt) {
    }

    /** How a finished run ended, and its figures (from its SUMMARY event). */
    private record Ending(RunStatus status, Instant at, RunSummary summary) {
    }

    /**
     * For each finished run (or only the run {@code uid}, when given): its status, when it finished, and its
     * measured figures (from its SUMMARY event).
     */
    private Map<String, Ending> endings(String uid) throws SQLException {
        Map<String, Ending> endings = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT run_uid, seq, recorded_at, kind, step_id, outcome, detail FROM team_events
                WHERE kind IN ('SUMMARY', 'COMPLETED', 'FAILED', 'ABORTED')
                  AND (CAST(? AS uuid) IS NULL OR run_uid = CAST(? AS uuid)) ORDER BY run_uid, seq""")) {
            query.setString(1, uid);
            query.setString(2, uid);
            try (ResultSet rows = query.executeQuery()) {
                Map<String, RunSummary> summaries = new HashMap<>();
                while (rows.next()) {
                    String run = rows.getObject("run_uid").toString();
                    JournalEvent row = new JournalEvent(0, rows.getInt("seq"), rows.getTimestamp("recorded_at").toInstant(),
                            rows.getString("kind"), rows.getString("step_id"), rows.getString("outcome"),
                            rows.getString("detail"), "", "");
                    RunEvent event = EventCodec.decode(row);
                    if (event instanceof RunEvent.Summary summary) {
                        summaries.put(run, summary.summary());
                    } else if (event instanceof RunEvent.Finished finished) {
                        endings.put(run, new Ending(finished.status(), row.recordedAt(), summaries.get(run)));
                    }
                }
            }
        }
        return endings;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing
        }
    }
}
