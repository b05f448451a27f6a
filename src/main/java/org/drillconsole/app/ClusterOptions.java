package org.drillconsole.app;

import java.nio.file.Path;
import org.drillconsole.cluster.ClusterPair;
import org.drillconsole.model.Side;
import picocli.CommandLine.Option;

/** The two clusters, each a kubeconfig and its context: the same four options for every command that uses both. */
final class ClusterOptions {

    @Option(names = "--primary", required = true, paramLabel = "FILE", description = "Kubeconfig of the primary cluster.")
    Path primary;

    @Option(names = "--primary-context", paramLabel = "CTX", description = "Context (default: the file's current-context).")
    String primaryContext;

    @Option(names = "--standby", required = true, paramLabel = "FILE", description = "Kubeconfig of the standby cluster.")
    Path standby;

    @Option(names = "--standby-context", paramLabel = "CTX", description = "Context (default: the file's current-context).")
    String standbyContext;

    Path kubeconfig(Side side) {
        return side == Side.PRIMARY ? primary : standby;
    }

    ClusterPair.Source source(Side side) {
        return side == Side.PRIMARY ? new ClusterPair.Source(primary, primaryContext)
                : new ClusterPair.Source(standby, standbyContext);
    }
}
