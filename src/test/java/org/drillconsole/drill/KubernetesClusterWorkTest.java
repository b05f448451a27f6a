package org.drillconsole.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.drillconsole.model.drill.LabelSelectors;
import org.drillconsole.cluster.ClusterPair;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.Side;
import org.drillconsole.model.Verdict;
import org.drillconsole.model.drill.Action;
import org.drillconsole.model.drill.ActionStep;
import org.drillconsole.model.drill.Check;
import org.drillconsole.model.drill.CheckStep;
import org.drillconsole.model.drill.WorkloadTarget;
import org.drillconsole.support.Await;
import org.drillconsole.support.PracticeClustersExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Checks and actions of the typed runbook model against the practice clusters. */
class KubernetesClusterWorkTest {

    @RegisterExtension
    final PracticeClustersExtension practice = new PracticeClustersExtension(Duration.ofMillis(200));
    ClusterPair pair;
    KubernetesClusterWork work;

    @BeforeEach
    void connect() throws Exception {
        pair = ClusterPair.open(new ClusterPair.Source(practice.clusters().kubeconfig(Side.PRIMARY), null),
                new ClusterPair.Source(practice.clusters().kubeconfig(Side.STANDBY), null), "gitpod", s -> { },
                Clock.systemUTC());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !(settled(Side.PRIMARY, Verdict.HEALTHY) && settled(Side.STANDBY, Verdict.IDLE))) {
            Thread.sleep(100);
        }
        work = new KubernetesClusterWork(pair, "gitpod", Map.of("ws-manager", 1), Path.of("."), step -> Instant.now(),
                Network.REAL);
    }

    private boolean settled(Side side, Verdict verdict) {
        ClusterSnapshot s = pair.monitor(side).snapshot();
        return s.objectsKnown() && s.verdict() == verdict;
    }

    @AfterEach
    void close() {
        pair.close();
    }

    static ActionStep scale(WorkloadTarget target, Action.Replicas replicas) {
        return new ActionStep("scale", null, null, Side.STANDBY, null, new Action.Scale(target, replicas), false);
    }

    static CheckStep ready(WorkloadTarget target) {
        return new CheckStep("ready", null, null, Side.STANDBY, null, new Check.WorkloadsReady(target), Duration.ZERO,
                Duration.ofSeconds(1), false);
    }

    KubernetesClient standby() {
        return pair.monitor(Side.STANDBY).client();
    }

    int replicas(String name) {
        return standby().apps().deployments().inNamespace("gitpod").withName(name).get().getSpec().getReplicas();
    }

    @Test
    void aPlanIsADryRunThatChangesNothing() throws Exception {
        ClusterWork.ActionPlan plan = work.plan(scale(new WorkloadTarget.Named("ws-manager"),
                new Action.Replicas.FromPrimarySnapshot()));
        assertEquals(List.of(new ClusterRequest.Scale(org.drillconsole.model.drill.ResourceKind.DEPLOYMENT, "ws-manager",
                0, 1)), plan.requests());
        assertTrue(plan.summary().contains("scale ws-manager 0 → 1"), plan.summary());
        assertEquals(0, replicas("ws-manager"));
    }

    @Test
    void appliesExactlyThePlanTheOperatorConfirmedEvenWhenTheClusterMovedMeanwhile() throws Exception {
        ActionStep step = scale(new WorkloadTarget.Selected(LabelSelectors.parse("component in (server,proxy)")),
                new Action.Replicas.Fixed(2));
        ClusterWork.ActionPlan plan = work.plan(step);
        assertEquals(2, plan.requests().size(), plan.requests().toString());
        // Someone scales the dashboard while the operator reads the plan: it was not in the plan, so it stays.
        practice.clusters().controls().scale(Side.STANDBY, "dashboard", 1);
        work.apply(step, plan);
        assertEquals(2, replicas("server"));
        assertEquals(2, replicas("proxy"));
        assertEquals(1, replicas("dashboard"));
    }

    @Test
    void aWorkloadLeftAtZeroAfterTheDrillScaledItUpIsNotRolledOut() throws Exception {
        WorkloadTarget wsManager = new WorkloadTarget.Named("ws-manager");
        assertTrue(work.check(ready(wsManager)).passed(), "idle at 0 counts as settled before the drill scales it");
        ActionStep step = scale(wsManager, new Action.Replicas.FromPrimarySnapshot());
        work.apply(step, work.plan(step));
        practice.clusters().controls().scale(Side.STANDBY, "ws-manager", 0);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ClusterWork.CheckResult result = work.check(ready(wsManager));
        while (System.nanoTime() < deadline && !result.observed().contains("set by this drill")) {
            Thread.sleep(200);
            result = work.check(ready(wsManager));
        }
        assertFalse(result.passed(), result.observed());
        assertTrue(result.observed().contains("ws-manager (at 0 replicas, 1 set by this drill)"), result.observed());
    }

    @Test
    void appliesEveryObjectOfAManifestWithSeveralDocumentsWhateverTheirKind(@TempDir Path runbooks) throws Exception {
        java.nio.file.Files.writeString(runbooks.resolve("standby-extras.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: drill-marker, namespace: gitpod}
                data: {drill: "yes"}
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: drill-marker-2, namespace: gitpod}
                  data: {drill: "also"}
                """);
        KubernetesClusterWork withManifests = new KubernetesClusterWork(pair, "gitpod", Map.of(), runbooks,
                step -> Instant.now(), Network.REAL);
        ActionStep step = new ActionStep("extras", null, null, Side.STANDBY, null,
                new Action.Apply("standby-extras.yaml"), false);
        ClusterWork.ActionPlan plan = withManifests.plan(step);
        assertEquals(2, plan.requests().size(), plan.requests().toString());
        withManifests.apply(step, plan);
        assertEquals("yes", standby().configMaps().inNamespace("gitpod").withName("drill-marker").get().getData()
                .get("drill"));
        assertEquals("also", standby().configMaps().inNamespace("gitpod").withName("drill-marker-2").get().getData()
                .get("drill"));
    }

    @Test
    void aSetBasedSelectorSelectsOnlyWhatItSays() throws Exception {
        ActionStep step = scale(new WorkloadTarget.Selected(LabelSelectors.parse("app=gitpod,component notin (server)")),
                new Action.Replicas.Fixed(1));
        ClusterWork.ActionPlan plan = work.plan(step);
        assertTrue(plan.requests().stream().noneMatch(r -> r instanceof ClusterRequest.Scale s
                && s.name().equals("server")), plan.requests().toString());
        assertTrue(plan.requests().stream().anyMatch(r -> r instanceof ClusterRequest.Scale s
                && s.name().equals("proxy")), plan.requests().toString());
    }

    @Test
    void theMigrationsCheckFailsWithTheJobsReasonAndPassesOnceItRanAgain() throws Exception {
        CheckStep migrations = new CheckStep("migrations", null, null, Side.STANDBY, null,
                new Check.JobSucceeded("migrations"), Duration.ZERO, Duration.ofSeconds(1), false);
        assertTrue(work.check(migrations).passed(), work.check(migrations).observed());

        practice.clusters().controls().migrations(Side.STANDBY, true);
        Await.until(() -> !work.check(migrations).passed(), "the migrations check fails");
        assertTrue(work.check(migrations).observed().contains("failed"), work.check(migrations).observed());

        practice.clusters().controls().migrations(Side.STANDBY, false);
        Await.until(() -> work.check(migrations).passed(), "the migrations check passes");

        CheckStep absent = new CheckStep("dbinit", null, null, Side.STANDBY, null,
                new Check.JobSucceeded("dbinit-session"), Duration.ZERO, Duration.ofSeconds(1), false);
        assertFalse(work.check(absent).passed());
        assertEquals("no Job dbinit-session in namespace gitpod", work.check(absent).observed());
    }

    @Test
    void theMessageBusIsScaledByItsHelmChartsSelectorNotByAppGitpod() throws Exception {
        ClusterWork.ActionPlan gitpod = work.plan(scale(new WorkloadTarget.Selected(LabelSelectors.parse("app=gitpod")),
                new Action.Replicas.Fixed(1)));
        assertTrue(gitpod.requests().stream().noneMatch(r -> r instanceof ClusterRequest.Scale s
                && s.name().equals("messagebus")), gitpod.requests().toString());
        ClusterWork.ActionPlan rabbit = work.plan(scale(new WorkloadTarget.Selected(
                LabelSelectors.parse("app.kubernetes.io/name=rabbitmq")), new Action.Replicas.Fixed(1)));
        assertEquals(List.of("messagebus"), rabbit.requests().stream().map(r -> ((ClusterRequest.Scale) r).name())
                .toList());
    }
}
