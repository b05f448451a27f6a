package org.drillconsole.model;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/** Why a request got no answer, in a person's words: never an exception's class name. */
public final class NetworkErrors {

    private NetworkErrors() {
    }

    /**
     * "connection refused", "connection timed out", "unknown host x", "TLS handshake failed: …", else the
     * innermost message, else "no answer".
     *
     * @param timeout how a request that timed out is described ("no answer within 3 s")
     */
    public static String reason(Throwable error, String timeout) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "connection timed out";
            }
            if (cause instanceof HttpTimeoutException) {
                return timeout;
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
            if (cause.getCause() == null || cause.getCause() == cause) {
                return cause.getMessage() == null || cause.getMessage().isBlank() ? "no answer" : cause.getMessage();
            }
        }
        return "no answer";
    }
}
