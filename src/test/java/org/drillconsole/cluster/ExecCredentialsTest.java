package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.drillconsole.model.HandClock;
import org.drillconsole.model.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exec plugin's token is renewed when the server refuses it and before it expires, on a thread of its own,
 * once for all the clients of a side, and a plugin that gives none is not run again at every request.
 */
class ExecCredentialsTest {

    @TempDir
    Path dir;

    final HandClock clock = new HandClock(Instant.parse("2026-12-03T03:00:00Z"));
    /** The renewals started and not yet run: the test runs them when it chooses. */
    final Deque<Runnable> pending = new ArrayDeque<>();
    final Deque<ExecPlugins.Credential> answers = new ArrayDeque<>();
    final AtomicInteger runs = new AtomicInteger();

    ExecCredentials credentials(String loaded) {
        return new ExecCredentials("aws", loaded, () -> {
            runs.incrementAndGet();
            return answers.remove();
        }, clock, pending::add);
    }

    void runPending() {
        while (!pending.isEmpty()) {
            pending.remove().run();
        }
    }

    @Test
    void theTokenTheKubeconfigGaveIsSentWithoutRunningThePluginAgain() {
        ExecCredentials credentials = credentials("loaded");
        clock.advance(Duration.ofHours(2));
        assertEquals(Optional.of("loaded"), credentials.tokenToSend());
        assertTrue(pending.isEmpty(), "no renewal while nothing says the token is stale");
    }

    @Test
    void aRefusedTokenRunsThePluginOnceForEveryRequestRefusedWithIt() {
        ExecCredentials credentials = credentials("loaded");
        answers.add(new ExecPlugins.Credential.Token("renewed", null));
        var first = credentials.renewedAfterRefusal("loaded");
        var second = credentials.renewedAfterRefusal("loaded");
        assertFalse(first.isDone(), "the refused request waits for the renewal, not its own thread");
        runPending();
        assertEquals(Optional.of("renewed"), first.join());
        assertEquals(Optional.of("renewed"), second.join());
        assertEquals(1, runs.get());
        assertEquals(Optional.of("renewed"), credentials.renewedAfterRefusal("loaded").join(),
                "a request that went out with the old token is retried with the new one, without another run");
        assertEquals(1, runs.get());
    }

    @Test
    void aPluginThatGivesNoTokenIsNotRunAgainAtEveryRequest() {
        ExecCredentials credentials = credentials("loaded");
        answers.add(new ExecPlugins.Credential.None("failed (exit 255): Unable to locate credentials"));
        var refused = credentials.renewedAfterRefusal("loaded");
        runPending();
        assertEquals(Optional.empty(), refused.join(), "no retry without a new token");
        assertEquals(Optional.of("exec plugin \"aws\" failed (exit 255): Unable to locate credentials"),
                credentials.problem());

        clock.advance(ExecCredentials.WAIT_AFTER_FAILURE.minusSeconds(1));
        assertEquals(Optional.empty(), credentials.renewedAfterRefusal("loaded").join());
        assertTrue(pending.isEmpty());
        assertEquals(1, runs.get());

        clock.advance(Duration.ofSeconds(1));
        answers.add(new ExecPlugins.Credential.Token("after-login", null));
        var later = credentials.renewedAfterRefusal("loaded");
        runPending();
        assertEquals(Optional.of("after-login"), later.join());
        assertEquals(Optional.empty(), credentials.problem(), "a token since: no problem to tell");
    }

    @Test
    void theSameTokenAgainIsNoReasonToRetry() {
        ExecCredentials credentials = credentials("loaded");
        answers.add(new ExecPlugins.Credential.Token("loaded", null));
        var refused = credentials.renewedAfterRefusal("loaded");
        runPending();
        assertEquals(Optional.empty(), refused.join());
    }

