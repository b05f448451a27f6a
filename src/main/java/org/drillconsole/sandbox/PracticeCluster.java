package org.drillconsole.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drillconsole.model.Side;
import org.drillconsole.sandbox.api.ApiException;
import org.drillconsole.sandbox.api.ApiHandler;
import org.drillconsole.sandbox.api.HttpServer;
import org.drillconsole.sandbox.api.ObjectStore;

/**
 * One practice cluster: the project's own small Kubernetes API server (an {@link ObjectStore} served by
 * {@link ApiHandler} over {@link HttpServer}, which can also be stopped or hung), and the
 * {@link PracticeControllers} that play the control plane and the kubelets.
 */
public final class PracticeCluster implements AutoCloseable {

    public static final String TOKEN = "practice-cluster-token";

    private final Side side;
    private final ObjectStore store;
    private final HttpServer server;
    private final PracticeControllers controllers;
    /** Accepted bearer tokens, each with the resources it may not read. */
    private final java.util.Map<String, java.util.Set<String>> tokens;
    private KubernetesClient adminClient;

    private PracticeCluster(Side side, ObjectStore store, HttpServer server, PracticeControllers controllers,
                            java.util.Map<String, java.util.Set<String>> tokens) {
        this.side = side;
        this.tokens = tokens;
        this.store = store;
        this.server = server;
        this.controllers = controllers;
    }

    static PracticeCluster start(Side side, int port, SandboxOptions options) throws IOException {
        ObjectStore store = new ObjectStore();
        try {
            GitpodSeed.seed(store, side, options);
        } catch (ApiException e) {
            throw new IllegalStateException("the practice seed is inconsistent: " + e.getMessage(), e);
        }
        PracticeControllers controllers = new PracticeControllers(store, side, options);
        controllers.start();
        java.util.Map<String, java.util.Set<String>> tokens = new java.util.concurrent.ConcurrentHashMap<>();
        tokens.put(TOKEN, java.util.Set.of());
        ApiHandler handler = new ApiHandler(store, token -> java.util.Optional.ofNullable(tokens.get(token)),
                PracticeCluster::logLines);
        HttpServer server = new HttpServer(side.key(), handler);
        handler.attach(server);
        try {
            server.start(port);
        } catch (IOException e) {
            controllers.close();
            throw new IOException("port " + port + " for the " + side.key() + " practice cluster is taken", e);
        }
        return new PracticeCluster(side, store, server, controllers, tokens);
    }

    /** What a practice pod's container "wrote": a few lines a Gitpod component would log at start. */
    private static List<String> logLines(ObjectNode pod, String container) {
        String started = pod.path("status").path("startTime").asText(Instant.now().toString());
        String component = PracticeControllers.label(pod, "component");
        List<String> lines = new ArrayList<>();
        lines.add("{\"level\":\"info\",\"time\":\"" + started + "\",\"component\":\"" + component
                + "\",\"message\":\"starting " + container + " (practice cluster, Gitpod " + GitpodSeed.VERSION + ")\"}");
        lines.add("{\"level\":\"info\",\"time\":\"" + started + "\",\"component\":\"" + component
                + "\",\"message\":\"configuration loaded\",\"domain\":\"gitpod.example.com\"}");
        lines.add("{\"level\":\"info\",\"time\":\"" + started + "\",\"component\":\"" + component
                + "\",\"message\":\"serving\",\"port\":8080}");
        return lines;
    }

    public Side side() {
        return side;
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The API server, with its fault switches (stop, hang, serve). */
    public HttpServer server() {
        return server;
    }

    /** Lets the API server accept another bearer token (as for a second operator's credentials). */
    public void acceptToken(String token) {
        acceptToken(token, java.util.Set.of());
    }

    /**
     * Lets the API server accept a token that may not read some resources (plural names such as
     * {@code nodes} or {@code jobs}): the 403 a namespaced Role gives.
     */
    public void acceptToken(String token, java.util.Set<String> refusedResources) {
        tokens.put(token, java.util.Set.copyOf(refusedResources));
    }

    public ObjectStore store() {
        return store;
    }

    public PracticeControllers controllers() {
        return controllers;
    }

    /** A fabric8 client on this cluster's API (for benchmarks and tests), made on first use. */
    public synchronized KubernetesClient adminClient() {
        if (adminClient == null) {
            Config config = new ConfigBuilder(Config.empty()).withMasterUrl(url()).withOauthToken(TOKEN)
                    .withNamespace(GitpodSeed.NAMESPACE).withRequestRetryBackoffLimit(0).build();
            adminClient = new KubernetesClientBuilder().withConfig(config).build();
        }
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
        controllers.close();
        synchronized (this) {
            if (adminClient != null) {
                adminClient.close();
            }
        }
        server.close();
    }
}
