package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import org.drillconsole.model.ConnectionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe against an API server that answers 401 or 403 (fabric8's mock server in expectation mode). */
class ApiProbeTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(false);
        server.init();
        // The probe's own client: no retries, short timeouts (fabric8's default retries 5xx with backoff).
        try (KubernetesClient mockDefault = server.createClient()) {
            client = ClientFactory.probeClient(mockDefault.getConfiguration());
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void reportsUnauthorizedOnHttp401() {
        server.expect().get().withPath("/readyz").andReturn(401, "Unauthorized").always();
        ProbeResult result = new ApiProbe(client, "gitpod", Clock.systemUTC()).probe();
        assertEquals(ConnectionState.UNAUTHORIZED, result.state());
        assertTrue(result.message().contains("401"));
    }

    @Test
    void reportsForbiddenWhenTheCredentialsMayNotListDeployments() {
        server.expect().get().withPath("/readyz").andReturn(200, "ok").always();
        server.expect().get().withPath("/apis/apps/v1/namespaces/gitpod/deployments?limit=1")
                .andReturn(403, "forbidden").always();
        ProbeResult result = new ApiProbe(client, "gitpod", Clock.systemUTC()).probe();
        assertEquals(ConnectionState.FORBIDDEN, result.state());
        assertTrue(result.message().contains("namespace \"gitpod\""));
    }

    @Test
    void reportsDegradedWhenReadyzSaysNotReady() {
        server.expect().get().withPath("/readyz").andReturn(503, "[-]etcd failed").always();
        server.expect().get().withPath("/apis/apps/v1/namespaces/gitpod/deployments?limit=1")
                .andReturn(200, "{\"kind\":\"DeploymentList\",\"items\":[]}").always();
        ProbeResult result = new ApiProbe(client, "gitpod", Clock.systemUTC()).probe();
        assertEquals(ConnectionState.DEGRADED, result.state());
        assertTrue(result.latencyMs() >= 0);
    }
}
