package org.drillconsole.drill;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.drillconsole.cluster.ClusterPair;
import org.drillconsole.cluster.ClusterTarget;
import org.drillconsole.model.Side;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.drill.Step;
import org.drillconsole.model.journal.NewRun;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.model.journal.RunRecord;
import org.drillconsole.model.journal.RunSummary;
import org.drillconsole.store.JournalException;
import org.drillconsole.store.EventCodec;
import org.drillconsole.store.JournalStore;
import org.drillconsole.model.journal.RunEvent;

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
        RunRecord run = store.startRun(newRun(request, clusters), "mode " + request.mode().name().toLowerCase()
                + (request.outageStart() == null ? ""
                : ", outage start " + request.outageStart() + " (" + request.outageReason() + ")"));
        return wire(run, request, clusters, store, operator, backupTime, network, listener, null);
    }

    private static DrillSession wire(RunRecord run, Request request, ClusterPair clusters, JournalStore store,
                                     Operator operator, Function<Step, Instant> backupTime, Network network,
                                     DrillEngine.Listener listener, DrillEngine.Resume resume) {
        DrillDefinition drill = request.drill();
        RunJournal journal = new RunJournal() {
            @Override
            public void record(RunEvent event) throws JournalWriteException {
                try {
                    store.append(run.id(), event);
                } catch (JournalException e) {
                    throw new JournalWriteException(e.getMessage(), e);
                }
            }

            @Override
            public void finish(RunEvent.Finished end, RunSummary summary) throws JournalWriteException {
                try {
                    store.finish(run.id(), end, summary);
                } catch (JournalException e) {
                    throw new JournalWriteException(e.getMessage(), e);
                }
            }
        };
        KubernetesClusterWork work = new KubernetesClusterWork(clusters, drill.spec().namespace(),
                KubernetesClusterWork.replicasOf(clusters.monitor(Side.PRIMARY).snapshot()), request.runbookDir(),
                backupTime, network);
        DrillEngine engine = new DrillEngine(drill, new DrillEngine.Options(request.mode(), request.outageStart(),
                request.outageReason(), resume), journal, operator, work, RunTime.SYSTEM, listener);
        return new DrillSession(run, store, engine);
    }

    /**
     * Continues a run that never finished (the console was killed): same run, same journal chain; done steps
     * are not repeated, a step that was under way is run again, and the clock runs on from its original start.
     *
     * @throws JournalException when the journal cannot be read
     * @throws IllegalArgumentException when the runbook is not the one the run was started with
     */
    public static DrillSession resume(RunRecord run, Request request, ClusterPair clusters, JournalStore store,
                                      Operator operator, Function<Step, Instant> backupTime, Network network,
                                      DrillEngine.Listener listener) throws JournalException {
        DrillDefinition drill = request.drill();
        if (!drill.metadata().name().equals(run.run().drillName())) {
            throw new IllegalArgumentException("run " + run.id() + " is a " + run.run().drillName()
                    + " drill, not " + drill.metadata().name());
        }
        if (!drill.contentHash().equals(run.run().drillHash())) {
            throw new IllegalArgumentException("the runbook " + drill.metadata().name() + " changed since run "
                    + run.id() + " started (version " + run.run().drillHash().substring(0, 12) + "…, now "
                    + drill.contentHash().substring(0, 12) + "…): resuming would mix two versions");
        }
        if (!run.run().parameters().isEmpty() && !drill.parameterValues().equals(run.run().parameters())) {
            throw new IllegalArgumentException("run " + run.id() + " was started with the parameters "
                    + run.run().parameters() + ", not " + drill.parameterValues()
                    + ": resume it with the same values");
        }
        List<RunEvent> events = store.events(run.id()).stream().map(EventCodec::decode).toList();
        DrillEngine.Resume resume = DrillEngine.resumeFrom(events, drill.spec().strategy());
        // The outage start is the one the run was started with, as its journal says, not a new one.
        RunEvent.ClockStarted backdated = events.stream().filter(RunEvent.ClockStarted.class::isInstance)
                .map(RunEvent.ClockStarted.class::cast).filter(c -> c.outageStart() != null).findFirst().orElse(null);
        Instant outageStart = backdated != null ? backdated.outageStart() : request.outageStart();
        String outageReason = backdated != null ? backdated.outageReason() : request.outageReason();
        return wire(run, new Request(drill, request.runbookDir(), run.run().mode(), request.operatorName(),
                outageStart, outageReason), clusters, store, operator, backupTime, network, listener, resume);
    }

    public RunRecord run() {
        return run;
    }

    public DrillEngine engine() {
        return engine;
    }

    /** A note from the operator, committed before this returns. */
    public void note(String stepId, String text) throws JournalException {
        store.append(run.id(), new RunEvent.Note(stepId, text));
    }

    private static NewRun newRun(Request request, ClusterPair clusters) {
        DrillDefinition drill = request.drill();
        ClusterTarget p = clusters.monitor(Side.PRIMARY).clusterTarget();
        ClusterTarget s = clusters.monitor(Side.STANDBY).clusterTarget();
        return new NewRun(drill.metadata().name(), drill.metadata().title(), drill.contentHash(),
                drill.spec().strategy().key(), request.mode(), request.operatorName(),
                p == null ? "" : p.context(), p == null ? "" : p.server(), s == null ? "" : s.context(),
                s == null ? "" : s.server(), drill.parameterValues());
    }
}
