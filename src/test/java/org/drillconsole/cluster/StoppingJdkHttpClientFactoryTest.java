package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's HTTP clients are fabric8's, and closing one also stops the JDK client under it. */
class StoppingJdkHttpClientFactoryTest {

    @Test
    void buildsTheJdkClientWithWhatFabric8AskedFor() {
        StoppingJdkHttpClientFactory factory = new StoppingJdkHttpClientFactory();
        io.fabric8.kubernetes.client.http.HttpClient.Builder builder = factory.newBuilder();
        try (var client = builder.connectTimeout(1234, java.util.concurrent.TimeUnit.MILLISECONDS).build()) {
            List<HttpClient> built = factory.built();
            assertEquals(1, built.size());
            assertEquals(Duration.ofMillis(1234), built.get(0).connectTimeout().orElseThrow());
            assertTrue(built.get(0).executor().isPresent(), "fabric8's executor reaches the JDK client");
        }
    }

    /** A WebSocket's last messages can come back after its client was closed: they must still be delivered. */
    @Test
    void workHandedToAClosedClientStillRuns() throws Exception {
        StoppingJdkHttpClientFactory factory = new StoppingJdkHttpClientFactory();
        io.fabric8.kubernetes.client.http.HttpClient.Builder builder = factory.newBuilder();
        var client = builder.build();
        StoppingJdkHttpClientFactory.ClosingExecutor executor = factory.executors().get(0);
        client.close();
        assertTrue(executor.isClosed(), "the client's own pool is closed with it");
        assertEquals(List.of(), factory.executors());
        java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
        executor.execute(ran::countDown);
        assertTrue(ran.await(10, java.util.concurrent.TimeUnit.SECONDS), "work after the close ran");
    }

    @Test
    void closingTheClientStopsTheJdkClientWhereTheRuntimeCan() throws Throwable {
        StoppingJdkHttpClientFactory factory = new StoppingJdkHttpClientFactory();
        io.fabric8.kubernetes.client.http.HttpClient.Builder builder = factory.newBuilder();
        var client = builder.build();
        HttpClient jdk = factory.built().get(0);
        client.close();
        assertEquals(List.of(), factory.built());
        if (StoppingJdkHttpClientFactory.canStop()) { // Java 21 or newer: the selector thread is gone
            boolean terminated = (boolean) MethodHandles.publicLookup()
                    .findVirtual(HttpClient.class, "isTerminated", MethodType.methodType(boolean.class)).invoke(jdk);
            assertTrue(terminated);
        }
    }
}
