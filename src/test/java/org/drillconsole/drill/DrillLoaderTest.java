package org.drillconsole.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.drillconsole.model.drill.DrillDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DrillLoaderTest {

    @TempDir
    Path dir;

    static Stream<Path> shippedRunbooks() throws Exception {
        return Files.list(Path.of("drills")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("shippedRunbooks")
    void everyShippedRunbookIsValidWithThePracticeValues(Path runbook) throws Exception {
        DrillDefinition drill = DrillLoader.load(runbook, ParameterValues.none().file(Path.of("drills/values/practice.yaml")));
        assertEquals(runbook.getFileName().toString().replace(".yaml", ""), drill.metadata().name());
        assertEquals(64, drill.contentHash().length());
    }

    @Test
    void shipsTheFourGitpodRunbooks() throws Exception {
        assertEquals(List.of("backup-restore.yaml", "failback.yaml", "pilot-light-failover.yaml",
                "standby-readiness.yaml"), shippedRunbooks().map(p -> p.getFileName().toString()).toList());
    }

    /** A valid drill with one line replaced, to provoke one error at a known place. */
    static final String VALID = """
            apiVersion: drills.gitpod-dr/v1
            kind: Drill
            metadata: { name: small, title: A small drill }
            spec:
              strategy: pilot-light
              objectives: { rto: 30m, rpo: 15m }
              steps:
                - id: declare
                  type: manual
                  clock: start
                  instructions: Declare the outage.
                - id: scale-up
                  type: action
                  cluster: standby
                  action: { kind: scale, selector: app=gitpod, replicasFrom: primarySnapshot }
                - id: serving
                  type: check
                  clock: stop
                  timeout: 5m
                  check: { kind: httpGet, url: "https://gitpod.example.com/api/version", expectStatus: 200 }
            """;

    List<DrillProblem> problems(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("drill.yaml"), yaml);
        return assertThrows(DrillFileException.class, () -> DrillLoader.load(file)).problems();
    }

    DrillProblem only(String yaml) throws Exception {
        List<DrillProblem> problems = problems(yaml);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void acceptsTheSmallDrill() throws Exception {
        DrillDefinition drill = DrillLoader.load(Files.writeString(dir.resolve("ok.yaml"), VALID));
        assertEquals(3, drill.spec().steps().size());
    }

    @Test
    void namesFileLineAndPathOfAnUnknownKey() throws Exception {
        DrillProblem problem = only(VALID.replace("      timeout: 5m", "      timout: 5m"));
        assertEquals(19, problem.line());
        assertEquals("spec.steps[2].timout", problem.path());
        assertTrue(problem.message().contains("unknown key \"timout\"") && problem.message().contains("timeout"));
        assertTrue(problem.toString().startsWith(dir.resolve("drill.yaml") + ":19:"), problem.toString());
    }

    @Test
    void rejectsAnUnknownStepType() throws Exception {
        DrillProblem problem = only(VALID.replace("type: manual", "type: sleep"));
        assertEquals("spec.steps[0].type", problem.path());
        assertEquals(9, problem.line());
    }

    @Test
    void rejectsAnUnknownCheckKind() throws Exception {
        assertEquals("spec.steps[2].check.kind", only(VALID.replace("kind: httpGet", "kind: pingGitpod")).path());
    }

    @Test
    void rejectsAnUnknownActionKind() throws Exception {
        assertEquals("spec.steps[1].action.kind", only(VALID.replace("kind: scale", "kind: resize")).path());
    }

    @Test
    void rejectsABadDuration() throws Exception {
        DrillProblem problem = only(VALID.replace("timeout: 5m", "timeout: five minutes"));
        assertEquals("spec.steps[2].timeout", problem.path());
        assertTrue(problem.message().contains("30s, 5m, 1h"));
    }

    @Test
    void rejectsDuplicateStepIds() throws Exception {
        DrillProblem problem = only(VALID.replace("id: scale-up", "id: declare"));
        assertTrue(problem.message().contains("the id declare is used twice"), problem.message());
        assertEquals(12, problem.line());
    }

    @Test
    void requiresAClockStart() throws Exception {
        assertTrue(only(VALID.replace("      clock: start\n", "")).message().contains("clock: start"));
    }

    @Test
    void requiresAClockStopOnACheck() throws Exception {
        assertTrue(only(VALID.replace("      clock: stop\n", "")).message().contains("clock: stop"));
        String stopOnManual = VALID.replace("      clock: start\n", "      clock: stop\n")
                .replace("      clock: stop\n      timeout", "      clock: start\n      timeout");
        assertTrue(problems(stopOnManual).stream().anyMatch(p -> p.message().contains("stops before it starts")));
    }

    @Test
    void rejectsClustersOtherThanPrimaryAndStandby() throws Exception {
        DrillProblem problem = only(VALID.replace("cluster: standby", "cluster: secondary"));
        assertEquals("spec.steps[1].cluster", problem.path());
    }

    @Test
    void rejectsAFieldThatDoesNotApplyToTheKind() throws Exception {
        DrillProblem problem = only(VALID.replace("replicasFrom: primarySnapshot", "replicasFrom: primarySnapshot, node: n1"));
        assertEquals("spec.steps[1].action.node", problem.path());
        assertTrue(problem.message().contains("does not apply to a scale action"), problem.message());
    }

    @Test
    void rejectsACheckBlockOnAManualStep() throws Exception {
        DrillProblem problem = only(VALID.replace("      instructions: Declare the outage.\n",
                "      instructions: Declare the outage.\n      check: { kind: apiReachable }\n"));
        assertEquals("spec.steps[0].check", problem.path());
    }

    @Test
    void reportsEveryProblemAtOnce() throws Exception {
        String broken = VALID.replace("type: manual", "type: sleep").replace("cluster: standby", "cluster: dr")
                .replace("timeout: 5m", "timeout: soon").replace("      timeout", "      timout");
        assertTrue(problems(broken).size() >= 3, problems(broken).toString());
    }

    @Test
    void reportsMalformedYamlWithItsLine() throws Exception {
        DrillProblem problem = only("apiVersion: drills.gitpod-dr/v1\nspec: [\n  steps: x\n");
        assertTrue(problem.message().startsWith("not valid YAML"), problem.message());
        assertTrue(problem.line() > 0);
    }

    @Test
    void reportsAMissingFileByName() {
        DrillFileException e = assertThrows(DrillFileException.class, () -> DrillLoader.load(dir.resolve("none.yaml")));
        assertTrue(e.getMessage().contains("none.yaml") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void substitutesParametersInEveryStringThatTakesOne() throws Exception {
        Path file = Files.writeString(dir.resolve("p.yaml"), VALID.replace("  objectives:", "  namespace: ${ns}" + "\n"
                + "  parameters:" + "\n"
                + "    - { name: domain, type: host }" + "\n"
                + "    - { name: ns, type: namespace, default: gitpod }" + "\n"
                + "    - { name: who, default: app=gitpod, type: selector }" + "\n"
                + "  objectives:").replace("https://gitpod.example.com/api/version", "https://${domain}/api/version")
                .replace("selector: app=gitpod", "selector: \"${who}\"")
                .replace("Declare the outage.", "Declare the outage of ${domain} ($${not a parameter})."));
        DrillDefinition drill = DrillLoader.load(file, ParameterValues.none().put("domain", "gitpod.acme.test", file)
                .put("who", "component in (server,proxy)", file));
        assertEquals("gitpod", drill.spec().namespace());
        assertEquals(java.util.Map.of("domain", "gitpod.acme.test", "ns", "gitpod", "who", "component in (server,proxy)"),
                drill.parameterValues());
        assertEquals("Declare the outage of gitpod.acme.test (${not a parameter}).", drill.spec().steps().get(0).instructions());
        var serving = (org.drillconsole.model.drill.CheckStep) drill.spec().steps().get(2);
        assertEquals("https://gitpod.acme.test/api/version",
                ((org.drillconsole.model.drill.Check.HttpGet) serving.check()).url().toString());
        var scale = (org.drillconsole.model.drill.Action.Scale) ((org.drillconsole.model.drill.ActionStep)
                drill.spec().steps().get(1)).action();
        assertEquals("component in (proxy,server)", ((org.drillconsole.model.drill.WorkloadTarget.Selected)
                scale.target()).selector().toString());
    }

    @Test
    void aParameterWithoutAValueStopsARunButNotAValidation() throws Exception {
        Path file = Files.writeString(dir.resolve("p.yaml"), VALID.replace("  objectives:", "  parameters: [ { name: domain, type: host } ]" + "\n"
                + "  objectives:").replace("https://gitpod.example.com/api/version", "https://${domain}/api/version"));
        DrillLoader.Checked checked = DrillLoader.check(file, ParameterValues.none(), false);
        assertTrue(checked.problems().isEmpty(), checked.problems().toString());
        assertEquals(java.util.List.of("domain"), checked.missingValues());
        DrillProblem problem = assertThrows(DrillFileException.class, () -> DrillLoader.load(file)).problems().get(0);
        assertTrue(problem.message().contains("the parameter domain has no value"), problem.message());
        assertEquals(6, problem.line());
    }

    @Test
    void aValueIsCheckedWhereItIsUsedToo() throws Exception {
        Path file = Files.writeString(dir.resolve("p.yaml"), VALID.replace("  objectives:", "  parameters: [ { name: port } ]" + "\n"
                + "  objectives:").replace("https://gitpod.example.com/api/version", "https://gitpod.example.com:${port}/"));
        DrillProblem problem = assertThrows(DrillFileException.class, () -> DrillLoader.load(file,
                ParameterValues.none().put("port", "70000", file))).problems().get(0);
        assertEquals("spec.steps[2].check.url", problem.path());
        assertTrue(problem.message().contains("a number from 1 to 65535") && problem.message().contains("(with port=70000)"),
                problem.message());
    }

    @Test
    void aPatternLimitsAParametersValues() throws Exception {
        Path file = Files.writeString(dir.resolve("p.yaml"), VALID.replace("  objectives:", "  parameters: [ { name: region, pattern: \"eu-[a-z]+-[0-9]\", default: eu-west-1 } ]" + "\n"
                + "  objectives:").replace("Declare the outage.", "Declare the outage in ${region}."));
        assertEquals("eu-west-1", DrillLoader.load(file).parameterValues().get("region"));
        DrillProblem problem = assertThrows(DrillFileException.class, () -> DrillLoader.load(file,
                ParameterValues.none().put("region", "us-east-1", file))).problems().get(0);
        assertTrue(problem.message().contains("does not match the pattern eu-[a-z]+-[0-9]"), problem.message());
    }

    @Test
    void anActionsSetBasedSelectorIsKeptWhole() throws Exception {
        DrillDefinition drill = DrillLoader.load(Files.writeString(dir.resolve("s.yaml"), VALID.replace(
                "selector: app=gitpod", "selector: \"app=gitpod,component notin (ws-daemon, agent-smith)\"")));
        var scale = (org.drillconsole.model.drill.Action.Scale) ((org.drillconsole.model.drill.ActionStep)
                drill.spec().steps().get(1)).action();
        var selector = ((org.drillconsole.model.drill.WorkloadTarget.Selected) scale.target()).selector();
        assertEquals("app=gitpod,component notin (agent-smith,ws-daemon)", selector.toString());
        assertTrue(selector.matches(java.util.Map.of("app", "gitpod", "component", "server")));
        assertTrue(!selector.matches(java.util.Map.of("app", "gitpod", "component", "ws-daemon")));
    }

    @Test
    void acceptsAUtf8ByteOrderMark() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = VALID.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] both = java.util.Arrays.copyOf(bom, bom.length + text.length);
        System.arraycopy(text, 0, both, bom.length, text.length);
        assertEquals("small", DrillLoader.load(Files.write(dir.resolve("bom.yaml"), both)).metadata().name());
    }

    @Test
    void allowsAReadinessCheckWithoutClock() throws Exception {
        Path file = Files.writeString(dir.resolve("ready.yaml"), """
                apiVersion: drills.gitpod-dr/v1
                kind: Drill
                metadata: { name: ready, title: Readiness }
                spec:
                  strategy: readiness
                  preflight:
                    - id: answers
                      type: check
                      cluster: standby
                      check: { kind: apiReachable }
                """);
        assertTrue(DrillLoader.load(file).spec().steps().isEmpty());
    }

    @Test
    void anInvalidRpoIsOneProblemNotAlsoAMissingOne() throws Exception {
        String backupCheck = VALID.replace("rpo: 15m", "rpo: -15m").replace("\n  steps:\n",
                "\n  preflight:\n    - id: backup\n      type: check\n      cluster: primary\n"
                        + "      check: { kind: backupAge, source: velero }\n  steps:\n");
        DrillProblem problem = only(backupCheck);
        assertEquals("spec.objectives.rpo", problem.path());
        assertTrue(only(backupCheck.replace("objectives: { rto: 30m, rpo: -15m }", "objectives: { rto: 30m }"))
                .message().startsWith("no maxAge and no RPO objective"));
    }

    @Test
    void aManifestTheRunCouldNotApplyIsRefusedBeforeIt() throws Exception {
        String apply = VALID.replace("action: { kind: scale, selector: app=gitpod, replicasFrom: primarySnapshot }",
                "action: { kind: apply, file: extra.yaml }");
        assertTrue(only(apply).message().contains("is not found next to the runbook"), only(apply).message());
        Files.createDirectory(dir.resolve("extra.yaml"));
        assertTrue(only(apply).message().contains("is a folder, not a manifest"), only(apply).message());
        Files.delete(dir.resolve("extra.yaml"));
        Files.writeString(dir.resolve("extra.yaml"), "just: words\n");
        assertTrue(only(apply).message().contains("not a Kubernetes"), only(apply).message());
        Files.writeString(dir.resolve("extra.yaml"), "apiVersion: v1\nkind: ConfigMap\ndata: { a: b }\n");
        assertTrue(only(apply).message().contains("without kind or metadata.name"), only(apply).message());
        Files.writeString(dir.resolve("extra.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: extra }\n"
                + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: more }\n");
        assertEquals(new org.drillconsole.model.drill.Action.Apply("extra.yaml"),
                ((org.drillconsole.model.drill.ActionStep) DrillLoader.load(Files.writeString(dir.resolve("drill.yaml"),
                        apply)).spec().steps().get(1)).action());
    }
}
