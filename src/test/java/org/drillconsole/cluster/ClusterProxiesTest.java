package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.Side;
import org.drillconsole.support.PracticeClustersExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A cluster reached through a proxy, chosen as kubectl chooses it. */
class ClusterProxiesTest {

    @RegisterExtension
    static final PracticeClustersExtension PRACTICE = new PracticeClustersExtension(Duration.ofMillis(200));

    @TempDir
    Path dir;

    Path kubeconfig(String server, String clusterExtra) throws Exception {
        return Files.writeString(dir.resolve("kubeconfig-" + System.nanoTime()),
                KubeconfigLoaderTest.kubeconfig(server, clusterExtra, "    token: t"));
    }

    ClusterTarget load(Path file, Map<String, String> environment) throws ClusterConfigException {
        return KubeconfigLoader.load(Side.PRIMARY, file, null, environment::get);
    }

    @Test
    void theEnvironmentsProxyIsUsedForTheServersSchemeUnlessNoProxyNamesTheHost() throws Exception {
        Path https = kubeconfig("https://10.1.2.3:6443", "");
        assertEquals("http://proxy.corp:3128", load(https, Map.of("HTTPS_PROXY", "proxy.corp:3128")).config()
                .getHttpsProxy(), "a proxy written without a scheme is an HTTP proxy, as for kubectl");
        assertEquals("http://lower:3128", load(https, Map.of("https_proxy", "http://lower:3128")).config()
                .getHttpsProxy());
        assertNull(load(https, Map.of("HTTP_PROXY", "http://plain:3128")).config().getHttpsProxy(),
                "an HTTPS server does not go through HTTP_PROXY");
        assertNull(load(https, Map.of("HTTPS_PROXY", "http://proxy:3128", "NO_PROXY", "localhost,10.0.0.0/8"))
                .config().getHttpsProxy());
        assertEquals("http://plain:3128", load(kubeconfig("http://api.example.com:8080", ""),
                Map.of("HTTP_PROXY", "http://plain:3128")).config().getHttpProxy());
    }

    @Test
    void aProxysPasswordIsNeverShown() throws Exception {
        assertEquals("http://proxy.corp:3128", ClusterProxies.shown("http://oncall:s3cr3t@proxy.corp:3128"));
        assertEquals("proxy.corp:3128", ClusterProxies.shown("oncall:s3cr3t@proxy.corp:3128"));
        assertEquals("http://proxy.corp:3128/", ClusterProxies.shown("http://proxy.corp:3128/"));
        String message = assertThrows(ClusterConfigException.class, () -> load(kubeconfig("https://10.1.2.3:6443",
                "    proxy-url: socks5://oncall:s3cr3t@127.0.0.1:1080"), Map.of())).getMessage();
        assertFalse(message.contains("s3cr3t"), message);
        String fromEnvironment = assertThrows(ClusterConfigException.class, () -> load(kubeconfig(
                "https://10.1.2.3:6443", ""), Map.of("HTTPS_PROXY", "socks5://oncall:s3cr3t@localhost:1080")))
                .getMessage();
        assertFalse(fromEnvironment.contains("s3cr3t"), fromEnvironment);
        assertEquals(null, ApiProbe.proxyProblem(null, 502));
    }

    @Test
    void noProxyFollowsGosRules() {
        assertFalse(ClusterProxies.proxied("localhost", null), "never localhost");
        assertFalse(ClusterProxies.proxied("127.0.0.1", null), "never loopback");
        assertFalse(ClusterProxies.proxied("[::1]", null));
        assertTrue(ClusterProxies.proxied("api.example.com", null));
        assertFalse(ClusterProxies.proxied("api.example.com", "*"));
        assertFalse(ClusterProxies.proxied("api.example.com", "example.com"), "a domain covers its subdomains");
        assertFalse(ClusterProxies.proxied("api.example.com", " .example.com "));
        assertTrue(ClusterProxies.proxied("api.example.community", "example.com"), "not a suffix of the name");
        assertFalse(ClusterProxies.proxied("api.example.com", "api.example.com:6443"), "a port is ignored");
        assertFalse(ClusterProxies.proxied("10.200.3.4", "192.168.0.0/16, 10.0.0.0/8"));
        assertTrue(ClusterProxies.proxied("11.0.0.1", "10.0.0.0/8"));
        assertTrue(ClusterProxies.proxied("10.0.0.1", "10.0.0.0/99,nonsense/x"), "a bad range names nothing");
    }