    @Test
    void aTokenIsRenewedBeforeItExpiresWhileRequestsGoOnWithIt() {
        ExecCredentials credentials = credentials("loaded");
        Instant expires = clock.instant().plus(Duration.ofMinutes(15));
        answers.add(new ExecPlugins.Credential.Token("eks-1", expires));
        credentials.renewedAfterRefusal("loaded");
        runPending();

        clock.set(expires.minus(ExecCredentials.RENEW_BEFORE_EXPIRY).minusSeconds(1));
        assertEquals(Optional.of("eks-1"), credentials.tokenToSend());
        assertTrue(pending.isEmpty(), "not yet");

        clock.advance(Duration.ofSeconds(1));
        answers.add(new ExecPlugins.Credential.Token("eks-2", expires.plus(Duration.ofMinutes(15))));
        assertEquals(Optional.of("eks-1"), credentials.tokenToSend(), "the request does not wait for the plugin");
        assertEquals(1, pending.size());
        assertEquals(Optional.of("eks-1"), credentials.tokenToSend());
        assertEquals(1, pending.size(), "one renewal under way, not one per request");
        runPending();
        assertEquals(Optional.of("eks-2"), credentials.tokenToSend());
        assertEquals(2, runs.get());
    }

    @Test
    void aTokenThatExpiredWhileThePluginGivesNoneIsNotRenewedAtEveryRequest() {
        ExecCredentials credentials = credentials("loaded");
        answers.add(new ExecPlugins.Credential.Token("eks-1", clock.instant().plus(Duration.ofMinutes(1))));
        credentials.renewedAfterRefusal("loaded");
        runPending();
        clock.advance(Duration.ofMinutes(2));
        answers.add(new ExecPlugins.Credential.None("gave no credential within 10 s and was stopped"));
        credentials.tokenToSend();
        runPending();
        credentials.tokenToSend();
        credentials.tokenToSend();
        assertTrue(pending.isEmpty());
        assertEquals(2, runs.get());
    }

    // --- a real plugin and a real server ---

