package org.drillconsole.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.drillconsole.model.Side;
import org.drillconsole.model.Words;
import org.drillconsole.model.drill.Action;
import org.drillconsole.model.drill.ActionStep;
import org.drillconsole.model.drill.CheckStep;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.drill.Step;
import org.drillconsole.model.drill.WorkloadTarget;
import org.drillconsole.model.journal.RunMode;

/**
 * What a runbook will do, told before it starts: what it is, which cluster each action changes and how, the
 * preflight checks, and what the chosen mode means. A pure function of the runbook and the mode; the window
 * lays its parts out, {@link #text()} says it in lines.
 *
 * @param rto the RTO objective, or null
 * @param rpo the RPO objective, or null
 * @param description the runbook's description on one line, or null
 * @param changes every action, in the order it runs (the cleanup's after the steps'; none in a failover)
 * @param preflight the titles of the preflight checks
 */
public record Briefing(String title, String strategy, Duration rto, Duration rpo, String description,
                       List<Change> changes, List<String> preflight, RunMode mode) {

    /**
     * One action: the cluster it changes, and how, in words.
     *
     * @param dryRun what the cluster's API server says of it now (a server-side dry run: the exact changes, or
     *               why it would refuse), when the clusters could be asked; else null
     */
    public record Change(String stepId, Side cluster, String what, boolean optional, boolean cleanup, String dryRun) {

        /** "scale ws-manager to 0 replicas (optional)". */
        public String describe() {
            return what + (optional ? " (optional)" : "") + (cleanup ? " (cleanup)" : "");
        }
    }

    public Briefing {
        changes = List.copyOf(changes);
        preflight = List.copyOf(preflight);
    }

    public static Briefing of(DrillDefinition drill, RunMode mode) {
        var spec = drill.spec();
        List<Change> changes = new ArrayList<>();
        addChanges(spec.steps(), changes, false);
        if (mode != RunMode.FAILOVER) {
            addChanges(spec.cleanup(), changes, true);
        }
        String description = drill.metadata().description();
        return new Briefing(drill.metadata().title(), spec.strategy().key(), spec.objectives().rto(),
                spec.objectives().rpo(), description == null || description.isBlank() ? null
                : description.strip().replaceAll("\\s+", " "), changes,
                spec.preflight().stream().map(CheckStep::displayTitle).toList(), mode);
    }

    /** "pilot-light · RTO objective 30m · RPO objective 15m": the objectives as the runbook writes them. */
    public String facts() {
        return strategy + (rto == null ? "" : " · RTO objective " + Durations.format(rto))
                + (rpo == null ? "" : " · RPO objective " + Durations.format(rpo));
    }

    /** "Changes nothing on either cluster." or "What it changes:". */
    public String changesHeading() {
        return changes.isEmpty() ? "Changes nothing on either cluster." : "What it changes:";
    }

    /** "Before the clock, 4 preflight checks:". */
    public String preflightHeading() {
        return "Before the clock, " + Words.count(preflight.size(), "preflight check") + ":";
    }

    /** What the mode means for this run. */
    public String modeMeaning() {
        return switch (mode) {
            case PRACTICE -> "Practice mode: on the practice clusters; nothing real changes, and the cleanup returns "
                    + "them to rest.";
            case FAILOVER -> "Failover mode: a real outage. The clock can start at the outage (its start and where it "
                    + "comes from); no cleanup runs afterwards; every action asks for the cluster's context name.";
            case DRILL -> "Drill mode: a planned drill on the real clusters; every action asks for the cluster's context "
                    + "name, and the cleanup returns the standby to rest.";
        };
    }

    /** The same briefing with what the clusters say now of each change (by step id); others are left as they are. */
    public Briefing withDryRuns(java.util.Map<String, String> said) {
        return new Briefing(title, strategy, rto, rpo, description, changes.stream().map(c -> said.containsKey(c.stepId())
                ? new Change(c.stepId(), c.cluster(), c.what(), c.optional(), c.cleanup(), said.get(c.stepId())) : c)
                .toList(), preflight, mode);
    }

    /**
     * What each of the steps' actions would send if it ran now, from a server-side dry run on the clusters
     * (the cleanup's are left out: they depend on what the steps will have done). A step the clusters refuse, or
     * cannot be asked about, says why.
     */
    public static java.util.Map<String, String> dryRuns(DrillDefinition drill, ClusterWork work) {
        java.util.Map<String, String> said = new java.util.LinkedHashMap<>();
        for (Step step : drill.spec().steps()) {
            if (step instanceof ActionStep action) {
                try {
                    said.put(action.id(), "now: " + work.plan(action).summary());
                } catch (ClusterWork.StepException e) {
                    said.put(action.id(), "now: cannot be planned: " + e.getMessage());
                }
            }
        }
        return said;
    }

    /** The whole briefing in lines, as a terminal or a test reads it. */
    public String text() {
        List<String> lines = new ArrayList<>();
        lines.add(title + " · " + facts());
        if (description != null) {
            lines.add(description);
        }
        lines.add(changesHeading());
        changes.forEach(c -> {
            lines.add("  • " + c.cluster().key() + ": " + c.describe());
            if (c.dryRun() != null) {
                lines.add("    " + c.dryRun());
            }
        });
        if (!preflight.isEmpty()) {
            lines.add(preflightHeading());
            preflight.forEach(p -> lines.add("  • " + p));
        }
        lines.add(modeMeaning());
        return String.join("\n", lines);
    }

    private static void addChanges(List<Step> steps, List<Change> changes, boolean cleanup) {
        for (Step step : steps) {
            if (step instanceof ActionStep action) {
                changes.add(new Change(action.id(), action.cluster(), what(action.action()), action.optional(), cleanup,
                        null));
            }
        }
    }

    private static String what(Action action) {
        return action.accept(new Action.Cases<String, RuntimeException>() {
            @Override
            public String scale(Action.Scale scale) {
                return "scale " + target(scale.target()) + " to " + (scale.replicas() instanceof Action.Replicas.Fixed f
                        ? Words.count(f.count(), "replica") : "the primary's replica counts");
            }

            @Override
            public String rolloutRestart(Action.RolloutRestart restart) {
                return "restart " + target(restart.target());
            }

            @Override
            public String cordon(Action.Cordon cordon) {
                return "cordon node " + cordon.node();
            }

            @Override
            public String uncordon(Action.Uncordon uncordon) {
                return "uncordon node " + uncordon.node();
            }

            @Override
            public String mergePatch(Action.MergePatch patch) {
                return "merge-patch " + patch.resource().key() + "/" + patch.name();
            }

            @Override
            public String apply(Action.Apply apply) {
                return "apply " + apply.file();
            }

            @Override
            public String delete(Action.Delete delete) {
                return "delete " + delete.resource().key() + "/" + delete.name();
            }
        });
    }

    private static String target(WorkloadTarget target) {
        return target instanceof WorkloadTarget.Named named ? named.name()
                : "the workloads " + ((WorkloadTarget.Selected) target).selector();
    }
}
