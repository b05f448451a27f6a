package org.drillconsole.sandbox;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import org.drillconsole.model.Side;

/**
 * One practice cluster: fabric8's mock API server in CRUD mode (with the endpoints real clients probe
 * stubbed), behind a {@link FaultProxy} so it can be stopped or hung, and a {@link StatusSimulator} that
 * plays the controllers.
 */
public final class PracticeCluster implements AutoCloseable {

    public static final String TOKEN = "practice-cluster-token";
    /** Held so the setting is not garbage-collected: the mock server logs every request at INFO. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final Side side;
    private final KubernetesMockServer server;
    private final FaultProxy proxy;
    private final KubernetesClient adminClient;
    private final StatusSimulator simulator;

    private PracticeCluster(Side side, KubernetesMockServer server, FaultProxy proxy, KubernetesClient adminClient,
                            StatusSimulator simulator) {
        this.side = side;
        this.server = server;
        this.proxy = proxy;
        this.adminClient = adminClient;
        this.simulator = simulator;
    }

    static PracticeCluster start(Side side, int port, SandboxOptions options) throws IOException {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new DryRunDispatcher(responses), false, new VersionInfo.Builder().withMajor("1")
                .withMinor("24").withGitVersion("v1.24.9").withGitCommit("practice").withGitTreeState("clean")
                .withGoVersion("go1.19.4").withCompiler("gc").withPlatform("linux/amd64").build());
        try {
            server.init(InetAddress.getLoopbackAddress(), 0);
        } catch (IllegalStateException e) {
            server.destroy();
            throw new IOException("cannot start the practice API server for the " + side.key() + " cluster", e);
        }
        DiscoveryStubs.install(server);
        FaultProxy proxy = new FaultProxy(side.key(), server.getPort());
        try {
            proxy.start(port);
        } catch (IOException e) {
            server.destroy();
            throw new IOException("port " + port + " for the " + side.key() + " practice cluster is taken", e);
        }
        KubernetesClient admin = server.createClient();
        GitpodSeed.seed(admin, side, options);
        StatusSimulator simulator = new StatusSimulator(admin, side, options);
        simulator.start();
        return new PracticeCluster(side, server, proxy, admin, simulator);
    }

    public Side side() {
        return side;
    }

    public String url() {
        return "http://127.0.0.1:" + proxy.port();
    }

    public FaultProxy proxy() {
        return proxy;
    }

    public StatusSimulator simulator() {
        return simulator;
    }

    /** A client that bypasses the fault proxy: the practice cluster's own "controllers" use it. */
    public KubernetesClient adminClient() {
        return adminClient;
    }

    /** Writes a kubeconfig for this cluster; the token is a practice value, not a secret. */
    public Path writeKubeconfig(Path dir) throws IOException {
        String context = "practice-" + side.key();
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s-operator
                    namespace: gitpod
                current-context: %1$s
                users:
                - name: %1$s-operator
                  user:
                    token: %3$s
                """.formatted(context, url(), TOKEN);
        Files.createDirectories(dir);
        Path file = dir.resolve(side.key() + ".kubeconfig");
        Files.writeString(file, yaml);
        return file;
    }

    @Override
    public void close() {
        simulator.close();
        adminClient.close();
        proxy.close();
        try {
            server.destroy();
        } catch (IllegalStateException slowShutdown) {
            // open watches can make the mock server's shutdown time out; its port is released regardless
        }
    }
}
