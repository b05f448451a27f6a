package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Set;

/**
 * The kinds the credentials may be refused: shown as not visible, by the window and by {@code health} alike,
 * never as an outage and never waited for. Namespaced RBAC commonly grants a namespace and not the cluster's
 * nodes, and some installations are given no batch rights. Every other kind the rules read is required: a
 * refusal there is a problem to report.
 */
final class RefusableKinds {

    private static final Set<Class<?>> KINDS = Set.of(Node.class, Job.class, CronJob.class);

    private RefusableKinds() {
    }

    static boolean mayBeRefused(Class<?> kind) {
        return KINDS.contains(kind);
    }
}
