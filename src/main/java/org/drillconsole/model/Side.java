package org.drillconsole.model;

/** Which of the two clusters a value belongs to. */
public enum Side {
    PRIMARY("Primary"),
    STANDBY("Standby");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase();
    }
}
