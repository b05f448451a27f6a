package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The token of a kubeconfig's exec plugin ({@code aws eks get-token}, {@code kubelogin}) for the life of a
 * connection, renewed as kubectl renews it: when the server refuses it (401) and shortly before the expiry
 * the plugin gave; never on the thread of a request, never for longer than {@link ExecPlugins#TIMEOUT_SECONDS},
 * and, after a run that gave no token, not again for {@link #WAIT_AFTER_FAILURE}.
 *
 * <p>In place of fabric8's renewal ({@code TokenRefreshInterceptor}), which, once a minute has passed since
 * its last new token, re-reads the kubeconfig and runs the plugin on the thread of whichever request comes
 * first, without a time limit, and, when the plugin gives no token, again on every request that follows: a
 * plugin waiting for a login nobody sees (an expired SSO session) stopped that side's probe for good. One
 * instance serves every client of a side, so a refused token runs the plugin once, not once per client.
 */
public final class ExecCredentials {

    /** A token is renewed this long before the expiry its plugin gave (client-go renews on expiry). */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    /** After a run without a token, the plugin is not run again before this (the server says 401 meanwhile). */
    static final Duration WAIT_AFTER_FAILURE = Duration.ofSeconds(30);

    private final String command;
    private final Supplier<ExecPlugins.Credential> plugin;
    private final Clock clock;
    private final Executor executor;
    private String token;
    private Instant expires;
    private Instant notBefore = Instant.MIN;
    private CompletableFuture<Optional<String>> renewing;
    private String problem;

    /**
     * @param command the plugin's command, for messages
     * @param token the token fabric8 got from the plugin when it loaded the kubeconfig, or null
     * @param plugin one bounded run of the plugin
     */
    ExecCredentials(String command, String token, Supplier<ExecPlugins.Credential> plugin, Clock clock,
                    Executor executor) {
        this.command = command;
        this.token = token == null || token.isBlank() ? null : token;
        this.plugin = plugin;
        this.clock = clock;
        this.executor = executor;
    }

    /** For a kubeconfig's user with an exec plugin: each renewal on a thread of its own. */
    static ExecCredentials of(ExecConfig exec, Path kubeconfig, String token) {
        return new ExecCredentials(exec.getCommand(), token, () -> ExecPlugins.credential(exec, kubeconfig,
                ExecPlugins.TIMEOUT_SECONDS * 1000), Clock.systemUTC(),
                work -> DaemonThreads.named("exec-plugin-renewal " + exec.getCommand()).newThread(work).start());
    }

    /**
     * Why the last renewal gave no token ("exec plugin "aws" failed (exit 255): Unable to locate credentials"),
     * in the plugin's own words where it said any, while none has come since.
     */
    public synchronized Optional<String> problem() {
        return Optional.ofNullable(problem).map(why -> "exec plugin \"" + command + "\" " + why);
    }

    /** fabric8's interceptor name for its token renewal, which this one replaces. */
    static String interceptorName() {
        return io.fabric8.kubernetes.client.utils.TokenRefreshInterceptor.NAME;
    }

    /** Sends the current token with every request and renews a refused one. */
    Interceptor interceptor() {
        return new Interceptor() {
            @Override
            public void before(BasicBuilder builder, HttpRequest request, Interceptor.RequestTags tags) {
                tokenToSend().ifPresent(current -> builder.setHeader("Authorization", "Bearer " + current));
            }

            @Override
            public CompletableFuture<Boolean> afterFailure(BasicBuilder builder, HttpResponse<?> response,
                                                           Interceptor.RequestTags tags) {
                if (response.code() != 401) {
                    return CompletableFuture.completedFuture(false);
                }
                return renewedAfterRefusal(sentToken(response.request())).thenApply(renewed -> {
                    renewed.ifPresent(next -> builder.setHeader("Authorization", "Bearer " + next));
                    return renewed.isPresent();
                });
            }
        };
    }

    private static String sentToken(HttpRequest request) {
        String sent = request == null ? null : request.header("Authorization");
        return sent != null && sent.startsWith("Bearer ") ? sent.substring("Bearer ".length()) : null;
    }

    /** The token to send now; when it expires soon, a renewal starts (the request does not wait for it). */
    synchronized Optional<String> tokenToSend() {
        if (expires != null && !clock.instant().isBefore(expires.minus(RENEW_BEFORE_EXPIRY))) {
            renew();
        }
        return Optional.ofNullable(token);
    }

    /**
     * After the server refused {@code refused}: the token to retry with, or empty when there is no other
     * (the plugin gave none, or gave none lately).
     */
    synchronized CompletableFuture<Optional<String>> renewedAfterRefusal(String refused) {
        if (token != null && !token.equals(refused)) {
            return CompletableFuture.completedFuture(Optional.of(token)); // renewed meanwhile
        }
        return renew().thenApply(next -> next.filter(fresh -> !fresh.equals(refused)));
    }

    /** The renewal under way, else a new one unless the last failed lately. Holds the lock. */
    private CompletableFuture<Optional<String>> renew() {
        if (renewing != null) {
            return renewing;
        }
        if (clock.instant().isBefore(notBefore)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<String>> run = new CompletableFuture<>();
        renewing = run;
        executor.execute(() -> {
            ExecPlugins.Credential got;
            try {
                got = plugin.get();
            } catch (RuntimeException e) {
                got = new ExecPlugins.Credential.None("could not be run (" + KubeconfigLoader.firstLine(e) + ")");
            }
            run.complete(settle(got));
        });
        return run;
    }

    private synchronized Optional<String> settle(ExecPlugins.Credential got) {
        renewing = null;
        if (got instanceof ExecPlugins.Credential.Token fresh) {
            token = fresh.token();
            expires = fresh.expires();
            problem = null;
            notBefore = Instant.MIN;
            return Optional.of(token);
        }
        problem = ((ExecPlugins.Credential.None) got).why();
        // a token the plugin said had expired is not renewed at every request while the plugin gives none
        expires = null;
        notBefore = clock.instant().plus(WAIT_AFTER_FAILURE);
        return Optional.empty();
    }
}
