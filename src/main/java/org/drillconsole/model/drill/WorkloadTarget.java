package org.drillconsole.model.drill;

/** The workloads a check or action is about: one by name, or all that a label selector matches. */
public sealed interface WorkloadTarget {

    record Named(String name) implements WorkloadTarget {
    }

    record Selected(LabelSelector selector) implements WorkloadTarget {
    }
}