    Path plugin(String script) throws Exception {
        Path file = dir.resolve("get-token");
        Files.writeString(file, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void aPluginsCredentialIsReadWithItsExpiryAndNeverShown() throws Exception {
        ExecConfig exec = new ExecConfigBuilder().withCommand(plugin("""
                echo '{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1beta1",\
                "status":{"token":"k8s-aws-v1.secret","expirationTimestamp":"2026-12-03T03:14:00Z"}}'""").toString())
                .build();
        ExecPlugins.Credential got = ExecPlugins.credential(exec, null, 5000);
        assertEquals(new ExecPlugins.Credential.Token("k8s-aws-v1.secret", Instant.parse("2026-12-03T03:14:00Z")), got);
        assertFalse(got.toString().contains("secret"), got.toString());
    }

    @Test
    void aPluginThatHangsIsStoppedAndSaysSo() throws Exception {
        ExecConfig exec = new ExecConfigBuilder().withCommand(plugin("sleep 30").toString()).build();
        long started = System.nanoTime();
        ExecPlugins.Credential got = ExecPlugins.credential(exec, null, 300);
        assertTrue(got instanceof ExecPlugins.Credential.None none && none.why().startsWith(
                "gave no credential within 300 ms and was stopped"), got.toString());
        assertTrue(System.nanoTime() - started < 5_000_000_000L);
    }

    /** A server that accepts only the bearer token {@code accepted} holds, and records what it was sent. */
    static HttpServer server(AtomicReference<String> accepted, List<String> seen) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            seen.add(auth);
            boolean ok = auth.equals("Bearer " + accepted.get());
            byte[] body = (ok ? "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.4\"}"
                    : "{\"kind\":\"Status\",\"code\":401}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** A plugin that hands out token-1, token-2 … one per run, counting its runs in {@code counter}. */
    Path countingPlugin(Path counter, String afterTheFirstRun) throws Exception {
        Files.writeString(counter, "0");
        return plugin("""
                n=$(( $(cat %s) + 1 )); echo $n > %s
                if [ $n -gt 1 ]; then %s; fi
                echo "{\\"kind\\":\\"ExecCredential\\",\\"apiVersion\\":\\"client.authentication.k8s.io/v1beta1\\",\
                \\"status\\":{\\"token\\":\\"token-$n\\"}}"
                """.formatted(counter, counter, afterTheFirstRun));
    }

    Path kubeconfigFor(HttpServer server, Path plugin) throws Exception {
        return Files.writeString(dir.resolve("kubeconfig"), KubeconfigLoaderTest.kubeconfig(
                "http://127.0.0.1:" + server.getAddress().getPort(), "", """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: %s
                """.formatted(plugin)));
    }

    /**
     * The server accepts only the newest token the plugin handed out (each run hands out the next); the
     * client built for the side retries a refused request with a renewed token, on its own.
     */
    @Test
    void aClientOfTheSideRetriesARefusedRequestWithARenewedToken() throws Exception {
        Path counter = dir.resolve("runs");
        Path plugin = countingPlugin(counter, "true");
        AtomicReference<String> accepted = new AtomicReference<>("token-1");
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer server = server(accepted, seen);
        try {
            ClusterTarget target = KubeconfigLoader.load(Side.PRIMARY, kubeconfigFor(server, plugin), null);
            try (KubernetesClient client = ClientFactory.probeClient(target)) {
                assertEquals("v1.32.4", client.getKubernetesVersion().getGitVersion());
                accepted.set("token-2"); // the server now refuses token-1, as after its expiry
                assertEquals("v1.32.4", client.getKubernetesVersion().getGitVersion());
            }
            assertEquals(List.of("Bearer token-1", "Bearer token-1", "Bearer token-2"), seen);
            assertEquals("2", Files.readString(counter).strip(), "the plugin ran once at the load, once to renew");
        } finally {
            server.stop(0);
        }
    }

    /**
     * A renewal whose plugin waits for a login: the probe answers 401 within the plugin's time limit, in the
     * plugin's words, and the next probes do not run it again meanwhile (fabric8's renewal waited for the
     * plugin without a limit, on the probe's thread, and ran it again at every request).
     */
    @Test
    void aRenewalThatHangsLeavesTheProbeAnsweringAndSaysWhy() throws Exception {
        Path counter = dir.resolve("runs");
        Path plugin = countingPlugin(counter, "sleep 30");
        AtomicReference<String> accepted = new AtomicReference<>("token-1");
        HttpServer server = server(accepted, new java.util.concurrent.CopyOnWriteArrayList<>());
        try {
            Path kubeconfig = kubeconfigFor(server, plugin);
            ClusterTarget loaded = KubeconfigLoader.load(Side.PRIMARY, kubeconfig, null);
            ExecConfig exec = new ExecConfigBuilder().withCommand(plugin.toString()).build();
            ExecCredentials renewal = new ExecCredentials(plugin.toString(), loaded.config().getAutoOAuthToken(),
                    () -> ExecPlugins.credential(exec, kubeconfig, 500), Clock.systemUTC(), work -> new Thread(work)
                    .start());
            ClusterTarget target = new ClusterTarget(loaded.side(), loaded.kubeconfig(), loaded.context(),
                    loaded.server(), loaded.caFingerprint(), loaded.config(), renewal);
            try (KubernetesClient client = ClientFactory.probeClient(target)) {
                ApiProbe probe = new ApiProbe(client, target, "gitpod", Clock.systemUTC());
                assertEquals(org.drillconsole.model.ConnectionState.ONLINE, probe.probe().state());
                accepted.set("token-2");
                long started = System.nanoTime();
                ProbeResult refused = probe.probe();
                assertTrue(System.nanoTime() - started < 5_000_000_000L, "answered while the plugin hung");
                assertEquals(org.drillconsole.model.ConnectionState.UNAUTHORIZED, refused.state());
                assertEquals("HTTP 401 Unauthorized: the token was rejected and could not be renewed: exec plugin \""
                        + plugin + "\" gave no credential within 500 ms and was stopped (run it in a terminal to see"
                        + " why: it may be waiting for a login)", refused.message());
                probe.probe();
                probe.probe();
            }
            assertEquals("2", Files.readString(counter).strip(), "not run again at every request");
        } finally {
            server.stop(0);
        }
    }
}
