package org.drillconsole.model.drill;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** What a check step verifies: each kind is its own record with only its own fields. */
public sealed interface Check {

    CheckKind kind();

    /** Exhaustive, typed dispatch: one method per kind. */
    <R, X extends Exception> R accept(Cases<R, X> cases) throws X;

    interface Cases<R, X extends Exception> {
        R workloadsReady(WorkloadsReady check) throws X;

        R nodesReady(NodesReady check) throws X;

        R noRunningWorkspaces(NoRunningWorkspaces check) throws X;

        R standbyMatchesPrimary(StandbyMatchesPrimary check) throws X;

        R apiReachable(ApiReachable check) throws X;

        R apiUnreachable(ApiUnreachable check) throws X;

        R httpGet(HttpGet check) throws X;

        R dnsResolves(DnsResolves check) throws X;

        R backupAge(BackupAge check) throws X;

        R jobSucceeded(JobSucceeded check) throws X;
    }

    /** The Job of that name (the installer's {@code migrations}, {@code dbinit-session}) ran to completion. */
    record JobSucceeded(String name) implements Check {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.jobSucceeded(this);
        }

        @Override
        public CheckKind kind() {
            return CheckKind.JOB_SUCCEEDED;
        }
    }

    /** Every matching Deployment, StatefulSet and DaemonSet is rolled out by kubectl's rules (or idle at 0). */
    record WorkloadsReady(WorkloadTarget target) implements Check {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.workloadsReady(this);
        }

        @Override
        public CheckKind kind() {
            return CheckKind.WORKLOADS_READY;
        }
    }

    /** At least {@code count} nodes are Ready and carry every label. */
    record NodesReady(int count, List<String> labels) implements Check {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.nodesReady(this);
        }

        @Override
        public CheckKind kind() {
            return CheckKind.NODES_READY;
        }
        public NodesReady {
            labels = List.copyOf(labels);
        }
    }

    /** No pod with {@code component=workspace} is running. */
    record NoRunningWorkspaces() implements Check {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.noRunningWorkspaces(this);
        }

        @Override
        public CheckKind kind() {
            return CheckKind.NO_RUNNING_WORKSPACES;
        }
    }

    /** The standby has the primary's components, images or replica counts. */
    record StandbyMatchesPrimary(Set<Aspect> compare) implements Check {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.standbyMatchesPrimary(this);
        }

        @Override
        public CheckKind kind() {
            return CheckKind.STANDBY_MATCHES_PRIMARY;
        }
        public StandbyMatchesPrimary {
            compare = Set.copyOf(compare);
        }

        public enum Aspect { COMPONENTS, IMAGES, REPLICAS }
    }

    record ApiReachable() implements Check {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.apiReachable(this);
        }

        @Override
        public CheckKind kind() {
            return CheckKind.API_REACHABLE;
        }
    }

    record ApiUnreachable() implements Check {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.apiUnreachable(this);
        }

        @Override
        public CheckKind kind() {
            return CheckKind.API_UNREACHABLE;
        }
    }

    /** The URL answers with the expected HTTP status. */
    record HttpGet(URI url, int expectStatus) implements Check {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.httpGet(this);
        }

        @Override
        public CheckKind kind() {
            return CheckKind.HTTP_GET;
        }
    }

    /** A name resolves to an address, or to the standby proxy's load-balancer address. */
    record DnsResolves(String host, ExpectedAddress expect) implements Check {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.dnsResolves(this);
        }

        @Override
        public CheckKind kind() {
            return CheckKind.DNS_RESOLVES;
        }
    }

    /** What a DNS name must resolve to. */
    sealed interface ExpectedAddress {
        record Literal(String address) implements ExpectedAddress {
        }

        record StandbyProxy() implements ExpectedAddress {
        }
    }

    /**
     * The newest backup is recent enough.
     *
     * @param maxAge as written, or the runbook's RPO objective when the check gives none
     */
    record BackupAge(BackupSource source, Duration maxAge) implements Check {

        @Override
        public <R, X extends Exception> R accept(Cases<R, X> cases) throws X {
            return cases.backupAge(this);
        }

        @Override
        public CheckKind kind() {
            return CheckKind.BACKUP_AGE;
        }
    }

    /** Where the newest backup's time comes from. */
    sealed interface BackupSource {
        /** The newest completed Velero {@code Backup} on the step's cluster. */
        record Velero() implements BackupSource {
        }

        /** The last successful run of a backup CronJob on the step's cluster. */
        record CronJob(String name) implements BackupSource {
        }

        /** The operator enters it (an RDS snapshot, a replication point). */
        record OperatorEntered() implements BackupSource {
        }
    }
}
