package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;
import org.drillconsole.model.GitpodAnswer;
import org.drillconsole.support.LoopbackWeb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gitpod's URL probed like the API server: status and latency, or why there was no answer, in words. */
class GitpodUrlProbeTest {

    LoopbackWeb gitpod;
    final GitpodUrlProbe probe = new GitpodUrlProbe(Clock.systemUTC());

    @BeforeEach
    void serve() throws Exception {
        gitpod = LoopbackWeb.answering(Map.of("/api/version", 200, "/down", 503));
    }

    @AfterEach
    void stop() {
        gitpod.close();
    }

    @Test
    void aServingGitpodAnswersWithItsStatusAndLatency() {
        GitpodAnswer answer = probe.probe(gitpod.url("/api/version"));
        assertTrue(answer.serving(), answer.toString());
        assertEquals(200, answer.status());
        assertTrue(answer.latencyMs() >= 0);
    }

    @Test
    void anErrorStatusIsAnAnswerThatDoesNotServe() {
        GitpodAnswer answer = probe.probe(gitpod.url("/down"));
        assertFalse(answer.serving());
        assertEquals(503, answer.status());
    }

    @Test
    void aClosedPortIsNoAnswerSaidInWords() throws Exception {
        GitpodAnswer answer = probe.probe("http://127.0.0.1:" + LoopbackWeb.closedPort() + "/api/version");
        assertEquals(-1, answer.status());
        assertEquals("connection refused", answer.problem());
    }
}
