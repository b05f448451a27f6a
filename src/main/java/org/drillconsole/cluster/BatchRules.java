package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drillconsole.model.BatchWork;
import org.drillconsole.model.BatchWork.Kind;
import org.drillconsole.model.BatchWork.Status;

/** The last result of Jobs and CronJobs, as pure functions. */
public final class BatchRules {

    /** Gitpod's schema migration takes seconds to a few minutes; half an hour means it hangs. */
    static final Duration STUCK_AFTER = Duration.ofMinutes(30);

    private BatchRules() {
    }

    public static BatchWork job(Job job, Instant now) {
        String name = job.getMetadata().getName();
        var status = job.getStatus();
        Instant started = status == null ? null : PodRules.parse(status.getStartTime());
        Instant completed = status == null ? null : PodRules.parse(status.getCompletionTime());
        List<JobCondition> conditions = status == null ? List.of() : status.getConditions();
        for (JobCondition condition : conditions) {
            if ("Failed".equals(condition.getType()) && "True".equals(condition.getStatus())) {
                String why = condition.getReason() == null ? "" : condition.getReason();
                String detail = condition.getMessage() == null ? "" : ": " + condition.getMessage();
                return new BatchWork(Kind.JOB, name, Status.FAILED, "failed (" + why + ")" + detail, started, null);
            }
        }
        for (JobCondition condition : conditions) {
            if ("Complete".equals(condition.getType()) && "True".equals(condition.getStatus())) {
                return new BatchWork(Kind.JOB, name, Status.SUCCEEDED, "completed", started, completed);
            }
        }
        if (started != null && Duration.between(started, now).compareTo(STUCK_AFTER) > 0) {
            long minutes = Duration.between(started, now).toMinutes();
            return new BatchWork(Kind.JOB, name, Status.STUCK, "running for " + minutes + " min without completing",
                    started, null);
        }
        return new BatchWork(Kind.JOB, name, Status.RUNNING, started == null ? "not started yet" : "running",
                started, null);
    }

    public static BatchWork cronJob(CronJob cronJob) {
        String name = cronJob.getMetadata().getName();
        var status = cronJob.getStatus();
        Instant lastRun = status == null ? null : PodRules.parse(status.getLastScheduleTime());
        Instant lastSuccess = status == null ? null : PodRules.parse(status.getLastSuccessfulTime());
        String schedule = cronJob.getSpec() == null ? "" : cronJob.getSpec().getSchedule();
        if (cronJob.getSpec() != null && Boolean.TRUE.equals(cronJob.getSpec().getSuspend())) {
            return new BatchWork(Kind.CRONJOB, name, Status.SUSPENDED, "suspended (schedule " + schedule + ")",
                    lastRun, lastSuccess);
        }
        return new BatchWork(Kind.CRONJOB, name, Status.SCHEDULED, "schedule " + schedule
                + (lastRun == null ? ", never run" : "") + (lastRun != null && lastSuccess == null
                ? ", never succeeded" : ""), lastRun, lastSuccess);
    }

    /** A Job whose failure breaks a restore: the schema migration, or a cloud setup's session database init. */
    public static boolean isDatabaseSetup(String jobName) {
        return jobName.equals("migrations") || jobName.startsWith("dbinit");
    }
}
