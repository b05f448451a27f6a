package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drillconsole.model.Causes;
import org.drillconsole.model.NamedFiles;
import org.drillconsole.model.Side;
import org.drillconsole.model.drill.Names;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads a kubeconfig and a context into a {@link ClusterTarget}, checking everything that can be checked
 * before a request is sent, so that bad input gets a message naming the file, context and field.
 * Authentication itself (token, client certificate, exec plugin) is left to fabric8.
 */
public final class KubeconfigLoader {

    private static final String CONTEXT_FILE_KEY = "KUBERNETES_CONFIG_CONTEXT_FILE_KEY";
    private static final String CLUSTER_FILE_KEY = "KUBERNETES_CONFIG_CLUSTER_FILE_KEY";
    private static final String USER_FILE_KEY = "KUBERNETES_CONFIG_AUTH_INFO_FILE_KEY";
    /** Far above any real kubeconfig: a bound, so a huge file is refused instead of filling the memory. */
    private static final int MAX_KUBECONFIG_BYTES = 64 * 1024 * 1024;
    private static final Pattern YAML_LOCATION = Pattern.compile("line \\d+, column \\d+");
    /** A URL's scheme, as a server begins with one. */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    private KubeconfigLoader() {
    }

    /** {@code KUBECONFIG}'s first file, else {@code ~/.kube/config}; null when neither exists. */
    public static Path defaultKubeconfig() {
        String env = System.getenv("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env.split(File.pathSeparator)[0]);
        }
        Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
        return Files.exists(home) ? home : null;
    }

    /** The context names in a kubeconfig, for pickers. */
    public static List<String> contexts(Path file) throws ClusterConfigException {
        return parse(file, Side.PRIMARY).getContexts().stream().map(NamedContext::getName).toList();
    }

    public static ClusterTarget load(Side side, Path file, String requestedContext) throws ClusterConfigException {
        return load(side, file, requestedContext, System::getenv);
    }

