package org.drillconsole.model;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.List;
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
        List<Throwable> chain = Causes.chain(error);
        for (Throwable cause : chain) {
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
                return "TLS handshake failed: " + tlsReason(cause);
            }
        }
        String innermost = chain.isEmpty() ? null : chain.get(chain.size() - 1).getMessage();
        return innermost == null || innermost.isBlank() ? "no answer" : innermost;
    }

    /**
     * Why a handshake failed: a certificate that is not trusted, out of date, or for another host, without the
     * JDK's class names ("PKIX path building failed: sun.security…").
     */
    private static String tlsReason(Throwable handshake) {
        String innermost = handshake.getMessage();
        boolean untrusted = false;
        // the whole chain first: an expired certificate fails as a certification path whose cause is the expiry
        for (Throwable cause : Causes.chain(handshake)) {
            if (cause instanceof CertificateExpiredException) {
                return "the server's certificate has expired";
            }
            if (cause instanceof CertificateNotYetValidException) {
                return "the server's certificate is not valid yet (is this machine's clock right?)";
            }
            untrusted |= cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException;
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                innermost = cause.getMessage();
            }
        }
        if (untrusted) {
            return "the server's certificate is not signed by a certificate authority the kubeconfig trusts "
                    + "(certificate-authority-data, or the system's when it names none)";
        }
        return innermost == null || innermost.isBlank() ? "no reason given" : innermost;
    }
}
