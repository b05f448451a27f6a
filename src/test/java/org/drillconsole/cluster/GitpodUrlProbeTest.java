package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import org.drillconsole.model.GitpodAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gitpod's URL probed like the API server: status and latency, or why there was no answer, in words. */
class GitpodUrlProbeTest {

    HttpServer gitpod;
    final GitpodUrlProbe probe = new GitpodUrlProbe(Clock.systemUTC());

    @BeforeEach
    void serve() throws Exception {
        gitpod = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gitpod.createContext("/api/version", exchange -> {
            byte[] body = "\"2022.11.3\"".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gitpod.createContext("/down", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        gitpod.start();
    }

    @AfterEach
    void stop() {
        gitpod.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + gitpod.getAddress().getPort() + path;
    }

    @Test
    void aServingGitpodAnswersWithItsStatusAndLatency() {
        GitpodAnswer answer = probe.probe(url("/api/version"));
        assertTrue(answer.serving(), answer.toString());
        assertEquals(200, answer.status());
        assertTrue(answer.latencyMs() >= 0);
    }

    @Test
    void anErrorStatusIsAnAnswerThatDoesNotServe() {
        GitpodAnswer answer = probe.probe(url("/down"));
        assertFalse(answer.serving());
        assertEquals(503, answer.status());
    }

    @Test
    void aClosedPortIsNoAnswerSaidInWords() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        GitpodAnswer answer = probe.probe("http://127.0.0.1:" + closed + "/api/version");
        assertEquals(-1, answer.status());
        assertEquals("connection refused", answer.problem());
    }
}
