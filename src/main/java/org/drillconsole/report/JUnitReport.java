package org.drillconsole.report;

import static org.drillconsole.report.Markup.escape;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.report.ReportText.Fact;

/**
 * JUnit XML (the Ant/Surefire shape CI dashboards read): one test case per preflight check and per step,
 * plus one per objective, so a scheduled drill that misses its RTO turns a dashboard red.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static void write(RunReport report, OutputStream out) throws IOException {
        NewRun run = report.run().run();
        String suite = "drill-console." + run.drillName();
        StringBuilder cases = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (RunReport.CheckLine check : report.preflight()) {
            tests++;
            boolean failed = !"PASSED".equals(check.outcome());
            failures += failed ? 1 : 0;
            testCase(cases, suite + ".preflight", check.stepId(), Duration.ZERO,
                    failed ? failure("failure", check.observed()) : "");
        }
        for (RunReport.StepSpan step : report.steps()) {
            tests++;
            String body = "";
            if (step.outcome() == null) {
                errors++;
                body = failure("error", "the step never finished: the run was interrupted or aborted during it");
            } else {
                switch (step.outcome()) {
                    case FAILED -> {
                        failures++;
                        body = failure("failure", step.detail());
                    }
                    case SKIPPED -> {
                        skipped++;
                        body = "<skipped message=\"" + escape(step.detail()) + "\"/>";
                    }
                    case DONE -> {
                        // passed: no body
                    }
                }
            }
            testCase(cases, suite + ".steps", step.stepId(), step.duration(), body
                    + "<system-out>" + escape(ReportText.stepRow(step).get(5)) + "</system-out>");
        }
        RunSummary s = report.summary();
        if (s != null && s.rtoObjective() != null) {
            tests++;
            boolean missed = !s.rtoWithinObjective();
            failures += missed ? 1 : 0;
            testCase(cases, suite + ".objectives", "rto", s.rto(), missed ? failure("failure", "RTO "
                    + ReportText.duration(s.rto()) + " against an objective of " + ReportText.duration(s.rtoObjective()))
                    : "");
        }
        if (s != null && s.rpoObjective() != null && s.rpo() != null) {
            tests++;
            boolean missed = !s.rpoWithinObjective();
            failures += missed ? 1 : 0;
            testCase(cases, suite + ".objectives", "rpo", Duration.ZERO, missed ? failure("failure", "RPO "
                    + ReportText.duration(s.rpo()) + " against an objective of " + ReportText.duration(s.rpoObjective()))
                    : "");
        }
        if (s != null && s.recoveryProblem() != null) {
            tests++;
            failures++;
            testCase(cases, suite + ".objectives", "recovery", Duration.ZERO, failure("failure",
                    "the side the run recovered to was not healthy when the clock stopped: " + s.recoveryProblem()));
        }
        if (report.run().status() == RunStatus.ABORTED || report.run().status() == RunStatus.FAILED) {
            tests++;
            errors++;
            testCase(cases, suite + ".run", "outcome", Duration.ZERO, failure("error", report.outcome() + ": "
                    + report.outcomeDetail()));
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites><testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" skipped=\"").append(skipped).append("\" time=\"").append(seconds(report.wallTime()))
                .append("\" timestamp=\"").append(report.run().createdAt().toString(), 0, 19)
                .append("\" hostname=\"").append(escape(run.mode().name().toLowerCase())).append("\">\n<properties>");
        for (Fact fact : ReportText.facts(report)) {
            xml.append("<property name=\"").append(escape(fact.label())).append("\" value=\"")
                    .append(escape(fact.value())).append("\"/>");
        }
        xml.append("</properties>\n").append(cases).append("</testsuite></testsuites>\n");
        out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void testCase(StringBuilder xml, String className, String name, Duration took, String body) {
        xml.append("<testcase classname=\"").append(escape(className)).append("\" name=\"").append(escape(name))
                .append("\" time=\"").append(seconds(took)).append("\">").append(body).append("</testcase>\n");
    }

    private static String failure(String element, String message) {
        return "<" + element + " message=\"" + escape(message) + "\" type=\"" + element + "\">" + escape(message)
                + "</" + element + ">";
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration == null ? 0.0 : duration.toMillis() / 1000.0);
    }
}
