package org.drillconsole.drill;

import java.util.ArrayList;
import java.util.List;
import org.drillconsole.model.drill.Action;
import org.drillconsole.model.drill.ActionStep;
import org.drillconsole.model.drill.CheckStep;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.drill.Step;
import org.drillconsole.model.drill.WorkloadTarget;

/**
 * What a runbook will do, told before it starts: what it is, which cluster each action changes and how, the
 * preflight checks, and what the chosen mode means. A pure function of the runbook and the mode.
 */
public final class Briefing {

    private Briefing() {
    }

    /** @param mode practice, drill or failover */
    public static String of(DrillDefinition drill, String mode) {
        List<String> lines = new ArrayList<>();
        var spec = drill.spec();
        lines.add(drill.metadata().title() + " · " + spec.strategy().key()
                + (spec.objectives().rto() == null ? "" : " · RTO objective " + Durations.format(spec.objectives().rto()))
                + (spec.objectives().rpo() == null ? "" : " · RPO objective " + Durations.format(spec.objectives().rpo())));
        if (drill.metadata().description() != null && !drill.metadata().description().isBlank()) {
            lines.add(drill.metadata().description().strip().replaceAll("\\s+", " "));
        }
        List<String> changes = new ArrayList<>();
        addChanges(spec.steps(), changes, "");
        if (!"failover".equals(mode)) {
            addChanges(spec.cleanup(), changes, " (cleanup)");
        }
        lines.add(changes.isEmpty() ? "Changes nothing on either cluster." : "Changes:\n  • " + String.join("\n  • ",
                changes));
        if (!spec.preflight().isEmpty()) {
            lines.add("Before the clock, " + spec.preflight().size() + " preflight check(s):\n  • " + String.join(
                    "\n  • ", spec.preflight().stream().map(CheckStep::displayTitle).toList()));
        }
        lines.add(switch (mode) {
            case "practice" -> "Practice mode: on the practice clusters; nothing real changes, and the cleanup returns "
                    + "them to rest.";
            case "failover" -> "Failover mode: a real outage. The clock can start at the outage (its start and where it "
                    + "comes from); no cleanup runs afterwards; every action asks for the cluster's context name.";
            default -> "Drill mode: a planned drill on the real clusters; every action asks for the cluster's context "
                    + "name, and the cleanup returns the standby to rest.";
        });
        return String.join("\n", lines);
    }

    private static void addChanges(List<Step> steps, List<String> changes, String where) {
        for (Step step : steps) {
            if (step instanceof ActionStep action) {
                changes.add(action.cluster().key() + ": " + what(action.action()) + (action.optional() ? " (optional)" : "")
                        + where);
            }
        }
    }

    private static String what(Action action) {
        return action.accept(new Action.Cases<String, RuntimeException>() {
            @Override
            public String scale(Action.Scale scale) {
                return "scale " + target(scale.target()) + " to " + (scale.replicas() instanceof Action.Replicas.Fixed f
                        ? f.count() + " replica(s)" : "the primary's replica counts");
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
