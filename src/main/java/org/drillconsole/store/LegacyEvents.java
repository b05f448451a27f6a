package org.drillconsole.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drillconsole.model.journal.EventKind;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunStatus;

/**
 * Reads the events of journals written before typed events (format 1): their details were sentences, and
 * two JSON shapes. This is the one place where the console reads its own old prose back, so that runs
 * recorded by earlier versions still resume, report and verify; nothing new is written in this form.
 */
final class LegacyEvents {

    private static final Pattern TOOK = Pattern.compile("; took ((?:\\d+h)?(?:\\d+m)?(?:\\d+s)?) waiting for (people|the cluster)$");
    private static final Pattern OUTAGE = Pattern.compile("outage started (\\S+) \\(.*?\\): (.*)$", Pattern.DOTALL);
    private static final Pattern RTO = Pattern.compile("^RTO (\\S+)(?: \\(objective (\\S+)\\))?");
    private static final Pattern RPO = Pattern.compile("^RPO (\\S+): newest backup (\\S+), outage (\\S+)(?: \\(objective (\\S+)\\))?");
    private static final Pattern BACKUP = Pattern.compile("newest backup (\\S+),");
    private static final Pattern BY = Pattern.compile("^by (.*?): (.*)$", Pattern.DOTALL);
    private static final Pattern PLANNED = Pattern.compile("^on (\\S+): (.*)$", Pattern.DOTALL);
    private static final Pattern STEPS_DONE = Pattern.compile("(\\d+) step\\(s\\) already done");
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private LegacyEvents() {
    }

    static RunEvent decode(JournalEvent row) {
        EventKind kind = EventCodec.kind(row.kind());
        String detail = row.detail() == null ? "" : row.detail();
        if (kind == null) {
            return unknown(row);
        }
        try {
            return switch (kind) {
                case STARTED -> started(row);
                case STEP_STARTED -> new RunEvent.StepStarted(row.stepId(), detail);
                case STEP_FINISHED -> stepFinished(row, detail);
                case CHECK_RESULT -> {
                    Matcher m = BACKUP.matcher(detail);
                    yield new RunEvent.CheckResult(row.stepId(), false, "PASSED".equals(row.outcome()), detail,
                            m.find() ? instant(m.group(1)) : null);
                }
                case ACTION_PLANNED -> {
                    Matcher m = PLANNED.matcher(detail);
                    yield m.matches() ? new RunEvent.ActionPlanned(row.stepId(), m.group(1), m.group(2), List.of())
                            : new RunEvent.ActionPlanned(row.stepId(), "", detail, List.of());
                }
                case ACTION_RESULT -> new RunEvent.ActionApplied(row.stepId(), null, detail, Map.of());
                case CLOCK_START -> {
                    Matcher m = OUTAGE.matcher(detail);
                    yield "BACKDATED".equals(row.outcome()) && m.find()
                            ? new RunEvent.ClockStarted(row.recordedAt(), instant(m.group(1)), m.group(2))
                            : new RunEvent.ClockStarted(row.recordedAt(), null, null);
                }
                case CLOCK_STOP -> {
                    Matcher m = RTO.matcher(detail);
                    yield m.find() ? new RunEvent.ClockStopped(row.stepId(), duration(m.group(1)), m.group(2) == null
                            ? null : duration(m.group(2))) : unknown(row);
                }
                case NOTE -> "RETRY".equals(row.outcome())
                        ? new RunEvent.StepRetried(row.stepId(), detail.replaceFirst("^retried after: ", ""))
                        : new RunEvent.Note(row.stepId(), detail);
                case PREFLIGHT_OVERRIDDEN -> {
                    Matcher m = BY.matcher(detail);
                    yield m.matches() ? new RunEvent.PreflightOverridden(m.group(1), m.group(2))
                            : new RunEvent.PreflightOverridden("", detail);
                }
                case RESUMED -> {
                    Matcher by = BY.matcher(detail);
                    Matcher done = STEPS_DONE.matcher(detail);
                    yield new RunEvent.Resumed(by.matches() ? by.group(1) : "", done.find() ? Integer.parseInt(done.group(1)) : 0);
                }
                case RPO -> {
                    Matcher m = RPO.matcher(detail);
                    yield m.find() ? new RunEvent.RpoMeasured(duration(m.group(1)), instant(m.group(2)),
                            instant(m.group(3)), m.group(4) == null ? null : duration(m.group(4))) : unknown(row);
                }
                case HEALTH_SNAPSHOT -> new RunEvent.HealthSnapshot("CLOCK_START".equals(row.outcome())
                        ? RunEvent.ClockMark.CLOCK_START : RunEvent.ClockMark.CLOCK_STOP, health(detail));
                case WARNING_EVENTS -> new RunEvent.WarningEvents(warnings(detail));
                case SUMMARY -> {
                    var summary = RunJson.readSummary(detail);
                    yield summary == null ? unknown(row) : new RunEvent.Summary(summary);
                }
                case COMPLETED -> new RunEvent.Finished(RunStatus.COMPLETED, row.outcome(), detail);
                case FAILED -> new RunEvent.Finished(RunStatus.FAILED, row.outcome(), detail);
                case ABORTED -> new RunEvent.Finished(RunStatus.ABORTED, row.outcome(), detail);
                case STEP_RETRIED, BACKUP_TIME_ENTERED, PRIMARY_REPLICAS, UNKNOWN -> unknown(row);
            };
        } catch (RuntimeException unreadable) {
            return unknown(row);
        }
    }

