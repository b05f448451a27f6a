package org.drillconsole.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drillconsole.report.ReportText.Fact;
import org.drillconsole.report.RunReport.ClusterHealth;

/** The HTML report's content as a PDF (OpenPDF), the timeline drawn as vector bars. */
public final class PdfReport {

    /** DejaVu covers the dashes and arrows of the report text; Helvetica (built in) is the fallback. */
    private static final List<Path> FONT_FILES = List.of(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"), Path.of("C:/Windows/Fonts/arial.ttf"),
            Path.of("/Library/Fonts/Arial Unicode.ttf"));
    private static final Color CLUSTER = new Color(0x2f, 0x6f, 0xdb);
    private static final Color PEOPLE = new Color(0xe8, 0x87, 0x1e);
    private static final Color HEADER = new Color(0xee, 0xf1, 0xf5);

    private PdfReport() {
    }

    public static void write(RunReport report, OutputStream out) throws IOException {
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(ReportText.title(report));
            document.addCreator("DR Drill Console");
            document.open();
            Fonts fonts = Fonts.load();
            document.add(new Paragraph(fonts.text(ReportText.title(report)), fonts.title));
            document.add(new Paragraph(fonts.text(report.outcome() + (report.outcomeDetail() == null ? ""
                    : ": " + report.outcomeDetail())), fonts.bold));
            PdfPTable facts = new PdfPTable(new float[] {1, 4});
            facts.setWidthPercentage(100);
            facts.setSpacingBefore(6);
            for (Fact fact : ReportText.facts(report)) {
                facts.addCell(cell(fonts, fact.label(), fonts.bold, null));
                facts.addCell(cell(fonts, fact.value(), fonts.body, null));
            }
            document.add(facts);
            heading(document, fonts, "Timeline (blue: waiting for the clusters, orange: waiting for people; "
                    + "green line: clock start, red line: clock stop)");
            document.add(timeline(writer.getDirectContent(), Timeline.of(report), fonts));
            if (!report.preflight().isEmpty()) {
                heading(document, fonts, "Preflight");
                document.add(table(fonts, List.of("Check", "Result", "Observed"), new float[] {2, 1, 6},
                        report.preflight().stream().map(c -> List.of(c.stepId(), c.outcome(), c.observed())).toList()));
            }
            heading(document, fonts, "Steps");
            document.add(table(fonts, ReportText.STEP_COLUMNS, new float[] {3, 2, 1, 1, 1, 6},
                    report.steps().stream().map(ReportText::stepRow).toList()));
            if (!report.notes().isEmpty()) {
                heading(document, fonts, "Notes");
                document.add(table(fonts, List.of("At", "Step", "Note"), new float[] {2, 2, 6}, report.notes().stream()
                        .map(n -> List.of(ReportText.time(n.at()), n.stepId() == null ? "" : n.stepId(), n.text()))
                        .toList()));
            }
            health(document, fonts, "Health when the clock started", report.healthAtStart());
            health(document, fonts, "Health when the clock stopped", report.healthAtStop());
            if (!report.warnings().isEmpty()) {
                heading(document, fonts, "Warning events captured");
                document.add(table(fonts, List.of("Cluster", "Object", "Reason", "Message", "Count"),
                        new float[] {1, 3, 2, 6, 1}, report.warnings().stream().map(w -> List.of(w.side(), w.object(),
                                w.reason(), w.message(), Integer.toString(w.count()))).toList()));
            }
            heading(document, fonts, "Journal: " + report.events().size() + " events, chain head "
                    + report.chainHead());
            document.add(table(fonts, List.of("#", "Recorded", "Event", "Step", "Outcome", "Detail"),
                    new float[] {1, 3, 3, 3, 2, 10}, report.events().stream().map(e -> List.of(
                            Integer.toString(e.seq()), ReportText.time(e.recordedAt()), e.kind(),
                            e.stepId() == null ? "" : e.stepId(), e.outcome() == null ? "" : e.outcome(),
                            e.detail() == null ? "" : HtmlReport.shorten(e.detail(), 600))).toList()));
        } catch (DocumentException e) {
            throw new IOException("the PDF could not be laid out: " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }

    /** The fonts of one document; {@link #text} replaces what the fallback font cannot show. */
    private record Fonts(boolean unicode, Font title, Font bold, Font body, Font small, BaseFont base) {

        static Fonts load() throws IOException {
            for (Path file : FONT_FILES) {
                if (Files.isReadable(file)) {
                    BaseFont base = BaseFont.createFont(file.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                    return new Fonts(true, new Font(base, 15, Font.BOLD), new Font(base, 9, Font.BOLD),
                            new Font(base, 9), new Font(base, 7.5f), base);
                }
            }
            BaseFont base = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            return new Fonts(false, new Font(base, 15, Font.BOLD), new Font(base, 9, Font.BOLD), new Font(base, 9),
                    new Font(base, 7.5f), base);
        }

        String text(String text) {
            if (unicode || text == null) {
                return text == null ? "" : text;
            }
            return text.replace("—", "-").replace("→", "->").replace("…", "...").replace("≤", "<=");
        }
    }

    private static void heading(Document document, Fonts fonts, String text) throws DocumentException {
        Paragraph heading = new Paragraph(fonts.text(text), fonts.bold);
        heading.setSpacingBefore(10);
        heading.setSpacingAfter(4);
        document.add(heading);
    }

    private static void health(Document document, Fonts fonts, String heading, List<ClusterHealth> sides)
            throws DocumentException {
        if (sides.isEmpty()) {
            return;
        }
        heading(document, fonts, heading);
        PdfPTable sideBySide = new PdfPTable(sides.size());
        sideBySide.setWidthPercentage(100);
        for (ClusterHealth side : sides) {
            PdfPTable one = table(fonts, List.of("Component", "Ready", "Status"), new float[] {3, 1, 2},
                    side.components().stream().map(c -> List.of(c.name(), c.ready() + "/" + c.desired(), c.status()))
                            .toList());
            PdfPCell cell = new PdfPCell();
            cell.setBorder(0);
            cell.addElement(new Paragraph(fonts.text(side.side() + " " + side.context() + ": " + side.state() + ", "
                    + side.verdict() + ", nodes " + side.nodesReady() + "/" + side.nodesTotal()
                    + ", running workspaces " + side.runningWorkspaces()), fonts.bold));
            cell.addElement(one);
            sideBySide.addCell(cell);
        }
        document.add(sideBySide);
    }

    private static PdfPTable table(Fonts fonts, List<String> columns, float[] widths, List<List<String>> rows) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        columns.forEach(c -> table.addCell(cell(fonts, c, fonts.bold, HEADER)));
        rows.forEach(row -> row.forEach(value -> table.addCell(cell(fonts, value, fonts.small, null))));
        return table;
    }

    private static PdfPCell cell(Fonts fonts, String text, Font font, Color background) {
        PdfPCell cell = new PdfPCell(new Phrase(fonts.text(text), font));
        cell.setPadding(3);
        cell.setBorderColor(Color.LIGHT_GRAY);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    private static Image timeline(PdfContentByte canvas, Timeline timeline, Fonts fonts) throws DocumentException {
        float width = 780;
        float label = 200;
        float axis = width - label - 10;
        float row = 13;
        float height = timeline.bars().size() * row + 26;
        PdfTemplate t = canvas.createTemplate(width, height);
        float y = height - row;
        for (Timeline.Bar bar : timeline.bars()) {
            t.beginText();
            t.setFontAndSize(fonts.base(), 7);
            t.setColorFill(Color.BLACK);
            t.showTextAligned(Element.ALIGN_LEFT, fonts.text(HtmlReport.shorten(bar.label(), 45)), 0, y + 3, 0);
            t.endText();
            t.setColorFill(bar.human() ? PEOPLE : CLUSTER);
            t.rectangle(label + (float) bar.start() * axis, y + 1, Math.max(1.5f, (float) bar.width() * axis), row - 4);
            t.fill();
            y -= row;
        }
        float bottom = y + row - 4;
        marker(t, timeline.clockStart(), label, axis, bottom, height, new Color(0x1a, 0x7f, 0x37));
        marker(t, timeline.clockStop(), label, axis, bottom, height, new Color(0xb4, 0x23, 0x18));
        t.setColorStroke(Color.DARK_GRAY);
        t.moveTo(label, bottom);
        t.lineTo(label + axis, bottom);
        t.stroke();
        t.beginText();
        t.setFontAndSize(fonts.base(), 7);
        t.setColorFill(Color.BLACK);
        t.showTextAligned(Element.ALIGN_LEFT, ReportText.time(timeline.from()), label, bottom - 10, 0);
        t.showTextAligned(Element.ALIGN_RIGHT, "+" + ReportText.duration(timeline.length()), label + axis,
                bottom - 10, 0);
        t.endText();
        return Image.getInstance(t);
    }

    private static void marker(PdfTemplate t, Double at, float left, float axis, float bottom, float top, Color colour) {
        if (at != null) {
            float x = left + at.floatValue() * axis;
            t.setColorStroke(colour);
            t.setLineWidth(1.5f);
            t.moveTo(x, bottom);
            t.lineTo(x, top);
            t.stroke();
            t.setLineWidth(1);
        }
    }
}
