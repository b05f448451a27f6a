package org.drillconsole.model.drill;

/** Where a step marks the RTO clock. */
public enum Clock {
    START, STOP
}
