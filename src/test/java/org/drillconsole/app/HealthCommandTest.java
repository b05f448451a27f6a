package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.drillconsole.model.Side;
import org.drillconsole.support.LoopbackWeb;
import org.drillconsole.support.PracticeClustersExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HealthCommandTest {

    @RegisterExtension
    static final PracticeClustersExtension practice = new PracticeClustersExtension(Duration.ofMillis(200));

    String primary() {
        return practice.clusters().kubeconfig(Side.PRIMARY).toString();
    }

    String standby() {
        return practice.clusters().kubeconfig(Side.STANDBY).toString();
    }

    @Test
    void exitsZeroAndPrintsDocumentedJsonForAHealthyPrimaryAndAnIdleStandby() throws Exception {
        CliRun run = CliRun.of("health", "--primary", primary(), "--standby", standby(), "--json");
        assertEquals(0, run.code(), run.out() + run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        for (String side : new String[] {"primary", "standby"}) {
            JsonNode node = json.get(side);
            for (String field : new String[] {"state", "verdict", "reasons", "apiLatencyMs", "serverVersion", "nodes",
                    "components"}) {
                assertTrue(node.has(field), side + " lacks " + field);
            }
            assertTrue(node.get("nodes").has("ready") && node.get("nodes").has("total"));
            JsonNode component = node.get("components").get(0);
            for (String field : new String[] {"kind", "name", "status", "ready", "desired", "reason"}) {
                assertTrue(component.has(field), "component lacks " + field);
            }
        }
        assertEquals("HEALTHY", json.get("primary").get("verdict").asText());
        assertEquals("IDLE", json.get("standby").get("verdict").asText());
        assertEquals("v1.32.4", json.get("primary").get("serverVersion").asText());
        assertTrue(!run.out().contains("practice-cluster-token"), "no credential in the output");
    }

    @Test
    void credentialsThatMayNotListNodesOrJobsGetAVerdictWithoutThem() throws Exception {
        String limited = practice.primaryKubeconfigRefusing("namespace-only", "nodes", "jobs", "cronjobs").toString();
        CliRun run = CliRun.of("health", "--primary", limited, "--standby", standby(), "--json");
        assertEquals(0, run.code(), run.out() + run.err());
        JsonNode primary = new ObjectMapper().readTree(run.out()).get("primary");
        assertEquals("HEALTHY", primary.get("verdict").asText(), primary.toString());
        assertTrue(primary.get("nodes").isNull() || primary.get("nodes").get("total").asInt() == 0,
                primary.get("nodes").toString());
    }

    @Test
    void credentialsThatMayNotListDeploymentsAreAProblemNamedAsSuch() throws Exception {
        String limited = practice.primaryKubeconfigRefusing("no-deployments", "deployments").toString();
        CliRun run = CliRun.of("health", "--primary", limited, "--standby", standby());
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("403"), run.out());
    }

    @Test
    void exitsOneWhenAComponentIsDegraded() throws Exception {
        practice.clusters().controls().crash(Side.PRIMARY, "dashboard", true);
        try {
            Thread.sleep(500);
            CliRun run = CliRun.of("health", "--primary", primary(), "--standby", standby());
            assertEquals(1, run.code(), run.out());
            assertTrue(run.out().contains("CrashLoopBackOff"), run.out());
        } finally {
            practice.clusters().controls().crash(Side.PRIMARY, "dashboard", false);
            Thread.sleep(500);
        }
    }

    @Test
    void exitsTwoWhenAClusterIsDown() throws Exception {
        practice.clusters().controls().stop(Side.STANDBY);
        try {
            CliRun run = CliRun.of("health", "--primary", primary(), "--standby", standby());
            assertEquals(2, run.code(), run.out());
            assertTrue(run.out().contains("UNREACHABLE"));
        } finally {
            practice.clusters().controls().start(Side.STANDBY);
        }
    }

    @Test
    void aHungPrimaryIsReportedByItsProbeWhileTheStandbyIsListedInFull() throws Exception {
        practice.clusters().controls().hang(Side.PRIMARY);
        try {
            CliRun run = CliRun.of("health", "--primary", primary(), "--standby", standby(), "--json");
            assertEquals(2, run.code(), run.out());
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
            assertEquals("UNREACHABLE", json.path("primary").path("state").asText(), run.out());
            assertTrue(json.path("primary").path("stateMessage").asText().contains("no answer"), run.out());
            assertEquals("IDLE", json.path("standby").path("verdict").asText(), run.out());
            assertTrue(json.path("standby").path("components").size() > 15, run.out());
        } finally {
            practice.clusters().controls().start(Side.PRIMARY);
        }
    }

    @Test
    void aServerThatIsNotKubernetesIsSaidPlainly() throws Exception {
        // A web server that answers 404 to everything, where a kubeconfig says the API server is.
        try (LoopbackWeb web = LoopbackWeb.answering(java.util.Map.of())) {
            java.nio.file.Path file = practice.primaryKubeconfigPointingAt(web.url(""), "not-kubernetes.kubeconfig");
            CliRun run = CliRun.of("health", "--primary", file.toString(), "--standby", standby(), "--json");
            assertEquals(2, run.code(), run.out());
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertEquals("UNKNOWN", json.path("primary").path("verdict").asText(), run.out());
            assertEquals("API server answers, but the objects could not be listed: HTTP 404 Not Found (is this a"
                    + " Kubernetes API server?)", json.path("primary").path("reasons").path(0).asText(), run.out());
            assertEquals("IDLE", json.path("standby").path("verdict").asText(), run.out());
        }
    }

    @Test
    void aWebPageWhereTheApiServerShouldBeIsSaidPlainlyWithoutQuotingIt() throws Exception {
        try (LoopbackWeb web = LoopbackWeb.page("<html><body><h1>Sign in</h1>" + "x".repeat(5000) + "</body></html>")) {
            java.nio.file.Path file = practice.primaryKubeconfigPointingAt(web.url(""), "web-page.kubeconfig");
            CliRun run = CliRun.of("health", "--primary", file.toString(), "--standby", standby());
            assertEquals(2, run.code(), run.out());
            assertTrue(run.out().contains("API server answers, but the objects could not be listed: the server "
                    + "answered, but not with a Kubernetes list (a web page or a proxy's? is this a Kubernetes API "
                    + "server?)"), run.out());
            assertFalse(run.out().contains("Sign in") || run.out().contains("fabric8") || run.out().contains("Exception"),
                    run.out());
        }
    }

    @Test
    void aSideWhoseObjectsAreNotKnownIsNotComparedRatherThanCalledEmpty() {
        CliRun run = CliRun.of("health", "--primary", practice.dir().resolve("nope.yaml").toString(), "--standby", standby());
        assertEquals(2, run.code(), run.out());
        assertTrue(run.out().contains("PRIMARY vs STANDBY\n  not compared: the primary's objects are not known\n"),
                run.out());
        assertFalse(run.out().contains("absent on primary") || run.out().contains("ONLY_ON_STANDBY"), run.out());
    }

    @Test
    void exitsTwoWithTheReasonWhenAKubeconfigIsMissing() {
        CliRun run = CliRun.of("health", "--primary", practice.dir().resolve("nope.yaml").toString(), "--standby", standby(), "--json");
        assertEquals(2, run.code());
        assertTrue(run.out().contains("MISCONFIGURED") && run.out().contains("nope.yaml"), run.out());
    }

    @Test
    void warnsWhenBothSidesAreTheSameCluster() {
        CliRun run = CliRun.of("health", "--primary", primary(), "--standby", primary());
        assertTrue(run.out().contains("same API server"), run.out());
    }

    @Test
    void exitsSixtyFourOnAUsageError() {
        CliRun run = CliRun.of("health", "--primary", primary());
        assertEquals(64, run.code());
        assertTrue(run.err().contains("--standby"), run.err());
    }

    /** Nothing that is not a namespace name is sent to a cluster as part of a path: a usage error, in words. */
    @Test
    void aNamespaceThatIsNotANamespaceNameIsAUsageError() {
        for (String namespace : List.of("a b", "x/y", "", "Gitpod", "-gitpod", "gitpod?watch=1", "ü", "a".repeat(64))) {
            CliRun run = CliRun.of("health", "--primary", primary(), "--standby", primary(), "--namespace", namespace);
            assertEquals(64, run.code(), namespace + ": " + run.err());
            assertTrue(run.err().contains("\"" + namespace + "\" is not a namespace name"), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void sandboxCommandsAnswerInWords() throws Exception {
        assertTrue(practice.clusters().controls().execute("help").contains("stop SIDE"));
        assertTrue(practice.clusters().controls().execute("scale moon server 1").contains("primary or standby"));
        assertTrue(practice.clusters().controls().execute("crash primary nothing").contains("no component"));
        assertEquals(null, practice.clusters().controls().execute("quit"));
        assertTrue(Files.exists(practice.clusters().kubeconfig(Side.PRIMARY)));
    }
}
