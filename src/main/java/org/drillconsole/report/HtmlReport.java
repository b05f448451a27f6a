package org.drillconsole.report;

import static org.drillconsole.report.Markup.escape;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.drillconsole.model.journal.JournalEvent;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.report.ReportText.Fact;
import org.drillconsole.report.RunReport.ClusterHealth;
import org.drillconsole.report.RunReport.StepSpan;

/**
 * One self-contained, printable HTML file: inline CSS, the timeline as inline SVG, no scripts, no external
 * resources. Written as well-formed XHTML so that any XML parser reads it.
 */
public final class HtmlReport {

    static final String STYLE = """
            body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:13px;color:#1b1f24;margin:24px;max-width:1100px}
            h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:22px 0 6px;border-bottom:1px solid #ccd}
            table{border-collapse:collapse;width:100%;margin:4px 0}th,td{border:1px solid #d0d4da;padding:3px 6px;
            text-align:left;vertical-align:top}th{background:#eef1f5}td.k{width:210px;font-weight:bold}
            .ok{color:#1a7f37}.bad{color:#b42318;font-weight:bold}.mono{font-family:"DejaVu Sans Mono",monospace;
            font-size:11px;word-break:break-all}.side{display:inline-block;width:49%;vertical-align:top}
            .legend span{margin-right:14px}@media print{body{margin:8mm}h2{break-after:avoid}tr{break-inside:avoid}}
            """;

    private HtmlReport() {
    }

