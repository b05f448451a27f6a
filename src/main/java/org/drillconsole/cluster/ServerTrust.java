package org.drillconsole.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.internal.CertUtils;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which server certificates a client accepts, decided as kubectl decides.
 *
 * <p>fabric8 builds each client's trust from the JDK's whole trust store (about 140 public certificate
 * authorities, read and parsed again for every client) with the kubeconfig's certificate authority added, and it
 * reads the JDK's store even for a plain-HTTP server, where no certificate is ever checked: about a tenth of a
 * second of a one-shot command's start. kubectl trusts the kubeconfig's certificate authority alone when one is
 * named. So a client trusts:
 * <ul>
 *   <li>for a plain-HTTP server (the practice clusters): no certificate at all, so a redirect to HTTPS fails
 *       instead of trusting a server nobody vouched for;</li>
 *   <li>for an HTTPS server whose kubeconfig names a certificate authority ({@code certificate-authority} or
 *       {@code certificate-authority-data}): only those certificates;</li>
 *   <li>otherwise ({@code insecure-skip-tls-verify}, a trust store file of fabric8's, no certificate authority
 *       named): what fabric8 decides, unchanged.</li>
 * </ul>
 */
final class ServerTrust {

    private ServerTrust() {
    }

    /**
     * The trust managers that take the place of fabric8's for this cluster, or nothing when fabric8's own
     * decide.
     *
     * @throws KubernetesClientException when the named certificate authority cannot be read (the kubeconfig
     *         loader has already refused such a file, with its name and field)
     */
    static Optional<TrustManager[]> replacing(Config config) {
        if (config.isTrustCerts() || notBlank(config.getTrustStoreFile())) {
            return Optional.empty();
        }
        if (config.getMasterUrl() != null && config.getMasterUrl().toLowerCase(Locale.ROOT).startsWith("http://")) {
            return Optional.of(new TrustManager[] {new TrustsNothing()});
        }
        if (!notBlank(config.getCaCertData()) && !notBlank(config.getCaCertFile())) {
            return Optional.empty();
        }
        try (InputStream pem = CertUtils.getInputStreamFromDataOrFile(config.getCaCertData(), config.getCaCertFile())) {
            Collection<? extends Certificate> authorities = CertificateFactory.getInstance("X.509")
                    .generateCertificates(pem);
            if (authorities.isEmpty()) {
                throw new CertificateException("no certificate found");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int index = 0;
            for (Certificate authority : authorities) {
                store.setCertificateEntry("certificate-authority-" + index++, authority);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return Optional.of(factory.getTrustManagers());
        } catch (IOException | GeneralSecurityException e) {
            throw new KubernetesClientException("the cluster's certificate authority cannot be read as X.509 "
                    + "certificates", e);
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /** For a plain-HTTP server: there is no certificate to trust, and none is. */
    private static final class TrustsNothing implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this client trusts no client certificate");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the kubeconfig names a plain-HTTP server; an HTTPS answer is not trusted");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
