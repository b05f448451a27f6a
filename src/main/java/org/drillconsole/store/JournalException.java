package org.drillconsole.store;

/** The journal cannot be opened or written; the message says which file and what to do. */
public class JournalException extends Exception {

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
