package org.drillconsole.drill;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.drillconsole.model.NetworkErrors;

/** How checks see the outside world: name resolution and HTTP. The practice clusters bring their own. */
public interface Network {

    /** The addresses a name resolves to; empty when it does not resolve. */
    List<String> resolve(String host);

    /** @return the HTTP status, or a description of why there was no answer */
    Answer get(String url);

    record Answer(int status, String problem) {
    }

    /** The workstation's own resolver and network, with short timeouts. */
    Network REAL = new Network() {
        private static final Duration TIMEOUT = Duration.ofSeconds(5);
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

        @Override
        public List<String> resolve(String host) {
            try {
                return CompletableFuture.supplyAsync(() -> {
                    try {
                        return Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress).toList();
                    } catch (IOException e) {
                        return List.<String>of();
                    }
                }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            } catch (Exception e) {
                return List.of();
            }
        }

        @Override
        public Answer get(String url) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                return new Answer(response.statusCode(), "");
            } catch (IOException e) {
                return new Answer(-1, NetworkErrors.reason(e, "no answer within " + TIMEOUT.toSeconds() + " s"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(-1, "interrupted");
            }
        }
    };
}