    public static void write(RunReport report, OutputStream out) throws IOException {
        StringBuilder html = new StringBuilder(32_768);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
                .append("<meta charset=\"utf-8\"/><title>").append(escape(ReportText.title(report)))
                .append("</title><style>").append(STYLE).append("</style></head><body>\n");
        html.append("<h1>").append(escape(ReportText.title(report))).append("</h1>\n<p class=\"")
                .append(report.withinObjectives() ? "ok" : "bad").append("\">")
                .append(escape(report.outcome())).append(report.outcomeDetail() == null ? ""
                        : ": " + escape(report.outcomeDetail())).append("</p>\n");
        html.append("<table>");
        for (Fact fact : ReportText.facts(report)) {
            html.append("<tr><td class=\"k\">").append(escape(fact.label())).append("</td><td>")
                    .append(escape(fact.value())).append("</td></tr>");
        }
        html.append("</table>\n<h2>Timeline</h2>\n").append(timelineSvg(Timeline.of(report)));
        html.append("<p class=\"legend\"><span>&#9632; blue: waiting for the clusters</span>")
                .append("<span>&#9632; orange: waiting for people</span><span>| green: RTO clock start</span>")
                .append("<span>| red: RTO clock stop</span></p>\n");
        if (!report.preflight().isEmpty()) {
            html.append("<h2>Preflight</h2>\n");
            table(html, List.of("Check", "Result", "Observed"), report.preflight().stream()
                    .map(c -> List.of(c.stepId(), c.outcome(), c.observed())).toList());
        }
        html.append("<h2>Steps</h2>\n");
        table(html, ReportText.STEP_COLUMNS, report.steps().stream().map(ReportText::stepRow).toList());
        if (!report.notes().isEmpty()) {
            html.append("<h2>Notes</h2>\n");
            table(html, List.of("At", "Step", "Note"), report.notes().stream()
                    .map(n -> List.of(ReportText.time(n.at()), n.stepId() == null ? "" : n.stepId(), n.text()))
                    .toList());
        }
        health(html, "Health when the clock started", report.healthAtStart());
        health(html, "Health when the clock stopped", report.healthAtStop());
        if (!report.warnings().isEmpty()) {
            html.append("<h2>Warning events captured</h2>\n");
            table(html, List.of("Cluster", "Last seen", "Object", "Reason", "Message", "Count"), report.warnings()
                    .stream().map(w -> List.of(w.side(), w.lastSeen(), w.object(), w.reason(), w.message(),
                            Integer.toString(w.count()))).toList());
        }
        html.append("<h2>Journal (").append(report.events().size()).append(" events, hash-chained)</h2>\n");
        table(html, List.of("#", "Recorded", "Event", "Step", "Outcome", "Detail", "Hash"), report.events().stream()
                .map(HtmlReport::eventRow).toList());
        html.append("</body></html>\n");
        out.write(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> eventRow(JournalEvent e) {
        return List.of(Integer.toString(e.seq()), ReportText.time(e.recordedAt()), e.kind(),
                e.stepId() == null ? "" : e.stepId(), e.outcome() == null ? "" : e.outcome(),
                e.detail() == null ? "" : e.detail(), e.hash().substring(0, 16) + "…");
    }

    private static void health(StringBuilder html, String heading, List<ClusterHealth> sides) {
        if (sides.isEmpty()) {
            return;
        }
        html.append("<h2>").append(escape(heading)).append("</h2>\n");
        for (ClusterHealth side : sides) {
            html.append("<div class=\"side\"><p><b>").append(escape(side.side())).append("</b> ")
                    .append(escape(side.context())).append(": ").append(escape(side.state())).append(", ")
                    .append(escape(side.verdict())).append(", nodes ").append(side.nodesReady()).append('/')
                    .append(side.nodesTotal()).append(", running workspaces ").append(side.runningWorkspaces())
                    .append("</p>");
            table(html, List.of("Component", "Kind", "Ready", "Status"), side.components().stream()
                    .map(c -> List.of(c.name(), c.kind(), c.ready() + "/" + c.desired(), c.status())).toList());
            html.append("</div>");
        }
        html.append('\n');
    }

    private static void table(StringBuilder html, List<String> columns, List<List<String>> rows) {
        html.append("<table><tr>");
        columns.forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
        html.append("</tr>");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>\n");
    }

    /** Bars on a time axis: one row per step, blue for the clusters, orange for people. */
    static String timelineSvg(Timeline timeline) {
        int labelWidth = 260;
        int width = 1000;
        int row = 18;
        int axis = width - labelWidth - 10;
        int height = timeline.bars().size() * row + 30;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-size=\"11\" font-family=\"DejaVu Sans,Arial,sans-serif\">");
        int y = 4;
        for (Timeline.Bar bar : timeline.bars()) {
            svg.append("<text x=\"0\" y=\"").append(y + 12).append("\">").append(escape(shorten(bar.label(), 40)))
                    .append("</text><rect x=\"").append(fmt(labelWidth + bar.start() * axis)).append("\" y=\"")
                    .append(y + 2).append("\" width=\"").append(fmt(Math.max(2, bar.width() * axis)))
                    .append("\" height=\"").append(row - 5).append("\" fill=\"")
                    .append(bar.human() ? "#e8871e" : "#2f6fdb").append("\"")
                    .append(bar.outcome() == RunEvent.StepOutcome.FAILED
                            ? " stroke=\"#b42318\" stroke-width=\"2\"" : "")
                    .append("><title>").append(escape(bar.label() + ": " + ReportText.duration(bar.took()) + ", "
                            + Timeline.outcomeText(bar.outcome()))).append("</title></rect>");
            y += row;
        }
        marker(svg, timeline.clockStart(), labelWidth, axis, y, "#1a7f37");
        marker(svg, timeline.clockStop(), labelWidth, axis, y, "#b42318");
        svg.append("<line x1=\"").append(labelWidth).append("\" y1=\"").append(y + 4).append("\" x2=\"")
                .append(labelWidth + axis).append("\" y2=\"").append(y + 4).append("\" stroke=\"#555\"/>")
                .append("<text x=\"").append(labelWidth).append("\" y=\"").append(y + 18).append("\">")
                .append(escape(ReportText.time(timeline.from()))).append("</text><text x=\"")
                .append(labelWidth + axis).append("\" y=\"").append(y + 18).append("\" text-anchor=\"end\">+")
                .append(escape(ReportText.duration(timeline.length()))).append("</text></svg>\n");
        return svg.toString();
    }

    private static void marker(StringBuilder svg, Double at, int left, int axis, int bottom, String colour) {
        if (at != null) {
            String x = fmt(left + at * axis);
            svg.append("<line x1=\"").append(x).append("\" y1=\"0\" x2=\"").append(x).append("\" y2=\"")
                    .append(bottom + 4).append("\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/>");
        }
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
