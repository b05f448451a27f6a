package org.drillconsole.report;

import static org.drillconsole.report.Markup.escape;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.model.Words;

/** The history table (one row per run) as CSV, JSON or a printable HTML page. */
public final class HistoryExport {

    public static final List<String> COLUMNS = List.of("id", "started", "runbook", "strategy", "mode", "operator",
            "status", "rto_seconds", "rto_objective_seconds", "rpo_seconds", "rpo_objective_seconds", "verdict",
            "cleanup", "standby_nodes", "primary_context", "standby_context", "runbook_version");

    private HistoryExport() {
    }

    /** The values of one run, in the order of {@link #COLUMNS}; empty text for what was not measured. */
    public static List<String> row(RunRecord run) {
        RunSummary s = run.summary();
        List<String> row = new ArrayList<>(COLUMNS.size());
        row.add(Long.toString(run.id()));
        row.add(run.createdAt().toString());
        row.add(run.run().drillName());
        row.add(run.run().strategy());
        row.add(run.run().mode().name().toLowerCase());
        row.add(run.run().operator());
        row.add(run.status().name());
        row.add(seconds(s == null ? null : s.rto()));
        row.add(seconds(s == null ? null : s.rtoObjective()));
        row.add(seconds(s == null ? null : s.rpo()));
        row.add(seconds(s == null ? null : s.rpoObjective()));
        row.add(s == null || s.verdict() == null ? "" : s.verdict().name());
        row.add(s == null || s.cleanupDone() == null ? "not required" : s.cleanupDone() ? "done" : "not done");
        row.add(s == null || s.standbyNodes() == null ? "" : s.standbyNodes().toString());
        row.add(run.run().primaryContext());
        row.add(run.run().standbyContext());
        row.add(run.run().drillHash());
        return row;
    }

    /** RFC 4180 CSV; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
    public static void csv(List<RunRecord> runs, OutputStream out) throws IOException {
        Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        csv.write(String.join(",", COLUMNS));
        csv.write("\r\n");
        for (RunRecord run : runs) {
            List<String> row = row(run);
            for (int i = 0; i < row.size(); i++) {
                csv.write(i == 0 ? "" : ",");
                csv.write(csvCell(row.get(i)));
            }
            csv.write("\r\n");
        }
        csv.flush();
    }

    static String csvCell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    public static void json(List<RunRecord> runs, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("schemaVersion", JsonReport.SCHEMA_VERSION);
            json.writeArrayFieldStart("runs");
            for (RunRecord run : runs) {
                List<String> row = row(run);
                json.writeStartObject();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    String value = row.get(i);
                    if (value.isEmpty()) {
                        json.writeNullField(COLUMNS.get(i));
                    } else if (COLUMNS.get(i).endsWith("seconds") || COLUMNS.get(i).equals("id")
                            || COLUMNS.get(i).equals("standby_nodes")) {
                        json.writeFieldName(COLUMNS.get(i));
                        json.writeNumber(value);
                    } else {
                        json.writeStringField(COLUMNS.get(i), value);
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    public static void html(List<RunRecord> runs, String filterDescription, OutputStream out) throws IOException {
        StringBuilder html = new StringBuilder(256 * (runs.size() + 4));
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
                .append("<meta charset=\"utf-8\"/><title>Drill history</title><style>").append(HtmlReport.STYLE)
                .append("</style></head><body><h1>Drill history</h1><p>").append(Words.count(runs.size(), "run")).append("; ")
                .append(escape(filterDescription)).append("</p><table><tr>");
        COLUMNS.forEach(c -> html.append("<th>").append(escape(c.replace('_', ' '))).append("</th>"));
        html.append("</tr>\n");
        for (RunRecord run : runs) {
            html.append("<tr>");
            row(run).forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table></body></html>\n");
        out.write(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String seconds(Duration duration) {
        return duration == null ? "" : Long.toString(duration.toSeconds());
    }
}
