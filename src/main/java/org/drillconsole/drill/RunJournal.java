package org.drillconsole.drill;

import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunSummary;

/**
 * Where the engine records each state change of a run. {@link #record} returns only once the event is
 * durable; the engine tells its listeners only after that, so nothing shown is unrecorded.
 */
@FunctionalInterface
public interface RunJournal {

    void record(RunEvent event) throws JournalWriteException;

    /** Records the closing event (COMPLETED, FAILED or ABORTED) with the run's measured figures. */
    default void finish(RunEvent.Finished end, RunSummary summary) throws JournalWriteException {
        record(end);
    }

    /** Recording failed: the run stops, because an unrecorded drill is no evidence. */
    final class JournalWriteException extends Exception {
        public JournalWriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
