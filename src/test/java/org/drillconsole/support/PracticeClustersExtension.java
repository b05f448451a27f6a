package org.drillconsole.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
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
