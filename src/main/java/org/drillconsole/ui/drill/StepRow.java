package org.drillconsole.ui.drill;

/** One line of the drill's step list: where it stands and how long it took. */
public record StepRow(String id, String title, String section, String status, String split) {

    StepRow with(String newStatus, String newSplit) {
        return new StepRow(id, title, section, newStatus, newSplit);
    }
}
