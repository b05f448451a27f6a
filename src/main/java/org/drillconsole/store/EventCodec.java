package org.drillconsole.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.drillconsole.model.journal.EventKind;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.RunEvent;

/**
 * The one codec of run events: each event is stored as its kind, step and outcome (columns the history
 * queries) and its record as JSON with a format version ({@code "v": 2}). The hash chain covers that JSON, so
 * it covers the typed content. Events written before typed events ({@code v} absent: sentences and two JSON
 * shapes) are read by {@link LegacyEvents}.
 */
public final class EventCodec {

    /** The format written now. */
    public static final int VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Map<EventKind, Class<? extends RunEvent>> TYPES = new EnumMap<>(EventKind.class);

    static {
        TYPES.put(EventKind.STARTED, RunEvent.Started.class);
        TYPES.put(EventKind.STEP_STARTED, RunEvent.StepStarted.class);
        TYPES.put(EventKind.STEP_FINISHED, RunEvent.StepFinished.class);
        TYPES.put(EventKind.CHECK_RESULT, RunEvent.CheckResult.class);
        TYPES.put(EventKind.ACTION_PLANNED, RunEvent.ActionPlanned.class);
        TYPES.put(EventKind.ACTION_RESULT, RunEvent.ActionApplied.class);
        TYPES.put(EventKind.CLOCK_START, RunEvent.ClockStarted.class);
        TYPES.put(EventKind.CLOCK_STOP, RunEvent.ClockStopped.class);
        TYPES.put(EventKind.NOTE, RunEvent.Note.class);
        TYPES.put(EventKind.STEP_RETRIED, RunEvent.StepRetried.class);
        TYPES.put(EventKind.PREFLIGHT_OVERRIDDEN, RunEvent.PreflightOverridden.class);
        TYPES.put(EventKind.RESUMED, RunEvent.Resumed.class);
        TYPES.put(EventKind.BACKUP_TIME_ENTERED, RunEvent.BackupTimeEntered.class);
        TYPES.put(EventKind.PRIMARY_REPLICAS, RunEvent.PrimaryReplicasRecorded.class);
        TYPES.put(EventKind.RPO, RunEvent.RpoMeasured.class);
        TYPES.put(EventKind.HEALTH_SNAPSHOT, RunEvent.HealthSnapshot.class);
        TYPES.put(EventKind.WARNING_EVENTS, RunEvent.WarningEvents.class);
        TYPES.put(EventKind.SUMMARY, RunEvent.Summary.class);
        TYPES.put(EventKind.COMPLETED, RunEvent.Finished.class);
        TYPES.put(EventKind.FAILED, RunEvent.Finished.class);
        TYPES.put(EventKind.ABORTED, RunEvent.Finished.class);
        TYPES.put(EventKind.UNKNOWN, RunEvent.Unknown.class);
    }

    private EventCodec() {
    }

    /** The JSON an event is stored as (and hashed over). */
    public static String encode(RunEvent event) {
        ObjectNode node = JSON.createObjectNode().put("v", VERSION);
        node.setAll((ObjectNode) JSON.valueToTree(event));
        return node.toString();
    }

    /** The event a journal row holds, whichever version wrote it; never throws. */
    public static RunEvent decode(JournalEvent row) {
        JsonNode node = tree(row.detail());
        if (node != null && node.path("v").asInt(0) >= VERSION) {
            EventKind kind = kind(row.kind());
            if (kind != null && kind != EventKind.UNKNOWN) {
                try {
                    ObjectNode fields = ((ObjectNode) node).deepCopy();
                    fields.remove("v");
                    return JSON.treeToValue(fields, TYPES.get(kind));
                } catch (IOException | IllegalArgumentException e) {
                    return new RunEvent.Unknown(row.kind(), row.stepId(), row.outcome(), row.detail());
                }
            }
            return new RunEvent.Unknown(row.kind(), row.stepId(), row.outcome(), row.detail());
        }
        return LegacyEvents.decode(row);
    }

    static EventKind kind(String name) {
        try {
            return EventKind.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    static JsonNode tree(String text) {
        if (text == null || !text.startsWith("{")) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    static ObjectMapper mapper() {
        return JSON;
    }
}
