package org.drillconsole.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.Set;
import org.drillconsole.model.Side;
import org.drillconsole.sandbox.PracticeCluster;
import org.drillconsole.sandbox.PracticeClusters;
import org.drillconsole.sandbox.SandboxOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real practice clusters for a test class. Registered on a static field they are shared by the class;
 * on an instance field every test gets fresh ones.
 */
public final class PracticeClustersExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final Duration reconcileDelay;
    private boolean sharedByClass;
    private Path dir;
    private PracticeClusters clusters;

    public PracticeClustersExtension(Duration reconcileDelay) {
        this.reconcileDelay = reconcileDelay;
    }

    public PracticeClusters clusters() {
        return clusters;
    }

    public Path dir() {
        return dir;
    }

    /**
     * A kubeconfig for the practice primary whose token the API server refuses some resources (plural names
     * such as {@code nodes} or {@code namespaces}), as a namespaced Role does.
     */
    public Path primaryKubeconfigRefusing(String token, String... refusedResources) throws IOException {
        clusters.cluster(Side.PRIMARY).acceptToken(token, Set.of(refusedResources));
        Path limited = dir.resolve(token + ".kubeconfig");
        Files.writeString(limited, Files.readString(clusters.kubeconfig(Side.PRIMARY))
                .replace(PracticeCluster.TOKEN, token));
        return limited;
    }

    /**
     * A kubeconfig for the practice primary that points at another server (a web page, a proxy, a server that
     * is not Kubernetes), written as {@code name} in this extension's directory.
     */
    public Path primaryKubeconfigPointingAt(String server, String name) throws IOException {
        return Files.writeString(dir.resolve(name), Files.readString(clusters.kubeconfig(Side.PRIMARY))
                .replaceAll("server: .*", "server: " + server));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        sharedByClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!sharedByClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (!sharedByClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
    }

    private void start() throws IOException {
        dir = Files.createTempDirectory("practice-clusters");
        clusters = PracticeClusters.start(dir, SandboxOptions.defaults().withReconcileDelay(reconcileDelay));
    }

    private void stop() throws IOException {
        clusters.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
