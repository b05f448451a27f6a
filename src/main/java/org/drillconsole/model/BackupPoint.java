package org.drillconsole.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A backup the console can see on a cluster: where it comes from and when it completed. The RPO of a
 * recovery that starts now is at least its age.
 *
 * @param source what it is, in words ("Velero Backup velero/gitpod-nightly", "CronJob mysql-backup")
 */
public record BackupPoint(String source, Instant completedAt) {

    public Duration ageAt(Instant now) {
        Duration age = Duration.between(completedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** How the age stands against an RPO objective. */
    public enum Posture { WITHIN, NEAR, PAST }

    /** Within up to 75 % of the objective, near up to 100 %, past beyond it. */
    public Posture against(Duration objective, Instant now) {
        long age = ageAt(now).toMillis();
        long limit = objective.toMillis();
        if (age > limit) {
            return Posture.PAST;
        }
        return age * 4 >= limit * 3 ? Posture.NEAR : Posture.WITHIN;
    }
}
