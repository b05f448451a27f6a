package org.drillconsole.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drillconsole.model.journal.RunEvent.StepOutcome;
import org.drillconsole.report.RunReport.StepSpan;

/**
 * The run's steps as bars on one time axis, in fractions of the axis (0..1), drawn by the SVG and PDF
 * timelines alike.
 */
public record Timeline(Instant from, Instant to, List<Bar> bars, Double clockStart, Double clockStop) {

    /**
     * @param human true when a person was being waited for; false for the clusters
     * @param outcome null for a step that never finished
     */
    public record Bar(String label, double start, double width, boolean human, StepOutcome outcome, Duration took) {
    }

    public static Timeline of(RunReport report) {
        List<StepSpan> steps = report.steps();
        Instant from = report.events().isEmpty() ? Instant.EPOCH : report.events().get(0).recordedAt();
        Instant to = report.events().isEmpty() ? from : report.events().get(report.events().size() - 1).recordedAt();
        double span = Math.max(1, Duration.between(from, to).toMillis());
        List<Bar> bars = steps.stream().map(s -> {
            Instant end = s.finished() == null ? to : s.finished();
            double start = Duration.between(from, s.started()).toMillis() / span;
            double width = Math.max(0.004, Duration.between(s.started(), end).toMillis() / span);
            return new Bar(s.title() == null ? s.stepId() : s.title(), clamp(start), Math.min(width, 1 - clamp(start)),
                    s.waitingFor() == RunReport.WaitingFor.PEOPLE, s.outcome(), s.duration());
        }).toList();
        return new Timeline(from, to, bars, fraction(report.clockStart(), from, span),
                fraction(report.clockStop(), from, span));
    }

    /** "DONE", "FAILED", "SKIPPED" or "unfinished", as a bar's tooltip says it. */
    public static String outcomeText(StepOutcome outcome) {
        return outcome == null ? "unfinished" : outcome.name();
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    private static Double fraction(Instant at, Instant from, double span) {
        return at == null ? null : clamp(Duration.between(from, at).toMillis() / span);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
