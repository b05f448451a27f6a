package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RolloutRulesTest {

    static Deployment deployment(long generation, long observed, int spec, int replicas, int updated, int available) {
        return new DeploymentBuilder().withNewMetadata().withName("server").withGeneration(generation).endMetadata()
                .withNewSpec().withReplicas(spec).endSpec()
                .withNewStatus().withObservedGeneration(observed).withReplicas(replicas).withUpdatedReplicas(updated)
                .withAvailableReplicas(available).endStatus().build();
    }

    @Nested
    class Deployments {

        @Test
        void isDoneWhenAllReplicasAreUpdatedAndAvailable() {
            Rollout rollout = RolloutRules.deployment(deployment(2, 2, 3, 3, 3, 3));
            assertTrue(rollout.done());
            assertEquals("successfully rolled out", rollout.message());
        }

        @Test
        void waitsWhileTheNewGenerationIsNotObserved() {
            Rollout rollout = RolloutRules.deployment(deployment(3, 2, 3, 3, 3, 3));
            assertFalse(rollout.done());
            assertEquals("ObservedGenerationLag", rollout.reason());
        }

        @Test
        void failsOnProgressDeadlineExceededOnceTheGenerationIsObserved() {
            Deployment d = new DeploymentBuilder(deployment(2, 2, 3, 3, 1, 1)).editStatus().addNewCondition()
                    .withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded").endCondition()
                    .endStatus().build();
            Rollout rollout = RolloutRules.deployment(d);
            assertTrue(rollout.failed());
            assertEquals("ProgressDeadlineExceeded", rollout.reason());
        }

        @Test
        void ignoresAStaleProgressDeadlineWhileTheGenerationIsNotObserved() {
            Deployment d = new DeploymentBuilder(deployment(3, 2, 3, 3, 1, 1)).editStatus().addNewCondition()
                    .withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded").endCondition()
                    .endStatus().build();
            Rollout rollout = RolloutRules.deployment(d);
            assertFalse(rollout.failed());
            assertEquals("ObservedGenerationLag", rollout.reason());
        }

        @Test
        void waitsForUpdatedReplicas() {
            Rollout rollout = RolloutRules.deployment(deployment(2, 2, 3, 3, 1, 1));
            assertEquals("1 out of 3 new replicas have been updated", rollout.message());
        }

        @Test
        void waitsForOldReplicasToTerminate() {
            Rollout rollout = RolloutRules.deployment(deployment(2, 2, 3, 5, 3, 3));
            assertEquals("2 old replicas are pending termination", rollout.message());
        }

        @Test
        void reportsDegradedAvailabilityWhenOneReplicaIsMissing() {
            Rollout rollout = RolloutRules.deployment(deployment(2, 2, 3, 3, 3, 2));
            assertFalse(rollout.done());
            assertEquals("2 of 3 updated replicas are available", rollout.message());
        }
    }

    @Nested
    class StatefulSets {

        StatefulSetBuilder statefulSet(long observed, int spec, int ready) {
            return new StatefulSetBuilder().withNewMetadata().withName("openvsx-proxy").withGeneration(1L).endMetadata()
                    .withNewSpec().withReplicas(spec).withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
                    .endSpec()
                    .withNewStatus().withObservedGeneration(observed).withReadyReplicas(ready).withUpdatedReplicas(ready)
                    .withCurrentReplicas(ready).withCurrentRevision("r1").withUpdateRevision("r1").endStatus();
        }

        @Test
        void waitsWhenObservedGenerationIsZero() {
            assertEquals("ObservedGenerationLag", RolloutRules.statefulSet(statefulSet(0, 1, 1).build()).reason());
        }

        @Test
        void waitsForReadyPods() {
            Rollout rollout = RolloutRules.statefulSet(statefulSet(1, 3, 1).build());
            assertEquals("waiting for 2 pods to be ready", rollout.message());
        }

        @Test
        void comparesRevisionsWithoutRollingUpdateParameters() {
            StatefulSet sts = statefulSet(1, 1, 1).editStatus().withUpdateRevision("r2").endStatus().build();
            assertEquals("RevisionMismatch", RolloutRules.statefulSet(sts).reason());
            assertEquals("RollingUpdateComplete", RolloutRules.statefulSet(statefulSet(1, 1, 1).build()).reason());
        }

        @Test
        void waitsForThePartitionToRollOut() {
            StatefulSet sts = statefulSet(1, 4, 4).editSpec().editUpdateStrategy().withNewRollingUpdate()
                    .withPartition(2).endRollingUpdate().endUpdateStrategy().endSpec()
                    .editStatus().withUpdatedReplicas(1).endStatus().build();
            Rollout rollout = RolloutRules.statefulSet(sts);
            assertFalse(rollout.done());
            assertEquals("waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated",
                    rollout.message());
        }

        @Test
        void reportsPartitionedRollOutCompleteInKubectlsWords() {
            StatefulSet sts = statefulSet(1, 4, 4).editSpec().editUpdateStrategy().withNewRollingUpdate()
                    .withPartition(2).endRollingUpdate().endUpdateStrategy().endSpec()
                    .editStatus().withUpdatedReplicas(2).endStatus().build();
            Rollout rollout = RolloutRules.statefulSet(sts);
            assertTrue(rollout.done());
            assertEquals("partitioned roll out complete: 2 new pods have been updated", rollout.message());
        }

        @Test
        void judgesOnDeleteByReadyVersusDesired() {
            StatefulSet sts = statefulSet(1, 2, 1).editSpec().editUpdateStrategy().withType("OnDelete")
                    .endUpdateStrategy().endSpec().build();
            assertFalse(RolloutRules.statefulSet(sts).done());
            assertTrue(RolloutRules.statefulSet(statefulSet(1, 2, 2).editSpec().editUpdateStrategy()
                    .withType("OnDelete").endUpdateStrategy().endSpec().build()).done());
        }
    }

    @Nested
    class DaemonSets {

        DaemonSet daemonSet(long generation, long observed, int desired, int updated, int available) {
            return new DaemonSetBuilder().withNewMetadata().withName("ws-daemon").withGeneration(generation).endMetadata()
                    .withNewSpec().withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy().endSpec()
                    .withNewStatus().withObservedGeneration(observed).withDesiredNumberScheduled(desired)
                    .withUpdatedNumberScheduled(updated).withNumberAvailable(available).withNumberReady(available)
                    .endStatus().build();
        }

        @Test
        void isDoneWhenEveryScheduledPodIsUpdatedAndAvailable() {
            assertTrue(RolloutRules.daemonSet(daemonSet(1, 1, 5, 5, 5)).done());
        }

        @Test
        void waitsForUpdatedPods() {
            assertEquals("3 out of 5 new pods have been updated",
                    RolloutRules.daemonSet(daemonSet(1, 1, 5, 3, 3)).message());
        }

        @Test
        void waitsForAvailablePods() {
            assertEquals("4 of 5 updated pods are available", RolloutRules.daemonSet(daemonSet(1, 1, 5, 5, 4)).message());
        }

        @Test
        void waitsWhileTheNewGenerationIsNotObserved() {
            assertEquals("ObservedGenerationLag", RolloutRules.daemonSet(daemonSet(2, 1, 5, 5, 5)).reason());
        }

        @Test
        void judgesOnDeleteByReadyVersusDesired() {
            DaemonSet ds = new DaemonSetBuilder(daemonSet(2, 1, 5, 0, 5)).editSpec().editUpdateStrategy()
                    .withType("OnDelete").endUpdateStrategy().endSpec().build();
            assertTrue(RolloutRules.daemonSet(ds).done());
        }
    }
}