    /** @param environment where the proxy variables are looked up (System::getenv) */
    static ClusterTarget load(Side side, Path file, String requestedContext,
                              java.util.function.Function<String, String> environment) throws ClusterConfigException {
        String who = side.label().toLowerCase() + " cluster";
        io.fabric8.kubernetes.api.model.Config kubeconfig = parse(file, side);
        String contextName = requestedContext == null || requestedContext.isBlank()
                ? kubeconfig.getCurrentContext() : requestedContext;
        List<String> names = kubeconfig.getContexts().stream().map(NamedContext::getName).toList();
        if (names.isEmpty() && kubeconfig.getClusters().isEmpty() && (kubeconfig.getCurrentContext() == null
                || kubeconfig.getCurrentContext().isBlank())) {
            throw new ClusterConfigException(file + " is not a kubeconfig: it names no cluster, no context and no "
                    + "current-context (`kubectl config view --minify --flatten` writes one for the " + who + ")");
        }
        if (contextName == null || contextName.isBlank()) {
            throw new ClusterConfigException(file + " has no current-context; choose a context for the " + who
                    + " (available: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
        NamedContext context = kubeconfig.getContexts().stream().filter(c -> contextName.equals(c.getName()))
                .findFirst().orElseThrow(() -> new ClusterConfigException("context \"" + contextName
                        + "\" not found in " + file + " (available: "
                        + (names.isEmpty() ? "none" : String.join(", ", names)) + ")"));
        if (context.getContext() == null || context.getContext().getCluster() == null) {
            throw new ClusterConfigException("context \"" + contextName + "\" in " + file + " names no cluster");
        }
        String clusterName = context.getContext().getCluster();
        NamedCluster cluster = kubeconfig.getClusters().stream().filter(c -> clusterName.equals(c.getName()))
                .findFirst().orElseThrow(() -> new ClusterConfigException("context \"" + contextName + "\" in "
                        + file + " refers to cluster \"" + clusterName + "\", which is not in the file"));
        if (cluster.getCluster() == null || cluster.getCluster().getServer() == null
                || cluster.getCluster().getServer().isBlank()) {
            throw new ClusterConfigException("cluster \"" + clusterName + "\" in " + file + " has no server URL");
        }
        String userName = context.getContext().getUser();
        AuthInfo user = null;
        if (userName != null && !userName.isBlank()) {
            NamedAuthInfo named = kubeconfig.getUsers().stream().filter(u -> userName.equals(u.getName()))
                    .findFirst().orElseThrow(() -> new ClusterConfigException("context \"" + contextName + "\" in "
                            + file + " refers to user \"" + userName + "\", which is not in the file"));
            if (named.getUser() == null) {
                named.setUser(new AuthInfo()); // "user:" with nothing under it: no credentials, as kubectl reads it
            }
            user = named.getUser();
        }
        String server = cluster.getCluster().getServer();
        boolean tls = !isBlank(cluster.getCluster().getCertificateAuthorityData())
                || !isBlank(cluster.getCluster().getCertificateAuthority())
                || Boolean.TRUE.equals(cluster.getCluster().getInsecureSkipTlsVerify())
                || user != null && (!isBlank(user.getClientCertificateData()) || !isBlank(user.getClientCertificate()));
        // With its scheme: fabric8 would otherwise try a TLS handshake with the server, while loading, to choose one.
        cluster.getCluster().setServer(usableServer(server, tls, "server \"" + Names.withoutCredentials(server)
                + "\" of cluster \"" + clusterName + "\" in " + file));
        Path base = file.toAbsolutePath().getParent();
        byte[] ca = certificate(cluster.getCluster().getCertificateAuthorityData(),
                cluster.getCluster().getCertificateAuthority(), base,
                "certificate-authority-data of cluster \"" + clusterName + "\" in " + file);
        if (user != null) {
            certificate(user.getClientCertificateData(), user.getClientCertificate(), base,
                    "client-certificate-data of user \"" + userName + "\" in " + file);
            checkExecPlugin(user.getExec(), userName, file);
        }
        Config config = Config.empty();
        io.fabric8.kubernetes.api.model.Config parsed = fromFile(kubeconfig, file);
        try {
            if (user != null && user.getExec() != null) {
                ExecPlugins.load(user.getExec(), () -> KubeConfigUtils.merge(config, contextName, parsed));
            } else {
                KubeConfigUtils.merge(config, contextName, parsed);
            }
        } catch (ExecPlugins.TimedOut e) {
            throw new ClusterConfigException("exec plugin \"" + user.getExec().getCommand() + "\" of user \""
                    + userName + "\" in " + file + " " + e.getMessage()
                    + ExecPlugins.loginHint(user.getExec().getInteractiveMode()));
        } catch (RuntimeException e) {
            throw new ClusterConfigException("cannot use context \"" + contextName + "\" of " + file + ": "
                    + firstLine(e));
        }
        if (user != null && user.getExec() != null && isBlank(config.getAutoOAuthToken())
                && isBlank(config.getClientCertData()) && isBlank(config.getClientCertFile())) {
            // fabric8 runs the plugin while loading and only logs a failure; say it here, by name and in the
            // plugin's own words.
            throw new ClusterConfigException("exec plugin \"" + user.getExec().getCommand() + "\" of user \""
                    + userName + "\" in " + file + " " + ExecPlugins.whyNoCredential(user.getExec(), file));
        }
        ClusterProxies.apply(config, clusterName, file, environment);
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new ClusterConfigException("context \"" + contextName + "\" of " + file + " yields no server URL");
        }
        return new ClusterTarget(side, file, contextName, config.getMasterUrl(), fingerprint(ca), config,
                user != null && user.getExec() != null
                        ? ExecCredentials.of(user.getExec(), file, config.getAutoOAuthToken()) : null);
    }

    private static io.fabric8.kubernetes.api.model.Config parse(Path file, Side side) throws ClusterConfigException {
        String who = side.label().toLowerCase() + " cluster";
        if (file == null) {
            throw new ClusterConfigException("no kubeconfig chosen for the " + who);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(
                    NamedFiles.read(file, "kubeconfig", MAX_KUBECONFIG_BYTES))).toString();
        } catch (NamedFiles.Unreadable e) {
            throw new ClusterConfigException("kubeconfig for the " + who + " " + e.getMessage() + ": " + file);
        } catch (CharacterCodingException e) {
            throw new ClusterConfigException("kubeconfig " + file + " is not text (not UTF-8): is it the right file?");
        }
        if (text.isBlank()) {
            throw new ClusterConfigException("kubeconfig " + file + " is empty");
        }
        try {
            io.fabric8.kubernetes.api.model.Config parsed = ClientFactory.TYPED.unmarshal(text,
                    io.fabric8.kubernetes.api.model.Config.class);
            if (parsed == null) {
                throw new ClusterConfigException("kubeconfig " + file + " is empty");
            }
            // "contexts:" with nothing under it, or a "-" with nothing after it, reads as null: as kubectl does,
            // such entries count as absent.
            parsed.setContexts(present(parsed.getContexts()));
            parsed.setClusters(present(parsed.getClusters()));
            parsed.setUsers(present(parsed.getUsers()));
            return parsed;
        } catch (RuntimeException e) {
            Optional<String> wrongKind = wrongKind(e);
            if (wrongKind.isPresent()) {
                throw new ClusterConfigException(file + " is not a valid kubeconfig: " + wrongKind.get());
            }
            throw new ClusterConfigException(file + " is not a valid kubeconfig (malformed YAML" + yamlLocation(e) + "): "
                    + yamlProblem(e).orElse(firstLine(e)));
        }
    }

