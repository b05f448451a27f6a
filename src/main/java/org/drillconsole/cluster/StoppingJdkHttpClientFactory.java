package org.drillconsole.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.internal.SSLUtils;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientImpl;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * fabric8's JDK HTTP client factory, whose close also stops the JDK clients it built, and lets the work
 * already under way finish.
 *
 * <p>Stopping: fabric8 (built for Java 11) only drops its clients, so each keeps its selector thread waiting
 * in the kernel until it is collected, and a JVM that exits with such a thread waits for it: 0.3 s more on
 * every {@code health} (measured on Java 25). Java 21 added {@code HttpClient.shutdownNow()}; on Java 17 there
 * is nothing to call and the clients are dropped as before.
 *
 * <p>Finishing: fabric8 gives each JDK client a thread pool that its close stops at once ({@code shutdownNow}).
 * An informer stopped just before its client is closed has sent its watch's WebSocket a close; the server's
 * answer then comes back to a stopped pool, and the JDK drops the task that would have told fabric8 the
 * WebSocket ended. fabric8's WebSocket then never ends: its ping (every 30 s, on fabric8's shared scheduler,
 * for ever) keeps it, the watch, the informer, its handler and so the whole {@code ClusterMonitor} with its
 * clients reachable (found in heap dumps of the window's JVM: two monitors, six clients and 20 informers more
 * per change of clusters, on Java 17). Here each client gets a pool whose close lets running work finish and
 * hands what comes later to a shared pool of daemon threads, so every WebSocket's end is delivered.
 *
 * <p>Trusting: given {@link ServerTrust}'s trust managers, every client it builds uses them instead of fabric8's.
 *
 * <p>Renewing: given a side's {@link ExecCredentials}, its clients send and renew the exec plugin's token
 * through them instead of fabric8's renewal, which runs the plugin without a time limit.
 */
final class StoppingJdkHttpClientFactory extends JdkHttpClientFactory {

    private static final MethodHandle SHUTDOWN_NOW = shutdownNow();

    /** Where the work for a closed client goes: its WebSocket's last messages. Threads end after a minute idle. */
    private static final ExecutorService AFTER_CLOSE = Executors.newCachedThreadPool(
            DaemonThreads.named("http-after-close"));

    private final List<HttpClient> built = new CopyOnWriteArrayList<>();

    private final List<ClosingExecutor> executors = new CopyOnWriteArrayList<>();

    /** {@link ServerTrust}'s trust managers, in place of those fabric8 derives from the configuration. */
    private final Optional<TrustManager[]> trust;

    /** The exec plugin's token renewal in place of fabric8's, or null when the side has no exec plugin. */
    private final ExecCredentials exec;

    StoppingJdkHttpClientFactory(Optional<TrustManager[]> trust, ExecCredentials exec) {
        this.trust = trust;
        this.exec = exec;
    }

    StoppingJdkHttpClientFactory() {
        this(Optional.empty(), null);
    }

    @Override
    public io.fabric8.kubernetes.client.http.HttpClient.Builder newBuilder(Config config) {
        io.fabric8.kubernetes.client.http.HttpClient.Builder builder = super.newBuilder(config);
        if (trust.isPresent()) {
            try {
                builder.sslContext(SSLUtils.keyManagers(config), trust.get());
            } catch (IOException | GeneralSecurityException e) {
                throw KubernetesClientException.launderThrowable(e);
            }
        }
        if (exec != null) {
            builder.addOrReplaceInterceptor(ExecCredentials.interceptorName(), exec.interceptor());
        }
        return builder;
    }

    @Override
    protected HttpClient.Builder createNewHttpClientBuilder() {
        HttpClient.Builder builder = super.createNewHttpClientBuilder();
        ClosingExecutor executor = new ClosingExecutor(Executors.newCachedThreadPool(DaemonThreads.named("http")));
        executors.add(executor);
        // fabric8's own pool is replaced before it started a thread; its close then finds nothing of its own
        builder.executor(executor);
        return new Recording(builder, built);
    }

    @Override
    protected void closeHttpClient(JdkHttpClientImpl client) {
        super.closeHttpClient(client);
        // fabric8 closes every client derived from one KubernetesClient together (they share one closed flag).
        for (HttpClient jdk : built) {
            stop(jdk);
        }
        built.clear();
        for (ClosingExecutor executor : executors) {
            executor.close();
        }
        executors.clear();
    }

    /** The executors of the clients built and not yet closed. */
    List<ClosingExecutor> executors() {
        return List.copyOf(executors);
    }

    /**
     * A client's pool: once closed, its threads end when their work is done, and work that still comes (the
     * JDK client answering its last messages) runs on {@link #AFTER_CLOSE} instead of being refused.
     */
    static final class ClosingExecutor implements Executor {

        private final ExecutorService pool;

        ClosingExecutor(ExecutorService pool) {
            this.pool = pool;
        }

        @Override
        public void execute(Runnable task) {
            try {
                pool.execute(task);
            } catch (RejectedExecutionException closed) {
                AFTER_CLOSE.execute(task);
            }
        }

        void close() {
            pool.shutdown();
        }

        boolean isClosed() {
            return pool.isShutdown();
        }
    }

    /** The JDK clients built and not yet stopped. */
    List<HttpClient> built() {
        return List.copyOf(built);
    }

    /** Whether this runtime can stop a JDK client (Java 21 or newer). */
    static boolean canStop() {
        return SHUTDOWN_NOW != null;
    }

    private static void stop(HttpClient client) {
        if (SHUTDOWN_NOW == null) {
            return;
        }
        try {
            SHUTDOWN_NOW.invoke(client);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle shutdownNow() {
        try {
            return MethodHandles.publicLookup().findVirtual(HttpClient.class, "shutdownNow",
                    MethodType.methodType(void.class));
        } catch (NoSuchMethodException | IllegalAccessException beforeJava21) {
            return null;
        }
    }

    /** A JDK client builder that remembers what it built. */
    private record Recording(HttpClient.Builder builder, List<HttpClient> built) implements HttpClient.Builder {

        @Override
        public HttpClient build() {
            HttpClient client = builder.build();
            built.add(client);
            return client;
        }

        @Override
        public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            builder.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            builder.connectTimeout(duration);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext sslContext) {
            builder.sslContext(sslContext);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            builder.sslParameters(sslParameters);
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            builder.executor(executor);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
            builder.followRedirects(policy);
            return this;
        }

        @Override
        public HttpClient.Builder version(HttpClient.Version version) {
            builder.version(version);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            builder.priority(priority);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector proxySelector) {
            builder.proxy(proxySelector);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            builder.authenticator(authenticator);
            return this;
        }
    }
}
