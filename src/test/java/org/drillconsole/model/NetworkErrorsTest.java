package org.drillconsole.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ExecutionException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
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

    /** A handshake failure with its cause, as the JDK throws it (Java 17 has no such constructor). */
    private static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException failure = new SSLHandshakeException(message);
        failure.initCause(cause);
        return failure;
    }

    @Test
    void aRefusedCertificateSaysWhyWithoutTheJdksClassNames() {
        assertEquals("TLS handshake failed: the server's certificate has expired", reason(handshake(
                "PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed",
                new CertificateException(new CertPathValidatorException("validity check failed",
                        new CertificateExpiredException("NotAfter: Tue Dec 01 00:00:00 UTC 2026"))))));
        assertEquals("TLS handshake failed: the server's certificate is not valid yet (is this machine's clock right?)",
                reason(handshake("x", new CertificateNotYetValidException("NotBefore: 2027"))));
        assertEquals("TLS handshake failed: the server's certificate is not signed by a certificate authority the "
                + "kubeconfig trusts (certificate-authority-data, or the system's when it names none)",
                reason(handshake("PKIX path building failed: sun.security.provider.certpath."
                        + "SunCertPathBuilderException: unable to find valid certification path to requested target",
                        new CertificateException(new CertPathBuilderException("unable to find valid certification "
                                + "path to requested target")))));
        assertEquals("TLS handshake failed: No subject alternative names matching IP address 10.0.0.1 found",
                reason(handshake("java.security.cert.CertificateException: No subject alternative "
                        + "names matching IP address 10.0.0.1 found", new CertificateException(
                        "No subject alternative names matching IP address 10.0.0.1 found"))));
    }

    @Test
    void anythingElseGivesTheInnermostMessageOrNoAnswerNeverAClassName() {
        assertEquals("stream closed", reason(new RuntimeException("outer", new IOException("stream closed"))));
        assertEquals("no answer", reason(new IOException()));
        assertEquals("no answer", reason(new IOException(" ")));
    }
}