    /**
     * Marks every context, cluster and user with the file it came from, under the keys fabric8's own
     * {@code KubeConfigUtils.parseConfig} uses: fabric8 resolves relative certificate and key paths against
     * that file, and re-reads it to refresh an exec plugin's expired credential. Parsing it ourselves skips
     * fabric8's static serializer, which indexes every model class of every API group on first use
     * (a third of a second of a one-shot {@code health}).
     */
    private static io.fabric8.kubernetes.api.model.Config fromFile(io.fabric8.kubernetes.api.model.Config kubeconfig,
                                                                   Path file) {
        File source = file.toFile();
        kubeconfig.getContexts().forEach(c -> c.getAdditionalProperties().put(CONTEXT_FILE_KEY, source));
        kubeconfig.getClusters().forEach(c -> c.getAdditionalProperties().put(CLUSTER_FILE_KEY, source));
        kubeconfig.getUsers().forEach(u -> u.getAdditionalProperties().put(USER_FILE_KEY, source));
        return kubeconfig;
    }

    private static <T> List<T> present(List<T> entries) {
        return entries == null ? new ArrayList<>() : new ArrayList<>(entries.stream().filter(Objects::nonNull).toList());
    }

    /**
     * A kubeconfig's server as kubectl takes it: an {@code https://} or {@code http://} URL with a host and a port
     * within 1 - 65535, or a host:port without a scheme, which is given one as kubectl gives it (https when the
     * cluster has a certificate authority or skips verification or the user has a client certificate, else http);
     * a path only after a scheme (a prefix behind a proxy, as Rancher's kubeconfigs have). Never a user name or
     * password in it: the server is shown on the pane and recorded with every run, where no secret goes.
     *
     * @param tls   whether the cluster or user configures TLS (what a server without a scheme is reached over)
     * @param where the server, its cluster and file, as the message names them (without a password)
     * @return the server with its scheme
     */
    static String usableServer(String server, boolean tls, String where) throws ClusterConfigException {
        boolean schemed = SCHEME.matcher(server).lookingAt();
        String prefix = schemed ? "" : tls ? "https://" : "http://";
        URI uri;
        try {
            uri = new URI(prefix + server).parseServerAuthority();
        } catch (URISyntaxException e) {
            String at = e.getIndex() >= prefix.length() ? " at character " + (e.getIndex() - prefix.length() + 1) : "";
            String reason = e.getReason();
            throw new ClusterConfigException(where + " is not a URL such as https://203.0.113.10:6443 ("
                    + Character.toLowerCase(reason.charAt(0)) + reason.substring(1) + at + ")");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new ClusterConfigException(where + " is reached over " + scheme + "://: an API server answers on "
                    + "https:// (or http://), as in https://203.0.113.10:6443");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ClusterConfigException(where + " carries a user name or password: credentials belong to the "
                    + "context's user (users:), never in the server URL, which the console shows and records");
        }
        if (uri.getHost() == null) {
            throw new ClusterConfigException(where + " names no host, as in https://203.0.113.10:6443");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new ClusterConfigException(where + " has port " + uri.getPort() + ": a port is 1 - 65535");
        }
        String path = uri.getRawPath();
        if (!schemed && path != null && !path.isEmpty() && !path.equals("/")) {
            // kubectl's own rule: a path only in a URL with its scheme
            throw new ClusterConfigException(where + " is neither a URL nor a host:port pair: write it with its "
                    + "scheme, as in " + prefix + server);
        }
        return prefix + server;
    }

