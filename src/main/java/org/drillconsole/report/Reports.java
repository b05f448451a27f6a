package org.drillconsole.report;

import java.time.Clock;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.store.JournalException;
import org.drillconsole.store.JournalStore;

/** Reads a run and its events from the journal and builds its report. */
public final class Reports {

    private Reports() {
    }

    public static RunReport load(JournalStore store, long runId, Clock clock) throws ReportException {
        try {
            RunRecord run = store.run(runId).orElseThrow(() -> new ReportException("there is no run " + runId
                    + " in the journal " + store.where() + " (see `history` for the run ids)", null));
            return RunReports.of(run, store.events(runId), clock.instant());
        } catch (JournalException e) {
            throw new ReportException(e.getMessage(), e);
        }
    }
}
