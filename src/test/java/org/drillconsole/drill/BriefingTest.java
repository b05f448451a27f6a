package org.drillconsole.drill;

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
}