    private static byte[] certificate(String data, String path, Path base, String field)
            throws ClusterConfigException {
        byte[] bytes;
        if (data != null && !data.isBlank()) {
            try {
                bytes = Base64.getMimeDecoder().decode(data.trim());
            } catch (IllegalArgumentException e) {
                throw new ClusterConfigException(field + " is not valid base64");
            }
        } else if (path != null && !path.isBlank()) {
            Path resolved = base == null ? Path.of(path) : base.resolve(path);
            try {
                bytes = NamedFiles.read(resolved, "certificate or key file", MAX_KUBECONFIG_BYTES);
            } catch (NamedFiles.Unreadable e) {
                throw new ClusterConfigException(field.replace("-data", "") + ": cannot read " + resolved + " ("
                        + e.getMessage() + ")");
            }
        } else {
            return new byte[0];
        }
        try {
            if (CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes)).isEmpty()) {
                throw new CertificateException("no certificate found");
            }
        } catch (CertificateException e) {
            throw new ClusterConfigException(field + " does not parse as an X.509 certificate");
        }
        return bytes;
    }

    private static void checkExecPlugin(ExecConfig exec, String userName, Path file) throws ClusterConfigException {
        if (exec == null) {
            return;
        }
        String command = exec.getCommand();
        if (command == null || command.isBlank()) {
            throw new ClusterConfigException("exec plugin of user \"" + userName + "\" in " + file + " has no command");
        }
        if (command.contains("/") || command.contains(File.separator)) {
            if (!Files.isExecutable(Path.of(command))) {
                throw new ClusterConfigException("exec plugin \"" + command + "\" of user \"" + userName + "\" in "
                        + file + " is missing or not executable");
            }
            return;
        }
        if (org.drillconsole.model.Executables.onPath(command).isPresent()) {
            return;
        }
        String hint = exec.getInstallHint() == null || exec.getInstallHint().isBlank() ? ""
                : ": " + ExecPlugins.said(exec.getInstallHint());
        throw new ClusterConfigException("exec plugin \"" + command + "\" of user \"" + userName + "\" in " + file
                + " is not installed (not found on PATH)" + hint);
    }

    private static String fingerprint(byte[] ca) {
        if (ca.length == 0) {
            return "";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ca));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * A value of the wrong kind, in the kubeconfig's own terms ("clusters: expected a list, found a map"), when
     * that is what the reader met; never a Java type's name.
     */
    static Optional<String> wrongKind(Throwable error) {
        return Causes.first(error, MismatchedInputException.class, any -> true).map(mismatch -> {
            StringBuilder where = new StringBuilder();
            for (JacksonException.Reference reference : mismatch.getPath()) {
                if (reference.getPropertyName() != null) {
                    where.append(where.isEmpty() ? "" : ".").append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    where.append('[').append(reference.getIndex()).append(']');
                }
            }
            return (where.isEmpty() ? "" : where + ": ") + "expected " + kind(mismatch.getTargetType())
                    + found(mismatch.getCurrentToken());
        });
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "a map";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        return Number.class.isAssignableFrom(type) || type.isPrimitive() ? "a number" : "a map of fields";
    }

    private static String found(JsonToken token) {
        if (token == null) {
            return "";
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT, PROPERTY_NAME -> ", found a map";
            case START_ARRAY, END_ARRAY -> ", found a list";
            case VALUE_STRING -> ", found text";
            case VALUE_NUMBER_INT -> ", found a whole number";
            case VALUE_NUMBER_FLOAT -> ", found a number";
            case VALUE_TRUE, VALUE_FALSE -> ", found true or false";
            case VALUE_NULL -> ", found nothing";
            case VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE -> "";
        };
    }

    /** What the YAML parser found wrong ("found duplicate key server"), rather than what it was doing then. */
    private static Optional<String> yamlProblem(Throwable error) {
        return Causes.first(error, MarkedYamlEngineException.class,
                yaml -> yaml.getProblem() != null && !yaml.getProblem().isBlank())
                .map(yaml -> yaml.getProblem().strip());
    }

    /** ", line 3, column 4" when the parser said where, else "". */
    private static String yamlLocation(Throwable error) {
        for (Throwable cause : Causes.chain(error)) {
            Matcher where = YAML_LOCATION.matcher(String.valueOf(cause.getMessage()));
            String last = null;
            while (where.find()) {
                last = where.group();
            }
            if (last != null) {
                return " at " + last;
            }
        }
        return "";
    }

    static String firstLine(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "unreadable" : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
