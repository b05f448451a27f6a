package org.drillconsole.app;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.drillconsole.cluster.ClusterReading;
import org.drillconsole.cluster.Comparison;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.Side;
import org.drillconsole.model.drill.Names;
import org.drillconsole.store.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = HealthCommand.NAME, mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = {"Print the health of both clusters side by side and exit.",
                "Exit codes: 0 both HEALTHY or IDLE, 1 any DEGRADED, 2 any DOWN or UNKNOWN (unreachable, unauthorized,"
                        + " forbidden, bad kubeconfig), 64 usage error."})
final class HealthCommand implements Callable<Integer> {

    /** The subcommand's name, as typed (Cli finds the command for the arguments by it). */
    static final String NAME = "health";

    @Mixin
    ClusterOptions clusters;

    @Option(names = "--namespace", paramLabel = "NS", defaultValue = Settings.DEFAULT_NAMESPACE,
            converter = NamespaceName.class,
            description = "Gitpod's namespace (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--json", description = "Print one JSON object {\"primary\": {...}, \"standby\": {...}}.")
    boolean json;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "15",
            description = "Longest wait for both sides to answer or fail (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    /** A namespace is a DNS label: anything else would be sent to the clusters as a path they cannot answer. */
    static final class NamespaceName implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String wrong = Names.namespace(value);
            if (wrong != null) {
                throw new CommandLine.TypeConversionException("\"" + value + "\" is not a namespace name: it " + wrong);
            }
            return value;
        }
    }

    @Override
    public Integer call() {
        // One round of reads: a one-shot command needs no informers (issue 14).
        ClusterReading.Pair read = ClusterReading.read(clusters.source(Side.PRIMARY),
                clusters.source(Side.STANDBY), namespace, Duration.ofSeconds(waitSeconds),
                Clock.systemUTC());
        ClusterSnapshot p = read.primary();
        ClusterSnapshot s = read.standby();
        String warning = read.sameClusterWarning().orElse(null);
        if (json) {
            System.out.println(HealthJson.render(p, s, Comparison.compare(p, s), warning));
        } else {
            System.out.print(HealthOutput.text(p, s, Comparison.compare(p, s), warning));
        }
        return Math.max(p.verdict().exitCode(), s.verdict().exitCode());
    }
}
