package org.drillconsole.ui.drill;

import java.util.List;

/**
 * What the drill waits for from the operator right now.
 *
 * @param context for {@link Kind#CONFIRM}: the context name to type
 */
public record Prompt(Kind kind, String stepId, String title, String text, String context, List<String> failures) {

    public enum Kind {
        /** A manual step: Done, Skip, Fail, Note, Abort. */
        MANUAL,
        /** An approval: Done with the approver's name. */
        APPROVAL,
        /** A mutating action: type the context name to confirm. */
        CONFIRM,
        /** Preflight failed: override with a reason, or abort. */
        PREFLIGHT,
        /** A step failed: retry, skip with a reason, or abort. */
        STEP_FAILED,
        /** The time of the newest backup, for an RPO check. */
        BACKUP_TIME
    }
}
