package org.drillconsole.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class NetworkErrorsTest {

    private static String reason(Throwable error) {
        return NetworkErrors.reason(error, "no answer within 5 s");
    }

    @Test
    void aRefusedConnectionSaysSoEvenWithoutAMessageAndWrapped() {
        assertEquals("connection refused", reason(new ConnectException()));
        assertEquals("connection refused", reason(new ExecutionException(new IOException(new ConnectException()))));
    }

    @Test
    void timeoutsSayWhichTimedOut() {
        assertEquals("connection timed out", reason(new HttpConnectTimeoutException("HTTP connect timed out")));
        assertEquals("no answer within 5 s", reason(new HttpTimeoutException("request timed out")));
    }

    @Test
    void anUnknownHostAndAFailedHandshakeNameWhat() {
        assertEquals("unknown host gitpod.invalid", reason(new UnknownHostException("gitpod.invalid")));
        assertEquals("TLS handshake failed: PKIX path building failed",
                reason(new IOException(new SSLHandshakeException("PKIX path building failed"))));
    }

    @Test
    void anythingElseGivesTheInnermostMessageOrNoAnswerNeverAClassName() {
        assertEquals("stream closed", reason(new RuntimeException("outer", new IOException("stream closed"))));
        assertEquals("no answer", reason(new IOException()));
        assertEquals("no answer", reason(new IOException(" ")));
    }
}
