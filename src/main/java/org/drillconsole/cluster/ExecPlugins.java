package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A kubeconfig's exec plugin ({@code aws eks get-token}, {@code gke-gcloud-auth-plugin}, {@code kubelogin}),
 * which fabric8 runs while it loads the kubeconfig: bounded in time, and why it gave no credential in its
 * own words ("Unable to locate credentials. You can configure credentials by running "aws configure".").
 *
 * <p>fabric8 waits for the plugin without a limit (one waiting for a login nobody sees hung {@code health}
 * and left a pane connecting for ever) and, when it fails, only logs its output beside a stack trace (that
 * logger is off: it would also print whatever a plugin that exits 0 wrote, a token among it). So fabric8's
 * load gets {@link #TIMEOUT_SECONDS}, after which the plugin is stopped; and, only when fabric8 came back
 * without a credential, the plugin is run once more here, as fabric8 runs it (its arguments and environment,
 * no input), and what it said is kept when it failed. The output of a plugin that succeeded is never shown.
 */
final class ExecPlugins {

    /** kubectl waits as long as a plugin takes; a console that must answer for the other side cannot. */
    static final long TIMEOUT_SECONDS = 10;
    private static final int MAX_CHARS = 300;
    private static final Pattern TERMINAL_CODES = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

    private ExecPlugins() {
    }

    /** The plugin took longer than {@link #TIMEOUT_SECONDS}: it was stopped. */
    static final class TimedOut extends Exception {
        TimedOut(long timeoutMs) {
            super("gave no credential within " + (timeoutMs % 1000 == 0 ? timeoutMs / 1000 + " s" : timeoutMs + " ms")
                    + " and was stopped (run it in a terminal to see why: it may be waiting for a login)");
        }
    }

    /**
     * Runs fabric8's load, which runs the plugin, for at most {@link #TIMEOUT_SECONDS}; past that, stops the
     * plugin (and what it started), and the load then ends by itself.
     *
     * @throws RuntimeException what the load threw
     */
    static void load(ExecConfig exec, Runnable load) throws TimedOut {
        load(exec, load, TIMEOUT_SECONDS * 1000);
    }

    /** The same with another limit (the tests'). */
    static void load(ExecConfig exec, Runnable load, long timeoutMs) throws TimedOut {
        FutureTask<Void> loading = new FutureTask<>(load, null);
        DaemonThreads.named("exec-plugin " + exec.getCommand()).newThread(loading).start();
        try {
            loading.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stop(exec.getCommand());
            throw new TimedOut(timeoutMs);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(exec.getCommand());
            throw new TimedOut(timeoutMs);
        }
    }

    /**
     * Stops this process's children that run the plugin, with theirs. fabric8 starts it through a shell
     * ({@code sh -c "aws eks get-token …"}), and a script runs under its interpreter: either names the plugin
     * among its arguments.
     */
    private static void stop(String command) {
        String name = Path.of(command).getFileName().toString();
        ProcessHandle.current().children().filter(child -> runs(child, command, name)).forEach(child -> {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        });
    }

    private static boolean runs(ProcessHandle process, String command, String name) {
        ProcessHandle.Info info = process.info();
        boolean executable = info.command().map(c -> c.equals(command) || Path.of(c).getFileName().toString()
                .equals(name)).orElse(false);
        boolean script = info.arguments().map(args -> java.util.Arrays.stream(args).anyMatch(arg ->
                arg.equals(command) || arg.startsWith(command + " ") || arg.endsWith("/" + name)
                || arg.contains("/" + name + " "))).orElse(false);
        return executable || script;
    }

    /** For a plugin that timed out and may ask for a login (kubectl's interactiveMode), what to do; else "". */
    static String loginHint(String interactiveMode) {
        return "Always".equals(interactiveMode) || "IfAvailable".equals(interactiveMode)
                ? "; it may ask for a login (interactiveMode: " + interactiveMode + "), which the console cannot"
                + " answer: log in in a terminal first (kubectl get namespaces), then connect again"
                : "";
    }

    /** "failed (exit 255): Unable to locate credentials…", or why it could not be told. */
    static String whyNoCredential(ExecConfig exec, Path kubeconfig) {
        // a token here where fabric8 found no credential: not one the console can read either
        return credential(exec, kubeconfig, TIMEOUT_SECONDS * 1000) instanceof Credential.None none ? none.why()
                : NO_READABLE_CREDENTIAL;
    }

    private static final String NO_READABLE_CREDENTIAL = "returned no credential the console can read (an"
            + " ExecCredential in JSON was expected on its standard output)";

    /** What one run of a plugin gave. */
    sealed interface Credential {

        /** @param expires when the plugin said the token expires, or null when it did not say */
        record Token(String token, Instant expires) implements Credential {
            @Override
            public String toString() {
                return "Token[expires=" + expires + "]"; // never the token
            }
        }

        /** @param why in words, never what a plugin that exited 0 printed */
        record None(String why) implements Credential {
        }
    }

    /**
     * Runs the plugin as fabric8 runs it (its arguments and environment, in the kubeconfig's folder, no input)
     * for at most {@code timeoutMs}, and reads the bearer token of the ExecCredential it prints.
     */
    static Credential credential(ExecConfig exec, Path kubeconfig, long timeoutMs) {
        List<String> command = new ArrayList<>();
        command.add(exec.getCommand());
        if (exec.getArgs() != null) {
            command.addAll(exec.getArgs());
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        if (kubeconfig != null && kubeconfig.toAbsolutePath().getParent() != null) {
            builder.directory(kubeconfig.toAbsolutePath().getParent().toFile());
        }
        if (exec.getEnv() != null) {
            for (ExecEnvVar variable : exec.getEnv()) {
                if (variable.getName() != null && variable.getValue() != null) {
                    builder.environment().put(variable.getName(), variable.getValue());
                }
            }
        }
        try {
            Process process = builder.start();
            process.getOutputStream().close(); // no input, as fabric8 gives it none: a prompt reads end of input
            CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()),
                    runnable -> DaemonThreads.named("exec-plugin-errors").newThread(runnable).start());
            java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
            // read on this thread: a plugin that never ends is ended after the timeout, which closes its output
            DaemonThreads.named("exec-plugin-timeout").newThread(() -> {
                try {
                    if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                        stopped.set(true);
                        process.descendants().forEach(ProcessHandle::destroyForcibly);
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                }
            }).start();
            byte[] output = readAll(process.getInputStream());
            if (!process.waitFor(1, TimeUnit.SECONDS) || stopped.get()) {
                process.destroyForcibly();
                return new Credential.None(new TimedOut(timeoutMs).getMessage());
            }
            int exit = process.exitValue();
            if (exit != 0) {
                String said = said(new String(errors.get(1, TimeUnit.SECONDS), StandardCharsets.UTF_8));
                if (said.isEmpty()) {
                    said = said(new String(output, StandardCharsets.UTF_8));
                }
                return new Credential.None("failed (exit " + exit + ")" + (said.isEmpty() ? "" : ": " + said));
            }
            return token(output);
        } catch (IOException e) {
            return new Credential.None("could not be run (" + e.getMessage() + ")");
        } catch (ExecutionException | TimeoutException e) {
            return new Credential.None("failed, and what it wrote could not be read");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Credential.None("was interrupted");
        }
    }

    /** The bearer token of an ExecCredential (client.authentication.k8s.io), and its expiry when given. */
    static Credential token(byte[] output) {
        try {
            tools.jackson.databind.JsonNode status = Json.MAPPER.readTree(output).path("status");
            String token = status.path("token").asString("");
            if (token.isBlank()) {
                return new Credential.None(NO_READABLE_CREDENTIAL);
            }
            String expires = status.path("expirationTimestamp").asString("");
            return new Credential.Token(token, expires.isBlank() ? null
                    : java.time.OffsetDateTime.parse(expires).toInstant());
        } catch (RuntimeException notACredential) {
            return new Credential.None(NO_READABLE_CREDENTIAL);
        }
    }

    /** Built at the first credential read here (a renewal, a failure's message), not when a kubeconfig loads. */
    private static final class Json {
        static final tools.jackson.databind.ObjectMapper MAPPER = new tools.jackson.databind.ObjectMapper();
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The plugin's words on one line, without terminal colour codes, cut to a readable length. */
    static String said(String output) {
        String plain = TERMINAL_CODES.matcher(output).replaceAll("").replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
        String oneLine = String.join(" ", plain.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        return oneLine.length() <= MAX_CHARS ? oneLine : oneLine.substring(0, MAX_CHARS - 1) + "…";
    }
}
