package org.drillconsole.model;

/** One line of the primary/standby comparison. */
public record ComparisonRow(String component, Difference difference, String primary, String standby, String detail) {

    public enum Difference {
        ONLY_ON_PRIMARY,
        ONLY_ON_STANDBY,
        IMAGE_DIFFERS,
        REPLICAS_DIFFER,
        SAME
    }
}
