package org.drillconsole.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.drillconsole.cluster.ClusterPair;
import org.drillconsole.drill.DrillFileException;
import org.drillconsole.drill.DrillEngine;
import org.drillconsole.drill.DrillLoader;
import org.drillconsole.drill.DrillSession;
import org.drillconsole.drill.HumanTime;
import org.drillconsole.drill.Network;
import org.drillconsole.drill.RunJournal;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.NamedFiles;
import org.drillconsole.model.Side;
import org.drillconsole.model.drill.CheckStep;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.journal.RunEvent;
import org.drillconsole.model.journal.RunMode;
import org.drillconsole.report.EventText;
import org.drillconsole.sandbox.PracticeNetwork;
import org.drillconsole.store.JournalException;
import org.drillconsole.store.JournalStore;
import org.drillconsole.store.TeamDatabase;
import org.drillconsole.store.TeamReplicator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = RunCommand.NAME, mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = {"Run a drill in the terminal: steps are printed, manual steps answered on standard input"
                + " (done, skip REASON, fail REASON, note TEXT, abort REASON), mutating actions confirmed by typing"
                + " the target context name; every event is journaled before it is printed.",
                "Exit codes: 0 completed within objectives, 1 completed but an objective missed or the side it"
                        + " recovered to not healthy when the clock stopped, 2 aborted or failed, 64 usage error,"
                        + " invalid runbook or a kubeconfig that is no file (nothing is journaled then)."})
final class RunCommand implements Callable<Integer> {

    /** The subcommand's name, as typed (Cli finds the command for the arguments by it). */
    static final String NAME = "run";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @Parameters(index = "0", paramLabel = "DRILL.yaml", description = "The runbook.")
    Path drillFile;

    @Mixin
    ClusterOptions clusters;

    @Option(names = "--mode", defaultValue = "drill", paramLabel = "MODE",
            description = "practice, drill or failover (default ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who runs the drill (default: the login name).")
    String operator = System.getProperty("user.name", "operator");

    @Mixin
    JournalOptions journal;

    @Mixin
    ValuesOptions values;

    @Mixin
    TeamOptions team;

    @Option(names = "--outage-start", paramLabel = "TIME",
            description = "Failover: when the outage began (e.g. the first alert), as 13:05, 13:05 UTC, 40m ago"
                    + " or an ISO time.")
    String outageStartText;

    Instant outageStart;

    @Option(names = "--outage-reason", paramLabel = "TEXT", description = "Where the outage start comes from.")
    String outageReason;

