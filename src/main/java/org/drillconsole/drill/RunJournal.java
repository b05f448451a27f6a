package org.drillconsole.drill;

/**
 * Where the engine records each state change of a run. {@link #record} returns only once the event is
 * durable; the engine tells its listeners only after that, so nothing shown is unrecorded.
 */
@FunctionalInterface
public interface RunJournal {

    void record(String kind, String stepId, String outcome, String detail) throws JournalWriteException;

    /** Recording failed: the run stops, because an unrecorded drill is no evidence. */
    final class JournalWriteException extends Exception {
        public JournalWriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
