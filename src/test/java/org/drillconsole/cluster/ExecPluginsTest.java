package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecConfigBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.drillconsole.model.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exec plugin (aws eks get-token, gke-gcloud-auth-plugin, kubelogin) that fails, hangs or answers
 * something that is not a credential: the side says why in the plugin's words, within a bounded time, and
 * never prints what the plugin wrote when it succeeded.
 */
class ExecPluginsTest {

    @TempDir
    Path dir;

    Path plugin(String name, String script) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    Path kubeconfigRunning(Path plugin) throws Exception {
        return Files.writeString(dir.resolve("kubeconfig-" + plugin.getFileName()), KubeconfigLoaderTest.kubeconfig(
                "https://10.0.0.1:6443", "", """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: %s
                      args: ["eks", "get-token", "--cluster-name", "gitpod"]
                      env:
                      - {name: AWS_PROFILE, value: oncall}
                """.formatted(plugin)));
    }

    String failure(Path kubeconfig) {
        return assertThrows(ClusterConfigException.class, () -> KubeconfigLoader.load(Side.PRIMARY, kubeconfig, null))
                .getMessage();
    }

    @Test
    void aFailingPluginIsReportedInItsOwnWordsWithoutItsTerminalColours() throws Exception {
        Path kubeconfig = kubeconfigRunning(plugin("aws", """
                printf '\\033[31mUnable to locate credentials\\033[0m for profile %s.\\n' "$AWS_PROFILE" >&2
                echo 'You can configure credentials by running "aws configure".' >&2
                exit 255"""));
        String message = failure(kubeconfig);
        assertTrue(message.contains("exec plugin \"" + dir.resolve("aws") + "\" of user \"u1\" in " + kubeconfig
                + " failed (exit 255): Unable to locate credentials for profile oncall. You can configure credentials"
                + " by running \"aws configure\"."), message);
        assertFalse(message.contains("\u001B"), "no terminal codes: " + message);
    }

    @Test
    void whatAPluginThatSucceededWroteIsNeverShown() throws Exception {
        Path kubeconfig = kubeconfigRunning(plugin("token-printer", "echo 'token: s3cr3t-bearer-token'"));
        String message = failure(kubeconfig);
        assertTrue(message.contains("returned no credential the console can read"), message);
        assertFalse(message.contains("s3cr3t"), "a plugin's output may hold a token: " + message);
    }

    @Test
    void aPluginThatAnswersACredentialAuthenticatesTheClient() throws Exception {
        Path kubeconfig = kubeconfigRunning(plugin("good-plugin", """
                echo '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential",\
                "status":{"token":"plugin-token"}}'"""));
        assertEquals("plugin-token", KubeconfigLoader.load(Side.PRIMARY, kubeconfig, null).config()
                .getAutoOAuthToken());
    }

    @Test
    void aPluginThatHangsIsStoppedAfterItsTimeAndTheLoadGivesUp() throws Exception {
        Path marker = dir.resolve("still-running");
        Path plugin = plugin("waits-for-a-login", "touch " + marker + "; sleep 30; rm " + marker);
        ExecConfig exec = new ExecConfigBuilder().withCommand(plugin.toString()).withArgs(List.of("login"))
                .withApiVersion("client.authentication.k8s.io/v1beta1").build();
        io.fabric8.kubernetes.client.Config config = io.fabric8.kubernetes.client.Config.empty();
        io.fabric8.kubernetes.api.model.Config parsed = KubeConfigUtils.parseConfigFromString(
                Files.readString(kubeconfigRunning(plugin)));
        long started = System.nanoTime();
        assertThrows(ExecPlugins.TimedOut.class, () -> ExecPlugins.load(exec,
                () -> KubeConfigUtils.merge(config, "prod", parsed), 3000));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs < 8000, "gave up after " + tookMs + " ms");
        assertTrue(Files.exists(marker), "the plugin had started");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (pluginRuns(plugin) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(pluginRuns(plugin), "the plugin still runs after it was given up on");
    }

    private static boolean pluginRuns(Path plugin) {
        return ProcessHandle.current().descendants().anyMatch(p -> p.isAlive() && p.info().arguments()
                .map(args -> String.join(" ", args).contains(plugin.toString())).orElse(false));
    }

    @Test
    void aPluginThatMayAskForALoginGetsAdviceWhenItTimesOut() {
        assertTrue(ExecPlugins.loginHint("Always").contains("log in in a terminal first"));
        assertTrue(ExecPlugins.loginHint("IfAvailable").contains("interactiveMode: IfAvailable"));
        assertEquals("", ExecPlugins.loginHint("Never"));
        assertEquals("", ExecPlugins.loginHint(null));
    }

    @Test
    void thePluginsWordsAreOneReadableLine() {
        assertEquals("a b", ExecPlugins.said("\n\u001B[1ma\u001B[0m\r\n\n  b  \n"));
        assertEquals(300, ExecPlugins.said("x".repeat(1000)).length());
    }
}