    @Option(names = "--resume", description = "Continue the newest run that never finished (the console was killed):"
            + " done steps are not repeated and the RTO clock runs on from its original start.")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        RunMode runMode;
        try {
            runMode = RunMode.valueOf(mode.toUpperCase());
        } catch (IllegalArgumentException e) {
            System.err.println("error: --mode must be practice, drill or failover, not " + mode);
            return Cli.USAGE;
        }
        if (outageStartText != null) {
            try {
                HumanTime.Understood understood = HumanTime.parse(outageStartText, Instant.now(), ZoneId.systemDefault());
                outageStart = understood.at();
                out.println("outage start understood as " + understood.echo());
            } catch (IllegalArgumentException e) {
                System.err.println("error: --outage-start: " + e.getMessage());
                return Cli.USAGE;
            }
        }
        if (outageStart != null && (runMode != RunMode.FAILOVER || outageReason == null || outageReason.isBlank())) {
            System.err.println("error: --outage-start is for --mode failover, with --outage-reason saying where it comes from");
            return Cli.USAGE;
        }
        DrillDefinition drill;
        try {
            drill = DrillLoader.load(drillFile, values.read(drillFile));
        } catch (DrillFileException e) {
            // Nothing is journaled for a runbook that cannot be used: the run never starts.
            System.err.println("error: the runbook cannot be used:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return Cli.USAGE;
        }
        // A kubeconfig path that is no file is a mistake in the command (a typo, a folder): the run never starts.
        // In a failover the primary's may be out of reach with the primary, and the run goes on without it.
        for (Side side : Side.values()) {
            Path kubeconfig = clusters.kubeconfig(side);
            Optional<String> notAFile = NamedFiles.whyNotAFile(kubeconfig, "kubeconfig");
            if (notAFile.isPresent() && (side == Side.STANDBY || runMode != RunMode.FAILOVER)) {
                System.err.println("error: --" + side.key() + " " + kubeconfig + ": " + notAFile.get());
                return Cli.USAGE;
            }
        }
        String namespace = drill.spec().namespace();
        TeamDatabase teamDb;
        try {
            teamDb = team.database();
        } catch (TeamDatabase.TeamDbException e) {
            System.err.println("error: --team-db: " + e.getMessage());
            return Cli.USAGE;
        }
        try (JournalStore store = journal.open();
             TeamReplicator replicator = teamDb == null ? null : new TeamReplicator(store, teamDb,
                     teamStateChanges(), Clock.systemUTC()).start();
             ClusterPair pair = ClusterPair.open(clusters.source(Side.PRIMARY),
                     clusters.source(Side.STANDBY), namespace, s -> { }, Clock.systemUTC())) {
            Map<Side, ClusterSnapshot> sides = settle(pair);
            pair.sameClusterWarning().ifPresent(w -> out.println("WARNING: " + w));
            for (ClusterSnapshot s : sides.values()) {
                out.printf("%-8s %-9s %s (%s)%n", s.side().label(), s.verdict(), s.context(), String.join("; ", s.reasons()));
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            AtomicReference<DrillSession> session = new AtomicReference<>();
            TerminalOperator person = new TerminalOperator(operator, in, out, (step, text) -> {
                try {
                    session.get().note(step, operator + ": " + text);
                    out.println("  noted");
                } catch (JournalException e) {
                    out.println("  note NOT recorded: " + e.getMessage());
                }
            });
            DrillSession.Request request = new DrillSession.Request(drill, drillFile.toAbsolutePath().getParent(),
                    runMode, operator, outageStart, outageReason);
            var unfinished = store.unfinishedRun();
            // A resumed run keeps the mode it was started in.
            RunMode effectiveMode = resume && unfinished.isPresent() ? unfinished.get().run().mode() : runMode;
            Network network = effectiveMode == RunMode.PRACTICE ? new PracticeNetwork(pair) : Network.REAL;
            DrillEngine.Listener printer = new DrillEngine.Listener() {
                private String lastSeen;

                @Override
                public void recorded(RunEvent event) {
                    lastSeen = null;
                    print(out, session.get(), drill, event);
                }

                /** A check tried again is said when what it sees changes, so a long wait is never silent. */
                @Override
                public void stillChecking(CheckStep step, String observed, int attempt, Duration waited,
                                          Duration timeout) {
                    if (!observed.equals(lastSeen)) {
                        lastSeen = observed;
                        out.println(TIME.format(Instant.now()) + "   still checking: " + observed + " (attempt "
                                + attempt + ", " + HumanTime.duration(waited) + " so far" + (timeout.isZero() ? ""
                                : ", gives up after " + HumanTime.duration(timeout)) + ")");
                        out.flush();
                    }
                }
            };
            if (resume) {
                if (unfinished.isEmpty()) {
                    System.err.println("error: --resume: there is no unfinished run in the journal");
                    return Cli.USAGE;
                }
                try {
                    session.set(DrillSession.resume(unfinished.get(), request, pair, store, person,
                            person::newestBackup, network, printer));
                } catch (IllegalArgumentException e) {
                    System.err.println("error: --resume: " + e.getMessage());
                    return Cli.USAGE;
                }
            } else {
                unfinished.ifPresent(r -> out.println("note: run " + r.id() + " (" + r.run().drillName()
                        + ") never finished; --resume continues it"));
                session.set(DrillSession.start(request, pair, store, person, person::newestBackup, network, printer));
            }
            out.printf("%nrun %d: %s (%s, %s mode, RTO objective %s)%n", session.get().run().id(),
                    drill.metadata().title(), drill.spec().strategy().key(), runMode.name().toLowerCase(),
                    drill.spec().objectives().rto() == null ? "none"
                            : HumanTime.duration(drill.spec().objectives().rto()));
            if (!drill.parameterValues().isEmpty()) {
                out.println("parameters: " + drill.parameterValues().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", ")));
            }
            DrillEngine.Result result;
            CountDownLatch ended = new CountDownLatch(1);
            Thread onSignal = abortOnSignal(session.get(), person, ended);
            try {
                result = session.get().engine().run();
            } catch (RunJournal.JournalWriteException e) {
                System.err.println("error: the journal cannot be written, the run stops: " + e.getMessage());
                return 2;
            } finally {
                ended.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onSignal);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it waits for this run to end
                }
            }
            out.printf("%n%s: %s%n", result.status(), result.summary());
            if (replicator != null) {
                // The run is recorded here whatever happens; the team database gets it now, or later.
                out.println(replicator.flush(Duration.ofSeconds(5)).describe(RunCommand::localTime));
            }
            return result.exitCode();
        } catch (JournalException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Ctrl+C (SIGINT) or SIGTERM aborts the run at the next safe point, even at a prompt, and waits for the
     * abort to be journaled; a step still busy after that leaves the run unfinished, for --resume.
     */
    private static Thread abortOnSignal(DrillSession session, TerminalOperator person, CountDownLatch ended) {
        String reason = "interrupted (Ctrl+C or SIGTERM)";
        Thread hook = new Thread(() -> {
            session.engine().requestAbort(reason);
            person.interrupt(reason);
            try {
                if (!ended.await(15, TimeUnit.SECONDS)) {
                    System.err.println("the run did not stop in 15 s and was left unfinished: run --resume continues it");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "drill-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static Map<Side, ClusterSnapshot> settle(ClusterPair pair) throws InterruptedException {
        Map<Side, ClusterSnapshot> sides = new EnumMap<>(Side.class);
        // Generous: on a loaded machine the first object lists can take a while, and checks need them.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (Side side : Side.values()) {
                sides.put(side, pair.monitor(side).snapshot());
            }
            if (sides.values().stream().allMatch(RunCommand::settled)) {
                break;
            }
            Thread.sleep(100);
        }
        return sides;
    }

    /** A side is settled once its objects are listed or it is known not to answer. */
    private static boolean settled(ClusterSnapshot snapshot) {
        return switch (snapshot.state()) {
            case UNREACHABLE, UNAUTHORIZED, FORBIDDEN, MISCONFIGURED -> true;
            case CONNECTING -> false;
            case ONLINE, DEGRADED -> snapshot.objectsKnown();
        };
    }

    private static void print(PrintStream out, DrillSession session, DrillDefinition drill, RunEvent event) {
        Duration elapsed = session == null ? null : session.engine().elapsed();
        String clock = elapsed == null ? "" : " [RTO " + HumanTime.duration(elapsed)
                + (drill.spec().objectives().rto() == null ? ""
                : " of " + HumanTime.duration(drill.spec().objectives().rto())) + "]";
        String line = EventText.describe(event, ZoneId.systemDefault());
        boolean stepLine = switch (event.kind()) {
            case STEP_STARTED, STEP_FINISHED, CHECK_RESULT, ACTION_PLANNED, ACTION_RESULT, NOTE, STEP_RETRIED -> true;
            default -> false;
        };
        if (event instanceof RunEvent.StepStarted) {
            out.println();
        } else if (stepLine) {
            line = "  " + line;
        } else if (!(event instanceof RunEvent.Finished)) {
            // Run-level events carry their kind, so a log of the terminal can be searched for them (the end's
            // words begin with it already: "COMPLETED WITHIN_OBJECTIVE: completed in …").
            line = event.kind() + (event.outcome() == null ? "" : " " + event.outcome()) + ": " + line;
        }
        out.println(TIME.format(Instant.now()) + " " + line + clock);
        out.flush();
    }

    /**
     * The team database's state on the terminal when it changes in a way that matters: connected (up to date
     * or catching up: every event copied is one of these, a line each would bury the drill), unreachable,
     * refused. The end of the run says where the copying stands.
     */
    private static java.util.function.Consumer<TeamReplicator.State> teamStateChanges() {
        AtomicReference<TeamReplicator.Health> said = new AtomicReference<>();
        return state -> {
            TeamReplicator.Health kind = state.health() == TeamReplicator.Health.CATCHING_UP
                    ? TeamReplicator.Health.UP_TO_DATE : state.health();
            if (said.getAndSet(kind) != kind) {
                System.err.println(state.describe(RunCommand::localTime));
            }
        };
    }

    /** A time as the terminal shows it: local, to the second ("2026-12-03 01:05:09"). */
    private static String localTime(Instant at) {
        return HumanTime.localDay(at, ZoneId.systemDefault());
    }
}
