package org.drillconsole.report;

/** A report could not be produced or written; the message names the file and says why. */
public final class ReportException extends Exception {

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
