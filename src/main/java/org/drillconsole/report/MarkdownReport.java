package org.drillconsole.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.drillconsole.report.RunReport.ClusterHealth;

/** A report to paste into a post-mortem or a ticket (GitHub-flavoured tables). */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static void write(RunReport report, OutputStream out) throws IOException {
        StringBuilder md = new StringBuilder(8_192);
        md.append("# ").append(ReportText.title(report)).append("\n\n**").append(report.outcome()).append("**")
                .append(report.outcomeDetail() == null ? "" : ": " + cell(report.outcomeDetail())).append("\n\n");
        table(md, List.of("", ""), ReportText.facts(report).stream().map(f -> List.of("**" + f.label() + "**",
                f.value())).toList());
        if (!report.preflight().isEmpty()) {
            md.append("\n## Preflight\n\n");
            table(md, List.of("Check", "Result", "Observed"), report.preflight().stream()
                    .map(c -> List.of(c.stepId(), c.outcome(), c.observed())).toList());
        }
        md.append("\n## Steps\n\n");
        table(md, ReportText.STEP_COLUMNS, report.steps().stream().map(ReportText::stepRow).toList());
        if (!report.notes().isEmpty()) {
            md.append("\n## Notes\n\n");
            report.notes().forEach(n -> md.append("- ").append(ReportText.time(n.at()))
                    .append(n.stepId() == null ? "" : " (" + n.stepId() + ")").append(": ").append(cell(n.text()))
                    .append('\n'));
        }
        health(md, "Health when the clock started", report.healthAtStart());
        health(md, "Health when the clock stopped", report.healthAtStop());
        if (!report.warnings().isEmpty()) {
            md.append("\n## Warning events captured\n\n");
            table(md, List.of("Cluster", "Object", "Reason", "Message", "Count"), report.warnings().stream()
                    .map(w -> List.of(w.side(), w.object(), w.reason(), w.message(), Integer.toString(w.count())))
                    .toList());
        }
        md.append("\n_").append(report.events().size()).append(" journal events; chain head `")
                .append(report.chainHead()).append("`")
                .append(report.chainIntact() ? ", chain intact" : ", CHAIN BROKEN at event " + report.firstBrokenSeq())
                .append("._\n");
        out.write(md.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void health(StringBuilder md, String heading, List<ClusterHealth> sides) {
        if (sides.isEmpty()) {
            return;
        }
        md.append("\n## ").append(heading).append("\n\n");
        table(md, List.of("Cluster", "Context", "State", "Verdict", "Nodes ready", "Running workspaces", "Not ready"),
                sides.stream().map(s -> List.of(s.side(), s.context(), s.state(), s.verdict(),
                        s.nodesReady() + "/" + s.nodesTotal(), Integer.toString(s.runningWorkspaces()),
                        String.join(", ", s.components().stream().filter(c -> c.ready() < c.desired())
                                .map(c -> c.name() + " " + c.ready() + "/" + c.desired()).toList()))).toList());
    }

    private static void table(StringBuilder md, List<String> columns, List<List<String>> rows) {
        md.append('|');
        columns.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|");
        columns.forEach(c -> md.append("---|"));
        md.append('\n');
        for (List<String> row : rows) {
            md.append('|');
            row.forEach(c -> md.append(' ').append(cell(c)).append(" |"));
            md.append('\n');
        }
    }

    /** A table cell: pipes escaped, line breaks folded, so one value never breaks the table. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }
}
