package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.drillconsole.model.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kubeconfigs are written by people and tools we do not control: a valid one, broken in generated ways
 * (cut short, lines dropped or repeated, values of the wrong type, tabs, junk and bytes that are not UTF-8),
 * is either loaded or refused with a message that names the file, in words: never an exception's class name.
 */
class GeneratedKubeconfigsTest {

    private static final Pattern JAVA_IN_MESSAGE = Pattern.compile(
            "Exception|java\\.|\\bat [a-z]+\\.|\\$|\\b(String|Integer|LinkedHashMap|ArrayList|NamedCluster|AuthInfo)\\b");

    private static final String VALID = KubeconfigLoaderTest.kubeconfig("https://127.0.0.1:6443",
            "    insecure-skip-tls-verify: true", "    token: abc");

    private static final String[] JUNK = {"\t", "- ", ": ", "[", "]", "{", "}", "&a", "*a", "!!binary", "'", "\"",
            "\u0000", "---\n", "? ", "|", ">", "%YAML 1.2\n", "server: [1, 2]", "contexts: 7", "9999999999999999999999",
            "~", "null", "@", "`"};

    @TempDir
    Path dir;

    @Test
    void everyGeneratedKubeconfigLoadsOrIsRefusedInWordsNamingTheFile() throws Exception {
        Random random = new Random(20261202L);
        int refused = 0;
        for (int i = 0; i < 400; i++) {
            byte[] bytes = broken(random);
            Path file = Files.write(dir.resolve("kubeconfig-" + i + ".yaml"), bytes);
            try {
                KubeconfigLoader.load(Side.STANDBY, file, null);
            } catch (ClusterConfigException refusal) {
                refused++;
                String message = refusal.getMessage();
                assertTrue(message != null && message.contains(file.getFileName().toString())
                        || message != null && message.contains("standby cluster"), "names the file: " + message);
                assertFalse(JAVA_IN_MESSAGE.matcher(message).find(), "in words, case " + i + ": " + message);
                assertFalse(message.contains("\n\tat "), "no stack trace: " + message);
            } catch (RuntimeException escaped) {
                fail("case " + i + " escaped as " + escaped + " for:\n" + new String(bytes, StandardCharsets.UTF_8),
                        escaped);
            }
        }
        assertTrue(refused > 100, "the generator breaks most files: " + refused + " refused");
    }

    /**
     * Server values people and tools write (a valid one broken by the characters URLs trip over, a scheme changed
     * or dropped, a port out of range, a user and password put in): each is loaded as an http(s) URL with a host
     * and a valid port, or refused in words naming the cluster and the file; a password is never repeated.
     */
    @Test
    void everyGeneratedServerIsUsableOrRefusedInWordsWithoutItsPassword() throws Exception {
        Random random = new Random(20261203L);
        String[] bases = {"https://10.0.0.1:6443", "https://[fd00::1]:6443", "api.example.com:443",
                "https://rancher.example.com/k8s/clusters/c-1", "http://127.0.0.1:8080"};
        String[] junk = {" ", "%", "%zz", "[", "]", "@", ":", "::", "#", "?", "/", "\\", "\u00e4", "\u0007", "\t",
                "-1", "99999", "0", "ftp://", "://", "https://", "\"", "'", "{", "|"};
        int refused = 0;
        for (int i = 0; i < 300; i++) {
            String server = bases[random.nextInt(bases.length)];
            for (int c = 1 + random.nextInt(2); c > 0; c--) {
                int at = random.nextInt(server.length() + 1);
                server = server.substring(0, at) + junk[random.nextInt(junk.length)]
                        + server.substring(Math.min(server.length(), at + random.nextInt(3)));
            }
            if (random.nextInt(5) == 0) { // credentials where a URL carries them: before the host
                int host = server.indexOf("://") + (server.contains("://") ? 3 : 1);
                server = server.substring(0, host) + (random.nextBoolean() ? "secret-pw@" : "user:secret-pw@")
                        + server.substring(host);
            }
            Path file = Files.writeString(dir.resolve("server-" + i + ".yaml"), KubeconfigLoaderTest.kubeconfig(
                    yamlQuoted(server), "    insecure-skip-tls-verify: true", "    token: abc"));
            try {
                ClusterTarget target = KubeconfigLoader.load(Side.PRIMARY, file, null);
                java.net.URI uri = java.net.URI.create(target.server());
                assertTrue(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"),
                        "case " + i + " " + server + " -> " + target.server());
                assertTrue(uri.getHost() != null && uri.getPort() <= 65535 && uri.getUserInfo() == null,
                        "case " + i + " " + server + " -> " + target.server());
            } catch (ClusterConfigException refusal) {
                refused++;
                String message = refusal.getMessage();
                assertTrue(message.contains(file.toString()), "names the file: " + message);
                assertFalse(JAVA_IN_MESSAGE.matcher(message).find(), "in words, case " + i + ": " + message);
                assertFalse(message.contains("secret-pw"), "no password, case " + i + ": " + message);
            } catch (RuntimeException escaped) {
                fail("case " + i + " escaped as " + escaped + " for server " + server, escaped);
            }
        }
        assertTrue(refused > 100 && refused < 290, "the generator breaks most servers, not all: " + refused);
    }

    /** A YAML double-quoted scalar: JSON's escapes are YAML's. */
    private static String yamlQuoted(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                quoted.append('\\').append(ch);
            } else if (ch < 0x20) {
                quoted.append(String.format("\\u%04x", (int) ch));
            } else {
                quoted.append(ch);
            }
        }
        return quoted.append('"').toString();
    }

    @Test
    void aFileThatIsNotTextIsRefusedAsSuch() throws Exception {
        Path file = Files.write(dir.resolve("kubeconfig.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, (byte) 0xff,
                (byte) 0xfe, 0x41, (byte) 0xc3, 0x28});
        try {
            KubeconfigLoader.load(Side.PRIMARY, file, null);
            fail("a gzip file is no kubeconfig");
        } catch (ClusterConfigException refusal) {
            assertEquals("kubeconfig " + file + " is not text (not UTF-8): is it the right file?", refusal.getMessage());
        }
    }

    private static byte[] broken(Random random) {
        List<String> lines = new ArrayList<>(List.of(VALID.split("\n")));
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(6)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(at));
                case 2 -> lines.set(at, lines.get(at).replaceFirst("^ {2}", "\t"));
                case 3 -> {
                    String line = lines.get(at);
                    int cut = random.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, cut) + JUNK[random.nextInt(JUNK.length)] + line.substring(cut));
                }
                case 4 -> lines.set(at, lines.get(at).replaceFirst(": .*", ": " + JUNK[random.nextInt(JUNK.length)]));
                default -> lines.subList(at, lines.size()).clear();
            }
            if (lines.isEmpty()) {
                lines.add(JUNK[random.nextInt(JUNK.length)]);
            }
        }
        byte[] text = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(8) == 0) {
            text[random.nextInt(text.length)] = (byte) (0x80 + random.nextInt(0x40)); // not UTF-8
        }
        return text;
    }
}
