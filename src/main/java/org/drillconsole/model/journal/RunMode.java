package org.drillconsole.model.journal;

/** Practice (practice clusters), drill (real clusters, planned) or failover (a real outage). */
public enum RunMode {
    PRACTICE,
    DRILL,
    FAILOVER
}
