package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client trusts a cluster's server the way kubectl does, against a real HTTPS server on loopback whose
 * certificate is signed by a test certificate authority (src/test/resources/tls).
 */
class ServerTrustTest {

    @TempDir
    Path dir;

    private HttpsServer https;

    private HttpServer plain;
    /** The API paths the HTTPS server was asked for. */
    private final java.util.Set<String> requested = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startServers() throws Exception {
        https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
        https.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = path.equals("/version") ? "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.4\"}"
                    : path.endsWith("/deployments") ? "{\"kind\":\"DeploymentList\",\"apiVersion\":\"apps/v1\","
                    + "\"metadata\":{},\"items\":[]}"
                    : path.equals("/api/v1/namespaces/gitpod") ? "{\"kind\":\"Namespace\",\"apiVersion\":\"v1\","
                    + "\"metadata\":{\"name\":\"gitpod\"}}"
                    : path.startsWith("/api/") || path.startsWith("/apis/") ? "{\"metadata\":{},\"items\":[]}" : "ok";
            if (path.startsWith("/api")) {
                requested.add(path);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        https.start();
        plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        plain.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", httpsUrl() + exchange.getRequestURI());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        plain.start();
    }

    @AfterEach
    void stopServers() {
        https.stop(0);
        plain.stop(0);
    }

    @Test
    void aServerSignedByTheKubeconfigsCertificateAuthorityIsTrusted() throws Exception {
        ProbeResult result = probe(kubeconfig(httpsUrl(), "certificate-authority-data: " + base64("ca.pem")));

        assertEquals(ConnectionState.ONLINE, result.state(), result.message());
        assertEquals("v1.32.4", result.serverVersion());
    }

    @Test
    void aCertificateAuthorityFileBesideTheKubeconfigIsTrustedToo() throws Exception {
        Files.write(dir.resolve("ca.crt"), resource("ca.pem"));

        assertEquals(ConnectionState.ONLINE, probe(kubeconfig(httpsUrl(), "certificate-authority: ca.crt")).state());
    }

    /** health's lists are GETs of their own (ClusterReading, SlimJson), through the same trust as the probe. */
    @Test
    void healthListsEveryKindFromAServerSignedByTheKubeconfigsAuthority() throws Exception {
        Path file = kubeconfig(httpsUrl(), "certificate-authority-data: " + base64("ca.pem"));
        ClusterReading.Pair read = ClusterReading.read(new ClusterPair.Source(file, null),
                new ClusterPair.Source(file, null), "gitpod", Duration.ofSeconds(10), Clock.systemUTC());
        ClusterSnapshot primary = read.primary();
        assertEquals(ConnectionState.ONLINE, primary.state(), primary.stateMessage());
        assertTrue(primary.objectsKnown(), primary.toString());
        assertTrue(requested.containsAll(List.of("/api/v1/namespaces/gitpod/pods", "/api/v1/nodes",
                "/apis/apps/v1/namespaces/gitpod/statefulsets", "/apis/batch/v1/namespaces/gitpod/cronjobs")),
                requested.toString());
    }

    @Test
    void aServerSignedByAnyOtherAuthorityIsRefusedInPlainWords() throws Exception {
        ProbeResult result = probe(kubeconfig(httpsUrl(), "certificate-authority-data: " + base64("other-ca.pem")));

        assertEquals(ConnectionState.UNREACHABLE, result.state());
        assertEquals("TLS handshake failed: the server's certificate is not signed by a certificate authority the "
                + "kubeconfig trusts (certificate-authority-data, or the system's when it names none)", result.message());
    }

    @Test
    void withNoCertificateAuthorityNamedOnlyTheSystemsAreTrusted() throws Exception {
        ProbeResult result = probe(kubeconfig(httpsUrl(), ""));

        assertEquals(ConnectionState.UNREACHABLE, result.state());
        assertTrue(result.message().contains("not signed by a certificate authority"), result.message());
    }

    @Test
    void insecureSkipTlsVerifyStillTrustsAnyServer() throws Exception {
        assertEquals(ConnectionState.ONLINE, probe(kubeconfig(httpsUrl(), "insecure-skip-tls-verify: true")).state());
    }

    @Test
    void aPlainHttpServerThatRedirectsToHttpsIsNotFollowedIntoTrust() throws Exception {
        ProbeResult result = probe(kubeconfig("http://127.0.0.1:" + plain.getAddress().getPort(), ""));

        assertEquals(ConnectionState.UNREACHABLE, result.state());
        assertEquals("TLS handshake failed: the kubeconfig names a plain-HTTP server; an HTTPS answer is not trusted",
                result.message());
    }

    @Test
    void fabric8DecidesWhenTheKubeconfigSkipsVerificationOrNamesATrustStoreOrNoAuthority() {
        assertFalse(ServerTrust.replacing(new ConfigBuilder().withMasterUrl(httpsUrl()).withTrustCerts(true)
                .withCaCertData("x").build()).isPresent());
        assertFalse(ServerTrust.replacing(new ConfigBuilder().withMasterUrl(httpsUrl())
                .withTrustStoreFile("/etc/trust.p12").withCaCertData("x").build()).isPresent());
        assertFalse(ServerTrust.replacing(new ConfigBuilder().withMasterUrl(httpsUrl()).build()).isPresent());
        assertTrue(ServerTrust.replacing(new ConfigBuilder().withMasterUrl("HTTP://127.0.0.1:1").build()).isPresent());
    }

    private ProbeResult probe(Path kubeconfig) throws Exception {
        ClusterTarget target = KubeconfigLoader.load(Side.PRIMARY, kubeconfig, null);
        try (KubernetesClient client = ClientFactory.probeClient(target.config())) {
            return new ApiProbe(client, "gitpod", Clock.systemUTC()).probe();
        }
    }

    private Path kubeconfig(String server, String clusterLine) throws IOException {
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster:
                    server: %s
                    %s
                contexts:
                - name: c
                  context: {cluster: c, user: u}
                current-context: c
                users:
                - name: u
                  user: {token: test-token}
                """.formatted(server, clusterLine));
        return file;
    }

    private String httpsUrl() {
        return "https://127.0.0.1:" + https.getAddress().getPort();
    }

    private static String base64(String name) throws IOException {
        return Base64.getEncoder().encodeToString(resource(name));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ServerTrustTest.class.getResourceAsStream("/tls/" + name)) {
            return in.readAllBytes();
        }
    }

    private static SSLContext serverContext() throws Exception {
        char[] password = "changeit".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = ServerTrustTest.class.getResourceAsStream("/tls/server.p12")) {
            keys.load(in, password);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }
}