    private static RunEvent unknown(JournalEvent row) {
        return new RunEvent.Unknown(row.kind(), row.stepId(), row.outcome(), row.detail());
    }

    private static RunEvent stepFinished(JournalEvent row, String detail) {
        Matcher m = TOOK.matcher(detail);
        RunEvent.StepOutcome result = RunEvent.StepOutcome.valueOf(row.outcome());
        if (!m.find()) {
            return new RunEvent.StepFinished(row.stepId(), result, detail, null, null);
        }
        return new RunEvent.StepFinished(row.stepId(), result, detail.substring(0, m.start()), duration(m.group(1)),
                m.group(2).equals("people") ? RunEvent.WaitingFor.PEOPLE : RunEvent.WaitingFor.CLUSTER);
    }

    private static RunEvent started(JournalEvent row) {
        JsonNode root = EventCodec.tree(row.detail());
        if (root == null) {
            return unknown(row);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        root.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        NewRun run = new NewRun(root.path("drill").asText(), root.path("title").asText(), root.path("drillHash").asText(),
                root.path("strategy").asText(), RunMode.valueOf(root.path("mode").asText()), root.path("operator").asText(),
                root.path("primary").path("context").asText(), root.path("primary").path("server").asText(),
                root.path("standby").path("context").asText(), root.path("standby").path("server").asText(), parameters);
        return new RunEvent.Started(run, root.path("note").isNull() ? null : root.path("note").asText(null));
    }

    private static List<RunEvent.SideHealth> health(String json) {
        List<RunEvent.SideHealth> sides = new ArrayList<>();
        JsonNode root = EventCodec.tree(json);
        if (root == null) {
            return sides;
        }
        root.fields().forEachRemaining(side -> {
            JsonNode s = side.getValue();
            List<String> reasons = new ArrayList<>();
            s.path("reasons").forEach(r -> reasons.add(r.asText()));
            List<RunEvent.ComponentState> components = new ArrayList<>();
            s.path("components").forEach(c -> components.add(new RunEvent.ComponentState(c.path("name").asText(),
                    c.path("kind").asText(), c.path("status").asText(), c.path("ready").asInt(), c.path("desired").asInt())));
            sides.add(new RunEvent.SideHealth(side.getKey(), s.path("context").asText(), s.path("server").asText(),
                    s.path("state").asText(), s.path("verdict").asText(), s.path("nodesReady").asInt(),
                    s.path("nodesTotal").asInt(), s.path("runningWorkspaces").asInt(), s.path("proxyAddress").asText(""),
                    reasons, components));
        });
        return sides;
    }

    private static List<RunEvent.RecordedWarning> warnings(String json) {
        List<RunEvent.RecordedWarning> warnings = new ArrayList<>();
        JsonNode root = EventCodec.tree(json);
        if (root == null) {
            return warnings;
        }
        root.fields().forEachRemaining(side -> side.getValue().forEach(w -> warnings.add(new RunEvent.RecordedWarning(
                side.getKey(), w.path("lastSeen").isTextual() ? instant(w.path("lastSeen").asText()) : null,
                w.path("object").asText(), w.path("reason").asText(), w.path("message").asText(), w.path("count").asInt()))));
        return warnings;
    }

    private static Instant instant(String text) {
        return Instant.parse(text);
    }

    private static Duration duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches() || text.isEmpty()) {
            throw new IllegalArgumentException(text);
        }
        long seconds = 0;
        long[] unit = {3600, 60, 1};
        for (int g = 1; g <= 3; g++) {
            if (m.group(g) != null) {
                seconds += Long.parseLong(m.group(g)) * unit[g - 1];
            }
        }
        return Duration.ofSeconds(seconds);
    }
}
