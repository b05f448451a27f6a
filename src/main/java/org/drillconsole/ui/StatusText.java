package org.drillconsole.ui;

import org.drillconsole.model.ComponentStatus;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.Verdict;

/**
 * Words, symbols and style classes for states, so that status never depends on colour alone.
 */
public final class StatusText {

    private StatusText() {
    }

    public static String symbol(Verdict verdict) {
        return switch (verdict) {
            case HEALTHY -> "✔";
            case IDLE -> "◐";
            case DEGRADED -> "▲";
            case DOWN -> "✖";
            case UNKNOWN -> "?";
        };
    }

    public static String styleClass(Verdict verdict) {
        return switch (verdict) {
            case HEALTHY -> "status-success";
            case IDLE -> "status-idle";
            case DEGRADED -> "status-warning";
            case DOWN -> "status-danger";
            case UNKNOWN -> "status-unknown";
        };
    }

    public static String symbol(ConnectionState state) {
        return switch (state) {
            case ONLINE -> "●";
            case CONNECTING -> "…";
            case DEGRADED -> "▲";
            case UNREACHABLE -> "✖";
            case UNAUTHORIZED, FORBIDDEN -> "⛔";
            case MISCONFIGURED -> "⚙";
        };
    }

    public static String styleClass(ConnectionState state) {
        return switch (state) {
            case ONLINE -> "status-success";
            case CONNECTING -> "status-unknown";
            case DEGRADED -> "status-warning";
            case UNREACHABLE, UNAUTHORIZED, FORBIDDEN, MISCONFIGURED -> "status-danger";
        };
    }

    public static String symbol(ComponentStatus status) {
        return switch (status) {
            case HEALTHY -> "✔";
            case PROGRESSING -> "↻";
            case IDLE -> "◐";
            case DEGRADED -> "▲";
            case FAILED -> "✖";
            case MISSING -> "∅";
        };
    }

    public static String styleClass(ComponentStatus status) {
        return switch (status) {
            case HEALTHY -> "status-success";
            case PROGRESSING -> "status-progress";
            case IDLE -> "status-idle";
            case DEGRADED -> "status-warning";
            case FAILED -> "status-danger";
            case MISSING -> "status-unknown";
        };
    }

    public static String display(ComponentStatus status) {
        String name = status.name();
        return symbol(status) + " " + name.charAt(0) + name.substring(1).toLowerCase();
    }
}
