package org.drillconsole.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drillconsole.model.NamedFiles;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.store.EventCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.store.EventChain;
import org.drillconsole.store.RunJson;

/**
 * The complete, machine-readable report (documented in docs/report-format.md). It carries every journal
 * event with its hashes, so {@link #verify} can recompute the chain and detect an edited record.
 */
public final class JsonReport {

    public static final int SCHEMA_VERSION = 1;
    /** The largest JSON report {@link #verify} reads (a pipe or /dev/zero is refused, not read forever). */
    static final int MAX_REPORT_BYTES = 512 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** @param problems empty when the report is intact */
    public record Verification(List<String> problems, int events, String chainHead) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private JsonReport() {
    }

    public static void write(RunReport report, OutputStream out) throws IOException {
        JSON.writeValue(out, tree(report));
    }

    static ObjectNode tree(RunReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION).put("generatedAt", report.generatedAt().toString());
        NewRun run = report.run().run();
        ObjectNode r = root.putObject("run");
        r.put("id", report.run().id()).put("drill", run.drillName()).put("title", run.drillTitle())
                .put("drillHash", run.drillHash()).put("strategy", run.strategy()).put("mode", run.mode().name())
                .put("operator", run.operator()).put("status", report.run().status().name())
                .put("createdAt", report.run().createdAt().toString())
                .put("finishedAt", text(report.run().finishedAt()));
        ObjectNode parameters = r.putObject("parameters");
        run.parameters().forEach(parameters::put);
        r.putObject("primary").put("context", run.primaryContext()).put("server", run.primaryServer());
        r.putObject("standby").put("context", run.standbyContext()).put("server", run.standbyServer());
        root.put("outcome", report.outcome()).put("outcomeDetail", report.outcomeDetail());
        RunSummary s = report.summary();
        root.set("summary", s == null ? null : summaryFields(s));
        root.put("clockStart", text(report.clockStart())).put("clockStop", text(report.clockStop()))
                .put("preflightOverride", report.preflightOverride());
        root.set("preflight", JSON.valueToTree(report.preflight()));
        ArrayNode steps = root.putArray("steps");
        for (RunReport.StepSpan step : report.steps()) {
            ObjectNode node = steps.addObject();
            node.put("id", step.stepId()).put("title", step.title()).put("started", text(step.started()))
                    .put("finished", text(step.finished())).put("durationMillis", millis(step.duration()))
                    .put("outcome", step.outcome() == null ? null : step.outcome().name())
                    .put("waitingFor", step.waitingFor() == null ? null : step.waitingFor().name())
                    .put("detail", step.detail());
            node.set("observations", JSON.valueToTree(step.observations()));
        }
        root.set("notes", JSON.valueToTree(report.notes().stream().map(n -> List.of(n.at().toString(),
                n.stepId() == null ? "" : n.stepId(), n.text())).toList()));
        root.set("healthAtClockStart", JSON.valueToTree(report.healthAtStart()));
        root.set("healthAtClockStop", JSON.valueToTree(report.healthAtStop()));
        root.set("warningEvents", JSON.valueToTree(report.warnings()));
        ArrayNode events = root.putArray("events");
        for (JournalEvent e : report.events()) {
            events.addObject().put("runId", e.runId()).put("seq", e.seq()).put("recordedAt", e.recordedAt().toString())
                    .put("kind", e.kind()).put("stepId", e.stepId()).put("outcome", e.outcome())
                    .put("detail", e.detail()).put("prevHash", e.prevHash()).put("hash", e.hash());
        }
        root.put("chainHead", report.chainHead()).put("chainIntact", report.chainIntact());
        return root;
    }

    /** The SUMMARY event's figures, plus the verdict they give. */
    private static ObjectNode summaryFields(RunSummary s) {
        return RunJson.summaryTree(s).put("verdict", s.verdict() == null ? null : s.verdict().name());
    }

    /**
     * Recomputes the hash chain from the events in the file, and checks that the run's header and summary
     * say what the chained STARTED and SUMMARY events say.
     */
    public static Verification verify(Path file) throws ReportException {
        JsonNode root;
        try {
            root = JSON.readTree(NamedFiles.read(file, "JSON report", MAX_REPORT_BYTES));
        } catch (NamedFiles.Unreadable e) {
            throw new ReportException("cannot read " + file + ": " + e.getMessage(), null);
        } catch (JsonProcessingException e) {
            throw new ReportException(file + " is not JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr(), e);
        } catch (IOException e) {
            throw new ReportException("cannot read " + file + ": " + ReportFiles.why(e, file.getParent()), e);
        }
        if (root == null || !root.path("events").isArray() || root.path("schemaVersion").asInt() != SCHEMA_VERSION) {
            throw new ReportException(file + " is not a DR Drill Console JSON report (schemaVersion "
                    + SCHEMA_VERSION + " with events)", null);
        }
        List<JournalEvent> events = new ArrayList<>();
        try {
            for (JsonNode e : root.get("events")) {
                events.add(new JournalEvent(e.path("runId").asLong(), e.path("seq").asInt(),
                        Instant.parse(e.path("recordedAt").asText()), e.path("kind").asText(), textOrNull(e, "stepId"),
                        textOrNull(e, "outcome"), textOrNull(e, "detail"), e.path("prevHash").asText(),
                        e.path("hash").asText()));
            }
        } catch (RuntimeException e) {
            throw new ReportException(file + ": an event cannot be read (" + e.getMessage() + ")", e);
        }
        List<String> problems = new ArrayList<>();
        int broken = EventChain.firstBroken(events);
        if (broken >= 0) {
            problems.add("event " + broken + " does not match its hash: it was edited, inserted or removed");
        }
        String head = events.isEmpty() ? EventChain.GENESIS : events.get(events.size() - 1).hash();
        if (!head.equals(root.path("chainHead").asText())) {
            problems.add("the chain head in the file (" + root.path("chainHead").asText()
                    + ") is not the last event's hash (" + head + ")");
        }
        checkHeader(root.path("run"), events, problems);
        checkSummary(root.path("summary"), events, problems);
        return new Verification(List.copyOf(problems), events.size(), head);
    }

    /** The report's run header against the chained STARTED event, field by field (the typed header). */
    private static void checkHeader(JsonNode run, List<JournalEvent> events, List<String> problems) {
        RunEvent.Started started = events.stream().filter(e -> e.kind().equals("STARTED")).findFirst()
                .map(EventCodec::decode).filter(RunEvent.Started.class::isInstance).map(RunEvent.Started.class::cast)
                .orElse(null);
        if (started == null) {
            problems.add("the STARTED event is missing or cannot be read");
            return;
        }
        NewRun chained = started.run();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("drill", chained.drillName());
        expected.put("drillHash", chained.drillHash());
        expected.put("strategy", chained.strategy());
        expected.put("mode", chained.mode().name());
        expected.put("operator", chained.operator());
        expected.forEach((field, value) -> {
            if (!run.path(field).asText().equals(value)) {
                problems.add("run." + field + " says \"" + run.path(field).asText() + "\" but the journal says \""
                        + value + "\"");
            }
        });
        Map<String, String> parameters = new LinkedHashMap<>();
        run.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        if (!parameters.equals(chained.parameters())) {
            problems.add("run.parameters say " + parameters + " but the journal says " + chained.parameters());
        }
        List<String[]> sides = List.of(new String[] {"primary", chained.primaryContext(), chained.primaryServer()},
                new String[] {"standby", chained.standbyContext(), chained.standbyServer()});
        for (String[] side : sides) {
            if (!run.path(side[0]).path("context").asText().equals(side[1])) {
                problems.add("run." + side[0] + ".context differs from the journal");
            }
            if (!run.path(side[0]).path("server").asText().equals(side[2])) {
                problems.add("run." + side[0] + ".server differs from the journal");
            }
        }
    }

    private static void checkSummary(JsonNode summary, List<JournalEvent> events, List<String> problems) {
        JournalEvent chained = events.stream().filter(e -> e.kind().equals("SUMMARY")).findFirst().orElse(null);
        if (chained == null || summary.isMissingNode() || summary.isNull()) {
            return;
        }
        if (!(EventCodec.decode(chained) instanceof RunEvent.Summary recorded)) {
            problems.add("the SUMMARY event cannot be read");
            return;
        }
        ObjectNode expected = summaryFields(recorded.summary());
        expected.fieldNames().forEachRemaining(field -> {
            // toString: 2 read back as an int and 2 written as a long are the same figure
            if (!expected.get(field).toString().equals(summary.path(field).toString())) {
                problems.add("summary." + field + " says " + summary.path(field) + " but the journal says "
                        + expected.get(field));
            }
        });
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
