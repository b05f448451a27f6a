package org.drillconsole.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.NetworkErrors;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fast, independent check of an API server: {@code GET /readyz} (falling back to {@code /version}) for
 * reachability and latency, then one tiny authorised list to tell 401 and 403 apart. Short timeouts and
 * no retries, so a dead server shows within seconds; it shares nothing with the informers.
 */
public final class ApiProbe {

    static final int TIMEOUT_MS = 3000;
    /** Jackson 3, as fabric8 itself: the probe does not load a second Jackson into a one-shot command. */
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final KubernetesClient client;
    private final String namespace;
    private final Clock clock;
    private final Supplier<Optional<String>> renewal;
    private String serverVersion = "";

    public ApiProbe(KubernetesClient client, String namespace, Clock clock) {
        this(client, namespace, clock, Optional::empty);
    }

    /** @param renewal why the side's exec plugin could not renew its refused token, when it could not */
    ApiProbe(KubernetesClient client, String namespace, Clock clock, Supplier<Optional<String>> renewal) {
        this.client = client;
        this.namespace = namespace;
        this.clock = clock;
        this.renewal = renewal;
    }

    /** For a side of a kubeconfig: a refused token's failed renewal is told with the refusal. */
    ApiProbe(KubernetesClient client, ClusterTarget target, String namespace, Clock clock) {
        this(client, namespace, clock, target.execCredentials() == null ? Optional::empty
                : target.execCredentials()::problem);
    }

    /** One probe. Blocks for at most a few seconds; never throws. */
    public ProbeResult probe() {
        String base = base();
        long started = System.nanoTime();
        try {
            HttpResponse<String> ready = get(base + "readyz");
            long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            String proxyProblem = proxyProblem(proxy(), ready.code());
            if (proxyProblem != null) {
                return result(ConnectionState.UNREACHABLE, proxyProblem, -1);
            }
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
            String proxy = proxy();
            return result(ConnectionState.UNREACHABLE, describe(e) + (proxy == null ? "" : ", through the proxy "
                    + proxy), -1);
        }
    }

    /** The HTTP proxy the client goes through to this server as messages show it, or null (ClusterProxies chose it). */
    private String proxy() {
        var config = client.getConfiguration();
        String proxy = "https".equalsIgnoreCase(client.getMasterUrl().getProtocol()) ? config.getHttpsProxy()
                : config.getHttpProxy();
        return proxy == null || proxy.isBlank() ? null : ClusterProxies.shown(proxy);
    }

    /**
     * What a proxy's own answer means: it wants credentials (407), or could not reach the API server (502,
     * 504); null when there is no proxy or the answer is the API server's.
     */
    static String proxyProblem(String proxy, int code) {
        if (proxy == null) {
            return null;
        }
        return switch (code) {
            case 407 -> "the proxy " + proxy + " asks for credentials (HTTP 407 Proxy Authentication Required)";
            case 502, 504 -> "the proxy " + proxy + " could not reach the API server (HTTP " + code + ")";
            default -> null;
        };
    }

    private HttpResponse<String> get(String url) throws InterruptedException, ExecutionException, TimeoutException {
        HttpClient http = client.getHttpClient();
        var request = http.newHttpRequestBuilder().uri(url).timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).build();
        return http.sendAsync(request, String.class).get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
    }

    private String version(String base) {
        try {
            HttpResponse<String> response = get(base + "version");
            return response.code() == 200 ? JSON.readTree(response.body()).path("gitVersion").asString("") : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Whether Gitpod's namespace exists, with the probe's short timeout so a server that hangs right now
     * cannot hold up the next probe.
     *
     * @return null when it cannot be told (no RBAC to read namespaces, or no answer)
     */
    public Boolean namespaceExists() {
        try {
            int code = get(base() + "api/v1/namespaces/" + namespace).code();
            return code == 200 ? Boolean.TRUE : code == 404 ? Boolean.FALSE : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return null;
        }
    }

    private String base() {
        return base(client);
    }

    /** The API server's URL as the client reaches it, ending in "/": paths ("api/v1/...") are appended to it. */
    static String base(KubernetesClient client) {
        String base = client.getMasterUrl().toString();
        return base.endsWith("/") ? base : base + "/";
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
                ? renewal.get().map(why -> "HTTP 401 Unauthorized: the token was rejected and could not be renewed: "
                        + why).orElse("HTTP 401 Unauthorized: the credentials were rejected (expired token or certificate?)")
                : "HTTP 403 Forbidden: the credentials may not list deployments in namespace \"" + namespace
                + "\" (see the README for the minimum RBAC)";
    }

    static String describe(Throwable error) {
        String timeout = "no answer within " + (TIMEOUT_MS / 1000) + " s";
        return error instanceof TimeoutException ? timeout : NetworkErrors.reason(error, timeout);
    }
}
