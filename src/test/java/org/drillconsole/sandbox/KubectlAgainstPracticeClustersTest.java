package org.drillconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.drillconsole.model.Executables;
import org.drillconsole.model.Side;
import org.drillconsole.support.PracticeClustersExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl (1.32 on our machines) drives the practice clusters like a real cluster: every verb
 * an on-call engineer types beside the console answers with a real API server's output and exit code,
 * and prints nothing on standard error when it succeeds.
 */
class KubectlAgainstPracticeClustersTest {

    @RegisterExtension
    static final PracticeClustersExtension practice = new PracticeClustersExtension(Duration.ofMillis(300));

    @TempDir
    static Path home;

    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exit, String out, String err) {
        Result ok() {
            assertEquals(0, exit, "kubectl failed: " + err + out);
            assertEquals("", err.strip(), "kubectl wrote to standard error");
            return this;
        }
    }

    @BeforeAll
    static void kubectlIsInstalled() {
        Assumptions.assumeTrue(Executables.onPath("kubectl").isPresent(),
                "kubectl is not installed on this machine (.ci/run installs it): the kubectl compatibility tests are"
                        + " skipped");
    }

    @Test
    void getPodsShowsReadyStatusRestartsAndAgeLikeARealServer() throws Exception {
        Result pods = kubectl("get", "pods").ok();
        String header = pods.out().lines().findFirst().orElse("");
        assertEquals(List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"), List.of(header.trim().split("\\s+")));
        assertTrue(pods.out().lines().anyMatch(l -> l.matches("server-[a-z0-9]{10}-[a-z0-9]{5}\\s+1/1\\s+Running\\s+0\\s+\\S+")),
                pods.out());
        String wide = kubectl("get", "pods", "-o", "wide").ok().out().lines().findFirst().orElse("");
        assertTrue(wide.contains("IP") && wide.contains("NODE") && wide.contains("NOMINATED NODE"), wide);
    }

    @Test
    void everyEverydayKindListsWithKubectlsColumns() throws Exception {
        assertHeader("deployments", "NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE");
        assertHeader("statefulsets", "NAME", "READY", "AGE");
        assertHeader("daemonsets", "NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE",
                "SELECTOR", "AGE");
        assertHeader("services", "NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE");
        assertHeader("nodes", "NAME", "STATUS", "ROLES", "AGE", "VERSION");
        assertHeader("jobs", "NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE");
        assertHeader("cronjobs", "NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST", "SCHEDULE", "AGE");
        assertHeader("pvc", "NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS", "MODES", "STORAGECLASS",
                "VOLUMEATTRIBUTESCLASS", "AGE");
        assertTrue(kubectl("get", "svc", "proxy").ok().out().contains("203.0.113.10"));
        assertTrue(kubectl("get", "deploy", "-o", "wide").ok().out().contains("app=gitpod,component=server"));
        assertTrue(kubectl("get", "all").ok().out().contains("replicaset.apps/server-"));
    }

    @Test
    void outputFormatsAndLabelSelectorsWork() throws Exception {
        JsonNode list = JSON.readTree(kubectl("get", "deploy", "-l", "component in (server,proxy)", "-o", "json")
                .ok().out());
        Set<String> names = new TreeSet<>();
        list.path("items").forEach(d -> names.add(d.path("metadata").path("name").asText()));
        assertEquals(Set.of("proxy", "server"), names);
        assertTrue(kubectl("get", "deploy", "server", "-o", "yaml").ok().out().contains("kind: Deployment"));
        assertEquals("2", kubectl("get", "deploy", "server", "-o", "jsonpath={.status.readyReplicas}").ok().out());
    }

    @Test
    void scaleThenRolloutStatusWaitsForTheNewReplicasAndSucceeds() throws Exception {
        assertTrue(kubectl("scale", "deploy/dashboard", "--replicas=3").ok().out().contains("scaled"));
        Result status = kubectl("rollout", "status", "deploy/dashboard", "--timeout=30s").ok();
        assertTrue(status.out().contains("successfully rolled out"), status.out());
        assertTrue(kubectl("get", "deploy", "dashboard").ok().out().contains("3/3"));
        kubectl("scale", "deploy/dashboard", "--replicas=2").ok();
        kubectl("rollout", "status", "deploy/dashboard", "--timeout=30s").ok();
    }

    @Test
    void patchesOfEveryTypeChangeTheDeployment() throws Exception {
        kubectl("patch", "deploy", "ide-metrics", "-p", "{\"spec\":{\"replicas\":2}}").ok();
        kubectl("patch", "deploy", "ide-metrics", "--type=merge", "-p",
                "{\"metadata\":{\"labels\":{\"drill\":\"yes\"}}}").ok();
        kubectl("patch", "deploy", "ide-metrics", "--type=json", "-p",
                "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":1}]").ok();
        // strategic merge keeps the other containers' fields and merges env by name
        kubectl("patch", "deploy", "ide-metrics", "-p", "{\"spec\":{\"template\":{\"spec\":{\"containers\":"
                + "[{\"name\":\"ide-metrics\",\"env\":[{\"name\":\"LOG_LEVEL\",\"value\":\"debug\"}]}]}}}}").ok();
        JsonNode deployment = JSON.readTree(kubectl("get", "deploy", "ide-metrics", "-o", "json").ok().out());
        assertEquals(1, deployment.path("spec").path("replicas").asInt());
        assertEquals("yes", deployment.path("metadata").path("labels").path("drill").asText());
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").path(0);
        assertTrue(container.path("image").asText().contains("ide-metrics"));
        assertEquals(2, container.path("env").size(), container.toString());
        kubectl("rollout", "status", "deploy/ide-metrics", "--timeout=30s").ok();
    }

    @Test
    void rolloutRestartMakesANewRevisionAndUndoReturnsToTheFirst() throws Exception {
        String first = replicaSetServing("blobserve");
        kubectl("rollout", "restart", "deploy/blobserve").ok();
        kubectl("rollout", "status", "deploy/blobserve", "--timeout=30s").ok();
        String second = replicaSetServing("blobserve");
        assertNotEquals(first, second);
        assertTrue(kubectl("rollout", "history", "deploy/blobserve").ok().out().contains("2 "));
        kubectl("rollout", "undo", "deploy/blobserve").ok();
        kubectl("rollout", "status", "deploy/blobserve", "--timeout=30s").ok();
        assertEquals(first, replicaSetServing("blobserve"));
    }

    @Test
    void describeShowsOwnersConditionsAndEvents() throws Exception {
        String pod = podOf("server");
        Result described = kubectl("describe", "pod", pod).ok();
        assertTrue(described.out().lines().anyMatch(l -> l.matches("Controlled By:\\s+ReplicaSet/server-\\S+")),
                described.out());
        assertTrue(described.out().lines().anyMatch(l -> l.matches("Status:\\s+Running")), described.out());
        assertTrue(kubectl("describe", "deploy", "server").ok().out().contains("NewReplicaSet:"));
        assertTrue(kubectl("describe", "node", "primary-node-1").ok().out().contains("Non-terminated Pods:"));
        kubectl("describe", "sts", "messagebus").ok();
        kubectl("describe", "ds", "ws-daemon").ok();
        kubectl("describe", "svc", "proxy").ok();
        kubectl("describe", "job", "migrations").ok();
    }

    @Test
    void logsOfAPodShowWhatItWrote() throws Exception {
        Result logs = kubectl("logs", podOf("content-service")).ok();
        assertTrue(logs.out().contains("starting content-service"), logs.out());
        assertEquals(1, kubectl("logs", "--tail=1", podOf("content-service")).ok().out().lines().count());
    }

    @Test
    void aDeletedPodIsReplacedByItsReplicaSet() throws Exception {
        String pod = podOf("ws-proxy");
        kubectl("delete", "pod", pod).ok();
        waitFor(() -> {
            List<String> pods = kubectl("get", "pods", "-l", "component=ws-proxy", "-o", "name").ok().out().lines()
                    .toList();
            return pods.size() == 1 && !pods.get(0).equals("pod/" + pod);
        });
        kubectl("rollout", "status", "deploy/ws-proxy", "--timeout=30s").ok();
    }

    @Test
    void drainEvictsPodsElsewhereAndUncordonReopensTheNode() throws Exception {
        kubectl("cordon", "primary-node-2").ok();
        assertTrue(kubectl("get", "node", "primary-node-2").ok().out().contains("Ready,SchedulingDisabled"));
        Result refused = kubectl("drain", "primary-node-2", "--timeout=20s");
        assertNotEquals(0, refused.exit(), "drain without --ignore-daemonsets must refuse DaemonSet pods");
        Result drained = kubectl("drain", "primary-node-2", "--ignore-daemonsets", "--force", "--timeout=30s");
        assertEquals(0, drained.exit(), drained.err());
        assertTrue(drained.out().contains("drained"), drained.out());
        String left = kubectl("get", "pods", "--field-selector", "spec.nodeName=primary-node-2", "-o", "name").ok().out();
        assertTrue(left.lines().allMatch(p -> p.matches("pod/(ws-daemon|registry-facade|agent-smith)-.*")), left);
        kubectl("uncordon", "primary-node-2").ok();
        assertTrue(kubectl("get", "node", "primary-node-2").ok().out().lines().skip(1)
                .allMatch(l -> l.contains(" Ready ")));
    }

    @Test
    void applyCreatesThenConfiguresAndEditChangesInPlace() throws Exception {
        Path manifest = home.resolve("notes.yaml");
        Files.writeString(manifest, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: drill-notes
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: drill-notes}
                  template:
                    metadata:
                      labels: {app: drill-notes}
                    spec:
                      containers:
                      - name: notes
                        image: nginx:1.27
                        ports:
                        - containerPort: 80
                """);
        assertTrue(kubectl("apply", "-f", manifest.toString()).ok().out().contains("created"));
        Files.writeString(manifest, Files.readString(manifest).replace("nginx:1.27", "nginx:1.28"));
        assertTrue(kubectl("apply", "-f", manifest.toString()).ok().out().contains("configured"));
        kubectl("rollout", "status", "deploy/drill-notes", "--timeout=30s").ok();
        Result edited = kubectlWithEditor("sed -i s/replicas:\\ 1/replicas:\\ 2/", "edit", "deploy", "drill-notes");
        assertEquals(0, edited.exit(), edited.err());
        assertEquals("2", kubectl("get", "deploy", "drill-notes", "-o", "jsonpath={.spec.replicas}").ok().out());
        assertTrue(kubectl("get", "deploy", "drill-notes", "-o", "jsonpath={.spec.template.spec.containers[0].image}")
                .ok().out().equals("nginx:1.28"));
        kubectl("delete", "deploy", "drill-notes").ok();
        waitFor(() -> kubectl("get", "rs,pods", "-l", "app=drill-notes", "-o", "name").ok().out().isBlank());
    }

    @Test
    void watchPrintsTheChangeAsItHappens() throws Exception {
        Process watch = start("get", "deploy", "ide-proxy", "-w", "--no-headers");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
            assertTrue(out.readLine().startsWith("ide-proxy"));
            kubectl("scale", "deploy/ide-proxy", "--replicas=2").ok();
            String line;
            boolean seen = false;
            while (!seen && (line = out.readLine()) != null) {
                seen = line.matches("ide-proxy\\s+2/2\\s+2\\s+2\\s+\\S+");
            }
            assertTrue(seen, "the watch never showed 2/2");
        } finally {
            watch.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        kubectl("scale", "deploy/ide-proxy", "--replicas=1").ok();
    }

    @Test
    void topSaysMetricsAreNotAvailable() throws Exception {
        Result top = kubectl("top", "pods");
        assertNotEquals(0, top.exit());
        assertTrue(top.err().contains("Metrics API not available"), top.err());
    }

    @Test
    void discoveryAndApiResourcesAnswerWithoutErrors() throws Exception {
        Result resources = kubectl("api-resources").ok();
        assertTrue(resources.out().contains("deployments") && resources.out().contains("deploy"));
        assertTrue(kubectl("version").ok().out().contains("Server Version: v1.32"));
    }

    private static void assertHeader(String kind, String... columns) throws Exception {
        String header = kubectl("get", kind).ok().out().lines().findFirst().orElse("");
        assertEquals(List.of(columns), List.of(header.trim().split("\\s+")), kind);
    }

    private static String replicaSetServing(String deployment) throws Exception {
        for (String line : kubectl("get", "rs", "-l", "component=" + deployment, "--no-headers").ok().out().lines()
                .toList()) {
            String[] cells = line.trim().split("\\s+");
            if (!cells[1].equals("0")) {
                return cells[0];
            }
        }
        throw new AssertionError("no ReplicaSet of " + deployment + " has replicas");
    }

    private static String podOf(String component) throws Exception {
        return kubectl("get", "pods", "-l", "component=" + component, "-o", "jsonpath={.items[0].metadata.name}")
                .ok().out();
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(200);
        }
    }

    private static Result kubectl(String... args) throws Exception {
        return kubectlWithEditor(null, args);
    }

    private static Result kubectlWithEditor(String editor, String... args) throws Exception {
        ProcessBuilder builder = builder(args);
        if (editor != null) {
            builder.environment().put("KUBE_EDITOR", editor);
        }
        Path err = Files.createTempFile(home, "kubectl", ".err");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), out, Files.readString(err));
    }

    private static Process start(String... args) throws IOException {
        ProcessBuilder builder = builder(args);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }

    private static ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>();
        command.add("kubectl");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KUBECONFIG", practice.clusters().kubeconfig(Side.PRIMARY).toString());
        builder.environment().put("HOME", home.toString()); // kubectl's discovery cache stays in the test
        return builder;
    }

}
