package org.drillconsole.drill;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.drillconsole.cluster.ClusterPair;
import org.drillconsole.cluster.ClusterTarget;
import org.drillconsole.model.Side;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.drill.Step;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunStatus;
import org.drillconsole.store.JournalException;
import org.drillconsole.store.JournalStore;

/**
 * One run of a drill, wired: the run recorded in the journal (clusters by context and server only), the
 * engine writing every event there, checks and actions against the clusters. Shared by the terminal and
 * the window.
 */
public final class DrillSession {

    /**
     * @param runbookDir where manifests named by {@code apply} actions are found
     * @param outageStart for a failover: when the outage began, or null
     */
    public record Request(DrillDefinition drill, Path runbookDir, RunMode mode, String operatorName,
                          Instant outageStart, String outageReason) {
    }

    private final RunRecord run;
    private final JournalStore store;
    private final DrillEngine engine;

    private DrillSession(RunRecord run, JournalStore store, DrillEngine engine) {
        this.run = run;
        this.store = store;
        this.engine = engine;
    }

    /**
     * Records the start of the run and prepares its engine; {@link DrillEngine#run()} then runs it.
     *
     * @param backupTime asks the operator for the newest backup, for {@code backupAge} with {@code source: operator}
     * @param network the real network, or the practice clusters' simulation
     */
    public static DrillSession start(Request request, ClusterPair clusters, JournalStore store, Operator operator,
                                     Function<Step, Instant> backupTime, Network network,
                                     DrillEngine.Listener listener) throws JournalException {
        DrillDefinition drill = request.drill();
        RunRecord run = store.startRun(newRun(request, clusters), "mode " + request.mode().name().toLowerCase()
                + (request.outageStart() == null ? ""
                : ", outage start " + request.outageStart() + " (" + request.outageReason() + ")"));
        RunJournal journal = (kind, step, outcome, detail) -> {
            try {
                if (kind.equals("COMPLETED") || kind.equals("FAILED") || kind.equals("ABORTED")) {
                    store.finish(run.id(), RunStatus.valueOf(kind), detail);
                } else {
                    store.append(run.id(), kind, step, outcome, detail);
                }
            } catch (JournalException e) {
                throw new RunJournal.JournalWriteException(e.getMessage(), e);
            }
        };
        var objectives = drill.spec().objectives();
        Duration rpo = objectives == null || objectives.rpo() == null ? null : Durations.parse(objectives.rpo());
        String namespace = drill.spec().namespace() == null ? "gitpod" : drill.spec().namespace();
        KubernetesClusterWork work = new KubernetesClusterWork(clusters, namespace,
                KubernetesClusterWork.replicasOf(clusters.monitor(Side.PRIMARY).snapshot()), rpo, request.runbookDir(),
                backupTime, network);
        DrillEngine engine = new DrillEngine(drill, new DrillEngine.Options(request.mode(), request.outageStart(),
                request.outageReason()), journal, operator, work, RunTime.SYSTEM, listener);
        return new DrillSession(run, store, engine);
    }

    public RunRecord run() {
        return run;
    }

    public DrillEngine engine() {
        return engine;
    }

    /** A note from the operator, committed before this returns. */
    public void note(String stepId, String text) throws JournalException {
        store.append(run.id(), "NOTE", stepId, null, text);
    }

    private static NewRun newRun(Request request, ClusterPair clusters) {
        DrillDefinition drill = request.drill();
        ClusterTarget p = clusters.monitor(Side.PRIMARY).clusterTarget();
        ClusterTarget s = clusters.monitor(Side.STANDBY).clusterTarget();
        return new NewRun(drill.metadata().name(), drill.metadata().title(), drill.contentHash(),
                drill.spec().strategy(), request.mode(), request.operatorName(),
                p == null ? "" : p.context(), p == null ? "" : p.server(), s == null ? "" : s.context(),
                s == null ? "" : s.server());
    }
}
