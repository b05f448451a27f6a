package org.drillconsole.model.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One thing that happened in a run, as its own record carrying only its own fields. The journal stores each
 * as its kind and a versioned JSON encoding (one codec, in the store); resume, reports, history and the
 * window read these fields, never sentences.
 */
public sealed interface RunEvent {

    EventKind kind();

    /** The step this event belongs to, or null for run-level events. */
    default String stepId() {
        return null;
    }

    /** A short word for the journal's outcome column (PASSED, DONE, WITHIN_OBJECTIVE, …), or null. */
    default String outcome() {
        return null;
    }

    /** The run was recorded: what it is (the header is the NewRun itself). */
    record Started(NewRun run, String note) implements RunEvent {
        public EventKind kind() {
            return EventKind.STARTED;
        }
    }

    record StepStarted(String stepId, String title) implements RunEvent {
        public EventKind kind() {
            return EventKind.STEP_STARTED;
        }
    }

    /**
     * @param took how long the step took in this session
     * @param waitingFor who the time was spent waiting for
     */
    record StepFinished(String stepId, StepOutcome result, String detail, Duration took, WaitingFor waitingFor)
            implements RunEvent {
        public EventKind kind() {
            return EventKind.STEP_FINISHED;
        }

        @Override
        public String outcome() {
            return result.name();
        }
    }

    /**
     * @param preflight true for a preflight check
     * @param backupPoint the newest backup or replication point the check saw, or null
     */
    record CheckResult(String stepId, boolean preflight, boolean passed, String observed, Instant backupPoint)
            implements RunEvent {
        public EventKind kind() {
            return EventKind.CHECK_RESULT;
        }

        @Override
        public String outcome() {
            return passed ? "PASSED" : "FAILED";
        }
    }

    /** What an action will send (checked by a server-side dry run), in words and as requests. */
    record ActionPlanned(String stepId, String context, String summary, List<String> requests) implements RunEvent {
        public ActionPlanned {
            requests = List.copyOf(requests);
        }

        public EventKind kind() {
            return EventKind.ACTION_PLANNED;
        }
    }

    /**
     * @param scaledTo the replicas the action set, by workload name (for the readiness checks that follow,
     *                 and for a resumed run)
     */
    record ActionApplied(String stepId, org.drillconsole.model.Side cluster, String summary, Map<String, Integer> scaledTo)
            implements RunEvent {
        public ActionApplied {
            scaledTo = Map.copyOf(scaledTo);
        }

        public EventKind kind() {
            return EventKind.ACTION_RESULT;
        }

        @Override
        public String outcome() {
            return "APPLIED";
        }
    }

    /**
     * @param outageStart when the outage began, when the operator backdated the clock; else null
     * @param outageReason where that time came from
     */
    record ClockStarted(Instant at, Instant outageStart, String outageReason) implements RunEvent {
        public EventKind kind() {
            return EventKind.CLOCK_START;
        }

        @Override
        public String outcome() {
            return outageStart == null ? null : "BACKDATED";
        }

        /** When the RTO clock counts from. */
        public Instant countsFrom() {
            return outageStart != null && outageStart.isBefore(at) ? outageStart : at;
        }
    }

    record ClockStopped(String stepId, Duration rto, Duration objective) implements RunEvent {
        public EventKind kind() {
            return EventKind.CLOCK_STOP;
        }

        @Override
        public String outcome() {
            return objective == null ? null : rto.compareTo(objective) <= 0 ? "WITHIN_OBJECTIVE" : "OBJECTIVE_MISSED";
        }
    }

    /** A note by a person; {@code stepId} null for a note on the run. */
    record Note(String stepId, String text) implements RunEvent {
        public EventKind kind() {
            return EventKind.NOTE;
        }
    }

    /** The operator chose to try a failed step again. */
    record StepRetried(String stepId, String after) implements RunEvent {
        public EventKind kind() {
            return EventKind.STEP_RETRIED;
        }

        @Override
        public String outcome() {
            return "RETRY";
        }
    }

    record PreflightOverridden(String by, String reason) implements RunEvent {
        public EventKind kind() {
            return EventKind.PREFLIGHT_OVERRIDDEN;
        }
    }

    record Resumed(String by, int stepsDone) implements RunEvent {
        public EventKind kind() {
            return EventKind.RESUMED;
        }
    }

    /** The operator said when the newest backup was taken. */
    record BackupTimeEntered(String stepId, Instant backupPoint) implements RunEvent {
        public EventKind kind() {
            return EventKind.BACKUP_TIME_ENTERED;
        }
    }

    /** The replicas the primary ran when the run started, for {@code replicasFrom: primarySnapshot}. */
    record PrimaryReplicasRecorded(Map<String, Integer> replicas) implements RunEvent {
        public PrimaryReplicasRecorded {
            replicas = Map.copyOf(replicas);
        }

        public EventKind kind() {
            return EventKind.PRIMARY_REPLICAS;
        }
    }

    record RpoMeasured(Duration rpo, Instant newestBackup, Instant outageStart, Duration objective) implements RunEvent {
        public EventKind kind() {
            return EventKind.RPO;
        }

        @Override
        public String outcome() {
            return objective == null ? null : rpo.compareTo(objective) <= 0 ? "WITHIN_OBJECTIVE" : "OBJECTIVE_MISSED";
        }
    }

    /** Both clusters' health when the clock started or stopped. */
    record HealthSnapshot(ClockMark when, List<SideHealth> sides) implements RunEvent {
        public HealthSnapshot {
            sides = List.copyOf(sides);
        }

        public EventKind kind() {
            return EventKind.HEALTH_SNAPSHOT;
        }

        @Override
        public String outcome() {
            return when.name();
        }
    }

    record WarningEvents(List<RecordedWarning> warnings) implements RunEvent {
        public WarningEvents {
            warnings = List.copyOf(warnings);
        }

        public EventKind kind() {
            return EventKind.WARNING_EVENTS;
        }
    }

    record Summary(RunSummary summary) implements RunEvent {
        public EventKind kind() {
            return EventKind.SUMMARY;
        }
    }

    /** The run ended: completed, failed or aborted. */
    record Finished(RunStatus status, String verdict, String detail) implements RunEvent {
        public EventKind kind() {
            return switch (status) {
                case COMPLETED -> EventKind.COMPLETED;
                case FAILED -> EventKind.FAILED;
                case ABORTED -> EventKind.ABORTED;
                case RUNNING -> throw new IllegalStateException("a run that finishes is not running");
            };
        }

        @Override
        public String outcome() {
            return verdict;
        }
    }

    /** An event a newer console wrote that this one does not know: kept, shown as text, never acted on. */
    record Unknown(String kindName, String stepId, String outcome, String text) implements RunEvent {
        public EventKind kind() {
            return EventKind.UNKNOWN;
        }
    }

    enum StepOutcome { DONE, SKIPPED, FAILED }

    enum WaitingFor { PEOPLE, CLUSTER }

    enum ClockMark { CLOCK_START, CLOCK_STOP }

    /** One side's health, as recorded: connection, verdict, nodes and every component. No credentials. */
    record SideHealth(String side, String context, String server, String state, String verdict, int nodesReady,
                      int nodesTotal, int runningWorkspaces, String proxyAddress, List<String> reasons,
                      List<ComponentState> components) {
        public SideHealth {
            reasons = List.copyOf(reasons);
            components = List.copyOf(components);
        }
    }

    record ComponentState(String name, String kind, String status, int ready, int desired) {
    }

    record RecordedWarning(String side, Instant lastSeen, String object, String reason, String message, int count) {
    }
}
