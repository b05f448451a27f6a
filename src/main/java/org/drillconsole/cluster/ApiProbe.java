package org.drillconsole.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.drillconsole.model.ConnectionState;

/**
 * A fast, independent check of an API server: {@code GET /readyz} (falling back to {@code /version}) for
 * reachability and latency, then one tiny authorised list to tell 401 and 403 apart. Short timeouts and
 * no retries, so a dead server shows within seconds; it shares nothing with the informers.
 */
public final class ApiProbe {

    static final int TIMEOUT_MS = 3000;
    private static final TypeReferenceLessVersion VERSION_PARSER = new TypeReferenceLessVersion();

    private final KubernetesClient client;
    private final String namespace;
    private final Clock clock;
    private String serverVersion = "";

    public ApiProbe(KubernetesClient client, String namespace, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.clock = clock;
    }

    /** One probe. Blocks for at most a few seconds; never throws. */
    public ProbeResult probe() {
        String base = client.getMasterUrl().toString();
        if (!base.endsWith("/")) {
            base = base + "/";
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> ready = get(base + "readyz");
            long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (ready.code() == 404) {
                ready = get(base + "version");
                latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            }
            ConnectionState authState = authState(ready.code());
            if (authState != null) {
                return result(authState, message(authState), -1);
            }
            if (serverVersion.isEmpty()) {
                serverVersion = version(base);
            }
            HttpResponse<String> list = get(base + "apis/apps/v1/namespaces/" + namespace + "/deployments?limit=1");
            authState = authState(list.code());
            if (authState != null) {
                return result(authState, message(authState), latency);
            }
            if (ready.code() / 100 != 2) {
                return result(ConnectionState.DEGRADED, "readyz answered HTTP " + ready.code(), latency);
            }
            return result(ConnectionState.ONLINE, "ready", latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result(ConnectionState.UNREACHABLE, "probe interrupted", -1);
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            return result(ConnectionState.UNREACHABLE, describe(e), -1);
        }
    }

    private HttpResponse<String> get(String url) throws InterruptedException, ExecutionException, TimeoutException {
        HttpClient http = client.getHttpClient();
        var request = http.newHttpRequestBuilder().uri(url).timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).build();
        return http.sendAsync(request, String.class).get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
    }

    private String version(String base) {
        try {
            HttpResponse<String> response = get(base + "version");
            return response.code() == 200 ? VERSION_PARSER.gitVersion(response.body()) : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return "";
        }
    }

    private ProbeResult result(ConnectionState state, String message, long latency) {
        return new ProbeResult(state, message, latency, serverVersion, clock.instant());
    }

    private static ConnectionState authState(int code) {
        return switch (code) {
            case 401 -> ConnectionState.UNAUTHORIZED;
            case 403 -> ConnectionState.FORBIDDEN;
            default -> null;
        };
    }

    private String message(ConnectionState state) {
        return state == ConnectionState.UNAUTHORIZED
                ? "HTTP 401 Unauthorized: the credentials were rejected (expired token or certificate?)"
                : "HTTP 403 Forbidden: the credentials may not list deployments in namespace \"" + namespace
                + "\" (see the README for the minimum RBAC)";
    }

    static String describe(Throwable error) {
        Throwable cause = error;
        while (cause instanceof ExecutionException || (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof ConnectException) && !(cause instanceof HttpTimeoutException)
                && !(cause instanceof UnknownHostException) && !(cause instanceof SSLException))) {
            cause = cause.getCause();
            if (cause == null) {
                return "no answer";
            }
        }
        if (error instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return cause instanceof HttpConnectTimeoutException
                    ? "connection timed out" : "no answer within " + (TIMEOUT_MS / 1000) + " s";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host " + cause.getMessage();
        }
        if (cause instanceof SSLException) {
            return "TLS handshake failed: " + cause.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** Reads {@code gitVersion} from a /version body without binding a type for it. */
    private static final class TypeReferenceLessVersion {
        private final com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();

        String gitVersion(String body) {
            try {
                var node = mapper.readTree(body);
                return node.path("gitVersion").asText("");
            } catch (java.io.IOException | RuntimeException e) {
                return "";
            }
        }
    }
}
