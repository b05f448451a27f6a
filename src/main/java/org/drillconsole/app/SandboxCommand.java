package org.drillconsole.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.drillconsole.model.Side;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.sandbox.SandboxOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = SandboxCommand.NAME, mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Start the practice clusters (two Kubernetes API servers on loopback shaped like a Gitpod"
                + " install) and write DIR/primary.kubeconfig and DIR/standby.kubeconfig. Reads fault commands from"
                + " standard input (type help). Runs until stopped.")
final class SandboxCommand implements Callable<Integer> {

    /** The subcommand's name, as typed (Cli finds the command for the arguments by it). */
    static final String NAME = "sandbox";

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Where to write the kubeconfigs.")
    Path dir;

    @Option(names = "--reconcile-delay", paramLabel = "MS", defaultValue = "2000",
            description = "How long the simulated controllers take per step, in ms (default ${DEFAULT-VALUE}).")
    long reconcileDelayMs;

    @Option(names = "--extra-pods", paramLabel = "N", defaultValue = "0", hidden = true)
    int extraPods;

    @Option(names = "--extra-nodes", paramLabel = "N", defaultValue = "0", hidden = true)
    int extraNodes;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SandboxOptions options = SandboxOptions.defaults().withReconcileDelay(Duration.ofMillis(reconcileDelayMs))
                .withLoad(extraPods, extraNodes);
        PracticeClusters clusters;
        try {
            clusters = PracticeClusters.start(dir, options);
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        CountDownLatch quit = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(clusters::close, "sandbox-shutdown"));
        System.out.println("practice clusters ready: primary " + clusters.cluster(Side.PRIMARY).url() + ", standby "
                + clusters.cluster(Side.STANDBY).url());
        System.out.println("kubeconfigs: " + clusters.kubeconfig(Side.PRIMARY) + " " + clusters.kubeconfig(Side.STANDBY));
        System.out.println("type help for fault commands");
        System.out.flush();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String answer = clusters.controls().execute(line);
                    if (answer == null) {
                        quit.countDown();
                        return;
                    }
                    if (!answer.isEmpty()) {
                        System.out.println(answer);
                        System.out.flush();
                    }
                }
                // Standard input closed (started in the background): keep serving until stopped.
            } catch (IOException e) {
                System.err.println("standard input: " + e.getMessage());
            }
        }, "sandbox-commands");
        reader.setDaemon(true);
        reader.start();
        quit.await();
        System.out.println("stopping the practice clusters");
        return 0;
    }
}
