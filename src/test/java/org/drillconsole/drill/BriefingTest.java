package org.drillconsole.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.journal.RunMode;
import org.junit.jupiter.api.Test;

class BriefingTest {

    static DrillDefinition pilotLight() throws Exception {
        return DrillLoader.load(Path.of("drills/pilot-light-failover.yaml"),
                ParameterValues.none().file(Path.of("drills/values/practice.yaml")));
    }

    @Test
    void tellsWhichClusterEachActionChangesAndHow() throws Exception {
        String briefing = Briefing.of(pilotLight(), RunMode.DRILL).text();
        assertTrue(briefing.contains("primary: scale ws-manager to 0 replicas (optional)"), briefing);
        assertTrue(briefing.contains("standby: scale the workloads app=gitpod to the primary's replica counts"), briefing);
        assertTrue(briefing.contains("standby: scale the workloads app=gitpod to 0 replicas (cleanup)"), briefing);
        assertTrue(briefing.contains("Before the clock, 4 preflight checks:"), briefing);
        assertTrue(briefing.contains("RTO objective 30m") && briefing.contains("RPO objective 15m"), briefing);
    }

    @Test
    void aFailoverRunsNoCleanupAndSaysSo() throws Exception {
        String briefing = Briefing.of(pilotLight(), RunMode.FAILOVER).text();
        assertFalse(briefing.contains("(cleanup)"), briefing);
        assertTrue(briefing.contains("no cleanup runs afterwards"), briefing);
    }

    @Test
    void aReadinessCheckChangesNothing() throws Exception {
        String briefing = Briefing.of(DrillLoader.load(Path.of("drills/standby-readiness.yaml")), RunMode.PRACTICE).text();
        assertTrue(briefing.contains("Changes nothing on either cluster."), briefing);
    }

    /** The briefing shows what the clusters say now of each step's action, and why one cannot be planned. */
    @Test
    void showsWhatTheClustersSayNowOfEachStepsAction() throws Exception {
        DrillDefinition drill = pilotLight();
        ClusterWork clusters = new ClusterWork() {
            @Override
            public CheckResult check(org.drillconsole.model.drill.CheckStep step) {
                throw new AssertionError("a briefing runs no check");
            }

            @Override
            public ActionPlan plan(org.drillconsole.model.drill.ActionStep step) throws StepException {
                if (step.cluster() == org.drillconsole.model.Side.PRIMARY) {
                    throw new StepException("the primary cluster does not answer: connection refused");
                }
                return new ActionPlan("dr-us", "scale server 0 → 2 in namespace gitpod; the API server accepts it",
                        java.util.List.of());
            }

            @Override
            public String apply(org.drillconsole.model.drill.ActionStep step, ActionPlan plan) {
                throw new AssertionError("a briefing changes nothing");
            }
        };
        var said = Briefing.dryRuns(drill, clusters);
        String briefing = Briefing.of(drill, RunMode.DRILL).withDryRuns(said).text();
        assertTrue(briefing.contains("standby: scale the workloads app=gitpod to the primary's replica counts\n"
                + "    now: scale server 0 → 2 in namespace gitpod"), briefing);
        assertTrue(briefing.contains("now: cannot be planned: the primary cluster does not answer"), briefing);
        assertFalse(drill.spec().cleanup().isEmpty());
        assertTrue(drill.spec().cleanup().stream().noneMatch(step -> said.containsKey(step.id())),
                "no cleanup step is planned: " + said);
        assertEquals(2, said.size(), said.toString());
    }
}
