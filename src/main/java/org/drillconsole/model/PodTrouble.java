package org.drillconsole.model;

/** A pod that needs attention, with the reason kubectl would show. */
public record PodTrouble(String name, String component, String reason, int restarts, String message) {
}
