package org.drillconsole.report;

import java.io.IOException;
import java.io.OutputStream;

/** The formats a single run's report can be written in. */
public enum ReportFormat {
    HTML("html"),
    PDF("pdf"),
    MD("md"),
    JSON("json"),
    JUNIT("xml");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** The file name ending, without the dot. */
    public String extension() {
        return extension;
    }

    public void write(RunReport report, OutputStream out) throws IOException {
        switch (this) {
            case HTML -> HtmlReport.write(report, out);
            case PDF -> PdfReport.write(report, out);
            case MD -> MarkdownReport.write(report, out);
            case JSON -> JsonReport.write(report, out);
            case JUNIT -> JUnitReport.write(report, out);
        }
    }
}
