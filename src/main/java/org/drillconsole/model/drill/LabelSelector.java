package org.drillconsole.model.drill;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A Kubernetes label selector, parsed: every requirement must hold. {@link #toString()} is its canonical
 * text, which the API server evaluates ({@code labelSelector=}).
 */
public record LabelSelector(List<Requirement> requirements) {

    public LabelSelector {
        requirements = List.copyOf(requirements);
    }

    public enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

    /** @param values one value for EQUALS and NOT_EQUALS, several for IN and NOT_IN, none otherwise */
    public record Requirement(String key, Operator operator, Set<String> values) {
        public Requirement {
            values = java.util.Collections.unmodifiableSet(new TreeSet<>(values));
        }

        @Override
        public String toString() {
            String one = values.isEmpty() ? "" : values.iterator().next();
            return switch (operator) {
                case EQUALS -> key + "=" + one;
                case NOT_EQUALS -> key + "!=" + one;
                case IN -> key + " in (" + String.join(",", values) + ")";
                case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
                case EXISTS -> key;
                case DOES_NOT_EXIST -> "!" + key;
            };
        }
    }

    /** Whether a set of labels satisfies every requirement. */
    public boolean matches(java.util.Map<String, String> labels) {
        for (Requirement r : requirements) {
            String value = labels.get(r.key());
            boolean ok = switch (r.operator()) {
                case EQUALS, IN -> value != null && r.values().contains(value);
                case NOT_EQUALS, NOT_IN -> value == null || !r.values().contains(value);
                case EXISTS -> value != null;
                case DOES_NOT_EXIST -> value == null;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }
}