    @Test
    void aSocksProxyIsRefusedByNameWhetherFromTheKubeconfigOrTheEnvironment() throws Exception {
        Path socks = kubeconfig("https://10.1.2.3:6443", "    proxy-url: socks5://127.0.0.1:1080");
        String message = assertThrows(ClusterConfigException.class, () -> load(socks, Map.of())).getMessage();
        assertTrue(message.startsWith("proxy-url \"socks5://127.0.0.1:1080\" of cluster \"c1\" in " + socks
                + " is a SOCKS proxy"), message);
        String fromEnvironment = assertThrows(ClusterConfigException.class, () -> load(kubeconfig(
                "https://10.1.2.3:6443", ""), Map.of("HTTPS_PROXY", "socks5h://localhost:1080"))).getMessage();
        assertTrue(fromEnvironment.startsWith("HTTPS_PROXY \"socks5h://localhost:1080\" in the environment is a SOCKS"
                + " proxy"), fromEnvironment);
        String garbage = assertThrows(ClusterConfigException.class, () -> load(kubeconfig("https://10.1.2.3:6443", ""),
                Map.of("HTTPS_PROXY", "ftp://x"))).getMessage();
        assertTrue(garbage.contains("is not an HTTP proxy URL"), garbage);
    }

    /**
     * The practice primary's kubeconfig with a proxy-url: the probe goes to the proxy with the API server's
     * URL, and the proxy's own failure is said as the proxy's, not as the API server's.
     */
    @Test
    void theProbeGoesThroughTheKubeconfigsProxyAndSaysWhenTheProxyCannotReachTheServer() throws Exception {
        List<String> requestLines = new CopyOnWriteArrayList<>();
        try (ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                while (!proxy.isClosed()) {
                    try (Socket client = proxy.accept()) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                                StandardCharsets.ISO_8859_1));
                        requestLines.add(in.readLine());
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            // the headers
                        }
                        OutputStream out = client.getOutputStream();
                        out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    } catch (java.io.IOException closed) {
                        // the test is over
                    }
                }
            }, "fake-proxy");
            answering.setDaemon(true);
            answering.start();
            String server = PRACTICE.clusters().cluster(Side.PRIMARY).url();
            Path file = Files.writeString(dir.resolve("proxied.kubeconfig"), Files.readString(PRACTICE.clusters()
                    .kubeconfig(Side.PRIMARY)).replaceAll("(server: .*)", "$1\n    proxy-url: http://127.0.0.1:"
                    + proxy.getLocalPort()));
            ClusterReading.Pair read = ClusterReading.read(new ClusterPair.Source(file, null),
                    new ClusterPair.Source(PRACTICE.clusters().kubeconfig(Side.STANDBY), null), "gitpod",
                    Duration.ofSeconds(10), Clock.systemUTC());
            ClusterSnapshot primary = read.primary();
            assertEquals(ConnectionState.UNREACHABLE, primary.state(), primary.stateMessage());
            assertEquals("the proxy http://127.0.0.1:" + proxy.getLocalPort() + " could not reach the API server"
                    + " (HTTP 502)", primary.stateMessage());
            String expected = "GET " + (server.endsWith("/") ? server : server + "/") + "readyz HTTP/1.1";
            assertTrue(requestLines.contains(expected), "the proxy saw " + requestLines + ", not " + expected);
            assertEquals(ConnectionState.ONLINE, read.standby().state(), "the standby, without a proxy, answers");
        }
    }
}
