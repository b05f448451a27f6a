package org.drillconsole.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ComparisonRow;
import org.drillconsole.model.ComparisonRow.Difference;
import org.drillconsole.model.ComponentHealth;
import org.drillconsole.model.ComponentStatus;
import org.drillconsole.model.WorkloadKind;

/** Compares the primary's components with the standby's: presence, images, replicas. A pure function. */
public final class Comparison {

    private Comparison() {
    }

    /**
     * The differences, component by component; none when either side's objects are not known (not contacted,
     * misconfigured, still listing): every component would otherwise be called absent on that side.
     */
    public static List<ComparisonRow> compare(ClusterSnapshot primary, ClusterSnapshot standby) {
        if (!known(primary) || !known(standby)) {
            return List.of();
        }
        Map<String, ComponentHealth> left = present(primary);
        Map<String, ComponentHealth> right = present(standby);
        List<ComparisonRow> rows = new ArrayList<>();
        for (String name : new TreeSet<>(union(left, right))) {
            ComponentHealth p = left.get(name);
            ComponentHealth s = right.get(name);
            if (s == null) {
                rows.add(new ComparisonRow(name, Difference.ONLY_ON_PRIMARY, replicas(p), "—", "absent on standby"));
            } else if (p == null) {
                rows.add(new ComparisonRow(name, Difference.ONLY_ON_STANDBY, "—", replicas(s), "absent on primary"));
            } else if (!p.images().equals(s.images())) {
                rows.add(new ComparisonRow(name, Difference.IMAGE_DIFFERS, String.join(", ", p.images()),
                        String.join(", ", s.images()), "image versions differ"));
            } else if (p.desired() != s.desired()) {
                rows.add(new ComparisonRow(name, Difference.REPLICAS_DIFFER, replicas(p), replicas(s),
                        p.kind() == WorkloadKind.DAEMONSET
                                ? "one per labelled node: the standby has " + (p.desired() > s.desired() ? "fewer" : "more")
                                + " nodes"
                                : "standby needs " + p.desired() + " to match the primary"));
            } else {
                rows.add(new ComparisonRow(name, Difference.SAME, replicas(p), replicas(s), "same"));
            }
        }
        return rows;
    }

    /**
     * Why nothing is compared, in words ("not compared: the primary's objects are not known"), or null when
     * both sides' objects are known: the health command and the window's comparison say the same.
     */
    public static String notCompared(boolean primaryKnown, boolean standbyKnown) {
        if (!primaryKnown && !standbyKnown) {
            return "not compared: neither cluster's objects are known yet";
        }
        if (!primaryKnown || !standbyKnown) {
            return "not compared: the " + (primaryKnown ? "standby" : "primary") + "'s objects are not known";
        }
        return null;
    }

    /** Whether {@code snapshot}'s objects are known (the last known ones of a side that stopped answering count). */
    public static boolean known(ClusterSnapshot snapshot) {
        return snapshot != null && snapshot.objectsKnown();
    }

    private static Map<String, ComponentHealth> present(ClusterSnapshot snapshot) {
        Map<String, ComponentHealth> byName = new TreeMap<>();
        snapshot.components().stream().filter(c -> c.status() != ComponentStatus.MISSING)
                .forEach(c -> byName.put(c.name(), c));
        return byName;
    }

    private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.Set<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    private static String replicas(ComponentHealth component) {
        return component.ready() + "/" + component.desired();
    }
}
