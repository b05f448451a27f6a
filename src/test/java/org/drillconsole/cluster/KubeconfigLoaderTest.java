package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.drillconsole.model.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigLoaderTest {

    @TempDir
    Path dir;

    static String kubeconfig(String server, String clusterExtra, String userBlock) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c1
                  cluster:
                    server: %s
                %s
                contexts:
                - name: prod
                  context: {cluster: c1, user: u1}
                - name: other
                  context: {cluster: c1, user: u1}
                current-context: prod
                users:
                - name: u1
                  user:
                %s
                """.formatted(server, clusterExtra, userBlock);
    }

    Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    String failure(Path file, String context) {
        return assertThrows(ClusterConfigException.class, () -> KubeconfigLoader.load(Side.PRIMARY, file, context))
                .getMessage();
    }

    @Test
    void loadsTheCurrentContextAndKeepsTheTokenOutOfItsDescription() throws Exception {
        Path file = write("ok.yaml", kubeconfig("https://10.0.0.1:6443", "", "    token: s3cr3t-token"));
        ClusterTarget target = KubeconfigLoader.load(Side.PRIMARY, file, null);
        assertEquals("prod", target.context());
        assertTrue(target.server().startsWith("https://10.0.0.1:6443"));
        assertTrue(!target.toString().contains("s3cr3t"));
        assertEquals("s3cr3t-token", target.config().getAutoOAuthToken(), "fabric8 authenticates with it");
    }

    @Test
    void remembersItsFileSoRelativePathsAndCredentialRefreshesWorkAsWithKubectl() throws Exception {
        Files.writeString(dir.resolve("client.key"), "-----BEGIN RSA PRIVATE KEY-----\nnot a key\n");
        Path file = write("relative.yaml", kubeconfig("https://10.0.0.1:6443", "",
                "    client-key: client.key\n    token: t"));
        ClusterTarget target = KubeconfigLoader.load(Side.PRIMARY, file, "other");
        assertEquals(file.toFile(), target.config().getFile(), "fabric8 re-reads this file to refresh a credential");
        assertEquals(dir.resolve("client.key").toString(), target.config().getClientKeyFile(),
                "a relative path is read beside the kubeconfig");
        assertEquals("other", target.context());
    }

    @Test
    void countsEmptyEntriesAsAbsent() throws Exception {
        Path file = write("empty-entries.yaml", """
                apiVersion: v1
                kind: Config
                clusters:
                -
                contexts:
                users:
                current-context: prod
                """);
        String message = failure(file, null);
        assertTrue(message.contains("\"prod\" not found") && message.contains("available: none"), message);
    }

    @Test
    void namesTheFileWhenItDoesNotExist() {
        String message = failure(dir.resolve("absent.yaml"), null);
        assertTrue(message.contains("not found") && message.contains("absent.yaml"), message);
    }

    @Test
    void saysSoWhenTheFileIsYamlButNotAKubeconfig() throws Exception {
        Path runbook = write("runbook.yaml", "apiVersion: drills.gitpod-dr/v1\nkind: Drill\nmetadata: {name: x}\n");
        String message = failure(runbook, null);
        assertTrue(message.contains("runbook.yaml is not a kubeconfig") && !message.contains("available: )"), message);
    }

    @Test
    void explainsThatADirectoryCannotBeRead() {
        String message = failure(dir, null);
        assertTrue(message.contains("is a folder, not a kubeconfig"), message);
    }

    @Test
    void explainsNoFileWasChosen() {
        assertTrue(failure(null, null).contains("no kubeconfig chosen for the primary cluster"));
    }

    @Test
    void reportsMalformedYamlWithTheFileName() throws Exception {
        Path file = write("broken.yaml", "apiVersion: v1\nclusters: [\n  - name: x\n   bad");
        String message = failure(file, null);
        assertTrue(message.contains("broken.yaml") && message.contains("malformed YAML"), message);
        assertTrue(message.matches(".*at line \\d+, column \\d+.*"), "says where: " + message);
    }

    @Test
    void listsTheAvailableContextsWhenTheChosenOneDoesNotExist() throws Exception {
        Path file = write("ok.yaml", kubeconfig("https://10.0.0.1:6443", "", "    token: t"));
        String message = failure(file, "staging");
        assertTrue(message.contains("\"staging\" not found") && message.contains("prod, other"), message);
    }

    /** The failure for a kubeconfig whose exec plugin is not installed, with these lines under its command. */
    String missingPlugin(String name, String extra) throws Exception {
        return failure(write(name, kubeconfig("https://10.0.0.1:6443", "", """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: gke-gcloud-auth-plugin-that-is-not-here
                """ + extra)), null);
    }

    @Test
    void reportsAnExecPluginThatIsNotInstalled() throws Exception {
        String message = missingPlugin("exec.yaml", "");
        assertTrue(message.contains("gke-gcloud-auth-plugin-that-is-not-here") && message.contains("not installed"),
                message);
    }

    @Test
    void aMissingExecPluginIsReportedWithTheKubeconfigsInstallHint() throws Exception {
        String message = missingPlugin("hint.yaml", """
                      installHint: |
                        Install gke-gcloud-auth-plugin for use with kubectl by following
                        https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin
                """);
        assertTrue(message.endsWith("not installed (not found on PATH): Install gke-gcloud-auth-plugin for use with"
                + " kubectl by following https://cloud.google.com/kubernetes-engine/docs/how-to/"
                + "cluster-access-for-kubectl#install_plugin"), message);
    }

    @Test
    void reportsACertificateAuthorityThatDoesNotParse() throws Exception {
        String garbage = Base64.getEncoder().encodeToString("-----BEGIN CERTIFICATE-----\nnope\n".getBytes());
        Path file = write("ca.yaml", kubeconfig("https://10.0.0.1:6443",
                "    certificate-authority-data: " + garbage, "    token: t"));
        String message = failure(file, null);
        assertTrue(message.contains("certificate-authority-data") && message.contains("does not parse"), message);
        assertTrue(!message.contains(garbage), "certificate data must not be echoed");
    }

    @Test
    void reportsAClientCertificateThatIsNotBase64() throws Exception {
        Path file = write("client.yaml", kubeconfig("https://10.0.0.1:6443", "",
                "    client-certificate-data: '%%%not-base64'\n    client-key-data: 'x'"));
        assertTrue(failure(file, null).contains("client-certificate-data"));
    }

    @Test
    void aServerWithoutASchemeIsReachedOverHttpsWhenTheClusterHasACertificateAuthorityAsKubectlDoes() throws Exception {
        Path tls = write("tls.yaml", kubeconfig("10.0.0.1:6443", "    insecure-skip-tls-verify: true", "    token: t"));
        assertEquals("https://10.0.0.1:6443/", KubeconfigLoader.load(Side.PRIMARY, tls, null).server());
        Path plain = write("plain.yaml", kubeconfig("10.0.0.1:8080", "", "    token: t"));
        assertEquals("http://10.0.0.1:8080/", KubeconfigLoader.load(Side.PRIMARY, plain, null).server(),
                "chosen here, as kubectl chooses it: fabric8 would try a TLS handshake with the server to choose");
    }

    @Test
    void aServerThatIsNotAUrlIsRefusedNamingItsClusterItsFileAndWhereItBreaks() throws Exception {
        Path file = write("ipv6.yaml", kubeconfig("'http://[::1'", "", "    token: t"));
        assertEquals("server \"http://[::1\" of cluster \"c1\" in " + file + " is not a URL such as "
                + "https://203.0.113.10:6443 (expected closing bracket for IPv6 address at character 12)",
                failure(file, null));
    }

    @Test
    void aServerReachedOverAnotherProtocolThanHttpIsRefused() throws Exception {
        Path file = write("ftp.yaml", kubeconfig("ftp://files.example.com", "", "    token: t"));
        assertTrue(failure(file, null).endsWith("is reached over ftp://: an API server answers on https:// (or "
                + "http://), as in https://203.0.113.10:6443"));
    }

    @Test
    void aPasswordInTheServerUrlIsRefusedAndNeverRepeated() throws Exception {
        Path file = write("userinfo.yaml", kubeconfig("https://admin:hunter2@10.0.0.1:6443", "", "    token: t"));
        String message = failure(file, null);
        assertTrue(message.startsWith("server \"https://***@10.0.0.1:6443\" of cluster \"c1\""), message);
        assertTrue(message.contains("carries a user name or password"), message);
        assertFalse(message.contains("hunter2") || message.contains("admin"), message);
    }

    @Test
    void aPortOutsideOneTo65535IsRefused() throws Exception {
        Path file = write("port.yaml", kubeconfig("https://10.0.0.1:99999", "", "    token: t"));
        assertTrue(failure(file, null).endsWith("has port 99999: a port is 1 - 65535"));
    }

    @Test
    void aPathAfterTheSchemeIsKeptForServersBehindAProxyButNotAfterAHostAndPortAlone() throws Exception {
        Path rancher = write("rancher.yaml", kubeconfig("https://rancher.example.com/k8s/clusters/c-m-1", "",
                "    token: t"));
        assertEquals("https://rancher.example.com/k8s/clusters/c-m-1/",
                KubeconfigLoader.load(Side.PRIMARY, rancher, null).server());
        Path bare = write("bare.yaml", kubeconfig("rancher.example.com/k8s", "", "    token: t"));
        assertTrue(failure(bare, null).endsWith("is neither a URL nor a host:port pair: write it with its scheme, as "
                + "in http://rancher.example.com/k8s"));
    }

    @Test
    void theServersOfManagedAndLocalClustersLoadAsTheyAre() throws Exception {
        List<String> servers = List.of("https://34.123.45.67", "https://ABC123.gr7.us-west-2.eks.amazonaws.com",
                "https://myaks-dns-1a2b.hcp.eastus.azmk8s.io:443", "https://[2001:db8::1]:6443",
                "https://kubernetes.docker.internal:6443", "https://0.0.0.0:6443", "https://192.168.49.2:8443",
                "http://localhost:8080", "https://api.ocp.example.com:6443", "https://rancher.example.com/k8s/clusters/c-m-1");
        for (String server : servers) {
            Path file = write("managed.yaml", kubeconfig(server, "    insecure-skip-tls-verify: true", "    token: t"));
            assertEquals(server + "/", KubeconfigLoader.load(Side.PRIMARY, file, null).server(), server);
        }
    }
}
