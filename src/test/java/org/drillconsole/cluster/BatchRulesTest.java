package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Instant;
import org.drillconsole.model.BatchWork;
import org.drillconsole.model.BatchWork.Status;
import org.junit.jupiter.api.Test;

class BatchRulesTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    static Job job(String started, String conditionType, String reason) {
        JobBuilder job = new JobBuilder().withNewMetadata().withName("migrations").endMetadata().withNewStatus()
                .withStartTime(started).endStatus();
        if (conditionType != null) {
            job.editStatus().addNewCondition().withType(conditionType).withStatus("True").withReason(reason)
                    .withMessage("Job has reached the specified backoff limit").endCondition().endStatus();
        }
        return job.build();
    }

    @Test
    void aCompletedJobSucceeded() {
        Job done = new JobBuilder(job("2026-11-25T09:00:00Z", "Complete", "CompletionsReached")).editStatus()
                .withCompletionTime("2026-11-25T09:01:00Z").endStatus().build();
        BatchWork work = BatchRules.job(done, NOW);
        assertEquals(Status.SUCCEEDED, work.status());
        assertEquals(Instant.parse("2026-11-25T09:01:00Z"), work.lastSuccess());
    }

    @Test
    void aJobThatReachedItsBackoffLimitFailedWithTheReason() {
        BatchWork work = BatchRules.job(job("2026-11-25T09:50:00Z", "Failed", "BackoffLimitExceeded"), NOW);
        assertEquals(Status.FAILED, work.status());
        assertTrue(work.message().contains("BackoffLimitExceeded"), work.message());
        assertTrue(work.inTrouble());
    }

    @Test
    void aJobRunningForMoreThanHalfAnHourIsStuck() {
        assertEquals(Status.STUCK, BatchRules.job(job("2026-11-25T09:20:00Z", null, null), NOW).status());
        assertEquals(Status.RUNNING, BatchRules.job(job("2026-11-25T09:50:00Z", null, null), NOW).status());
    }

    @Test
    void aCronJobShowsItsScheduleAndLastSuccessAndWhetherItIsSuspended() {
        var telemetry = new CronJobBuilder().withNewMetadata().withName("gitpod-telemetry").endMetadata()
                .withNewSpec().withSchedule("@daily").endSpec().withNewStatus()
                .withLastScheduleTime("2026-11-25T03:00:00Z").withLastSuccessfulTime("2026-11-25T03:00:05Z")
                .endStatus().build();
        BatchWork work = BatchRules.cronJob(telemetry);
        assertEquals(Status.SCHEDULED, work.status());
        assertEquals(Instant.parse("2026-11-25T03:00:05Z"), work.lastSuccess());
        telemetry.getSpec().setSuspend(true);
        assertEquals(Status.SUSPENDED, BatchRules.cronJob(telemetry).status());
    }

    @Test
    void onlyTheDatabaseSetupJobsBreakARestore() {
        assertTrue(BatchRules.isDatabaseSetup("migrations"));
        assertTrue(BatchRules.isDatabaseSetup("dbinit-session"));
        assertTrue(!BatchRules.isDatabaseSetup("gitpod-telemetry-29000000"));
    }
}
