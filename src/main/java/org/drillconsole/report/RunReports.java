package org.drillconsole.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.report.RunReport.CheckLine;
import org.drillconsole.report.RunReport.ClusterHealth;
import org.drillconsole.report.RunReport.Component;
import org.drillconsole.report.RunReport.Note;
import org.drillconsole.report.RunReport.StepSpan;
import org.drillconsole.report.RunReport.WaitingFor;
import org.drillconsole.report.RunReport.Warning;
import org.drillconsole.store.EventChain;
import org.drillconsole.store.RunJson;

/** Builds a {@link RunReport} from a run's journal: a pure function of the recorded events. */
public final class RunReports {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OUTAGE_START = Pattern.compile("outage started (\\S+)");

    private RunReports() {
    }

    public static RunReport of(RunRecord run, List<JournalEvent> events, Instant generatedAt) {
        RunSummary summary = run.summary();
        Instant clockStart = null;
        Instant clockStop = null;
        String override = null;
        String outcomeDetail = null;
        List<CheckLine> preflight = new ArrayList<>();
        Map<String, StepSpan> steps = new LinkedHashMap<>();
        List<Note> notes = new ArrayList<>();
        List<ClusterHealth> atStart = List.of();
        List<ClusterHealth> atStop = List.of();
        List<Warning> warnings = List.of();
        for (JournalEvent e : events) {
            StepSpan open = e.stepId() == null ? null : steps.get(e.stepId());
            switch (e.kind()) {
                case "STEP_STARTED" -> steps.put(e.stepId(), new StepSpan(e.stepId(), e.detail(), e.recordedAt(),
                        null, null, null, null, new ArrayList<>()));
                case "STEP_FINISHED" -> {
                    if (open != null) {
                        steps.put(e.stepId(), new StepSpan(open.stepId(), open.title(), open.started(),
                                e.recordedAt(), e.outcome(), waitingFor(e.detail()), e.detail(), open.observations()));
                    }
                }
                case "CHECK_RESULT" -> {
                    if (open == null) {
                        preflight.add(new CheckLine(e.stepId(), e.outcome(), e.detail()));
                    } else if (!"PASSED".equals(e.outcome())) {
                        open.observations().add(e.outcome() + ": " + e.detail()); // a pass is the step's detail
                    }
                }
                case "ACTION_PLANNED" -> {
                    if (open != null) {
                        open.observations().add("planned " + e.detail()); // what was applied is the step's detail
                    }
                }
                case "NOTE" -> notes.add(new Note(e.recordedAt(), e.stepId(), e.detail()));
                case "PREFLIGHT_OVERRIDDEN" -> override = e.detail();
                case "CLOCK_START" -> clockStart = "BACKDATED".equals(e.outcome()) ? outageStart(e) : e.recordedAt();
                case "CLOCK_STOP" -> clockStop = e.recordedAt();
                case "HEALTH_SNAPSHOT" -> {
                    if ("CLOCK_START".equals(e.outcome())) {
                        atStart = health(e.detail());
                    } else {
                        atStop = health(e.detail());
                    }
                }
                case "WARNING_EVENTS" -> warnings = warnings(e.detail());
                case "SUMMARY" -> summary = summary != null ? summary : RunJson.readSummary(e.detail());
                case "COMPLETED", "FAILED", "ABORTED" -> outcomeDetail = e.detail();
                default -> {
                    // STARTED, RESUMED, RPO, ACTION_RESULT: in the journal list of the HTML, PDF and JSON reports
                }
            }
        }
        String head = events.isEmpty() ? EventChain.GENESIS : events.get(events.size() - 1).hash();
        return new RunReport(run, summary, clockStart, clockStop, List.copyOf(preflight), override,
                steps.values().stream().map(s -> new StepSpan(s.stepId(), s.title(), s.started(), s.finished(),
                        s.outcome(), s.waitingFor(), s.detail(), List.copyOf(s.observations()))).toList(),
                List.copyOf(notes), atStart, atStop, warnings, outcomeDetail, List.copyOf(events), head,
                EventChain.firstBroken(events), generatedAt);
    }

    private static WaitingFor waitingFor(String detail) {
        if (detail == null) {
            return null;
        }
        if (detail.endsWith("waiting for people")) {
            return WaitingFor.PEOPLE;
        }
        return detail.endsWith("waiting for the cluster") ? WaitingFor.CLUSTER : null;
    }

    private static Instant outageStart(JournalEvent event) {
        Matcher m = OUTAGE_START.matcher(event.detail());
        return m.find() ? Instant.parse(m.group(1)) : event.recordedAt();
    }

    private static List<ClusterHealth> health(String json) {
        List<ClusterHealth> sides = new ArrayList<>();
        JsonNode root = read(json);
        root.fields().forEachRemaining(side -> {
            JsonNode s = side.getValue();
            List<String> reasons = new ArrayList<>();
            s.path("reasons").forEach(r -> reasons.add(r.asText()));
            List<Component> components = new ArrayList<>();
            s.path("components").forEach(c -> components.add(new Component(c.path("name").asText(),
                    c.path("kind").asText(), c.path("status").asText(), c.path("ready").asInt(),
                    c.path("desired").asInt())));
            sides.add(new ClusterHealth(side.getKey(), s.path("context").asText(), s.path("state").asText(),
                    s.path("verdict").asText(), s.path("nodesReady").asInt(), s.path("nodesTotal").asInt(),
                    s.path("runningWorkspaces").asInt(), List.copyOf(reasons), List.copyOf(components)));
        });
        return List.copyOf(sides);
    }

    private static List<Warning> warnings(String json) {
        List<Warning> warnings = new ArrayList<>();
        read(json).fields().forEachRemaining(side -> side.getValue().forEach(w -> warnings.add(new Warning(
                side.getKey(), w.path("lastSeen").asText(""), w.path("object").asText(), w.path("reason").asText(),
                w.path("message").asText(), w.path("count").asInt()))));
        return List.copyOf(warnings);
    }

    /** A snapshot that does not parse (a hand-edited journal) reads as empty; the chain check flags the edit. */
    private static JsonNode read(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }
}
