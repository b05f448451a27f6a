package org.drillconsole.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.drillconsole.model.GitpodAnswer;

/**
 * Probes a Gitpod URL the way the API server is probed: short timeouts, no retries, never throws. Run off
 * the FX thread.
 */
public final class GitpodUrlProbe {

    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration ANSWER = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Clock clock;

    public GitpodUrlProbe(Clock clock) {
        this.clock = clock;
    }

    public GitpodAnswer probe(String url) {
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER).GET().build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new GitpodAnswer(url, response.statusCode(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), null, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GitpodAnswer(url, -1, -1, "probe interrupted", clock.instant());
        } catch (IllegalArgumentException e) {
            return new GitpodAnswer(url, -1, -1, "not a URL the console can probe", clock.instant());
        } catch (java.io.IOException | RuntimeException e) {
            return new GitpodAnswer(url, -1, -1, ApiProbe.describe(e), clock.instant());
        }
    }
}
