package org.drillconsole.drill;

import java.util.List;
import org.drillconsole.model.drill.Step;

/** The person running the drill: the wizard in the window, or standard input in a terminal. */
public interface Operator {

    /** Who is running the drill, for the record. */
    String name();

    /** A manual or approval step: done, skipped or failed (with a reason), or abort the run. */
    Answer answer(Step step);

    /** Preflight checks failed: a reason to go on anyway, or {@link Answer#abort} to stop. */
    Answer preflightFailed(List<String> failures);

    /** A step failed: retry it, skip it with a reason, or abort the run. */
    Answer stepFailed(Step step, String why);

    /**
     * A mutating action is about to run: the operator sees what it changes and must type the target
     * cluster's context name to go ahead.
     *
     * @return what the operator typed
     */
    String confirmAction(Step step, String context, String plan);

    /** What a person answered. */
    record Answer(Kind kind, String text, String by) {

        public enum Kind { DONE, SKIP, FAIL, RETRY, ABORT }

        public static Answer done(String by) {
            return new Answer(Kind.DONE, "", by);
        }

        public static Answer skip(String reason) {
            return new Answer(Kind.SKIP, reason, "");
        }

        public static Answer fail(String reason) {
            return new Answer(Kind.FAIL, reason, "");
        }

        public static Answer retry() {
            return new Answer(Kind.RETRY, "", "");
        }

        public static Answer abort(String reason) {
            return new Answer(Kind.ABORT, reason, "");
        }
    }
}
