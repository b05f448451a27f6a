package org.drillconsole.cluster;

import io.fabric8.kubernetes.client.Config;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * The proxy a cluster is reached through, chosen as kubectl chooses it: the cluster's {@code proxy-url} in the
 * kubeconfig, else the environment's {@code HTTPS_PROXY} / {@code HTTP_PROXY} (either case) with
 * {@code NO_PROXY}. fabric8 reads the environment only when it configures itself, which the console does not
 * let it do (it reads the kubeconfig itself), so without this a workstation behind a corporate proxy went
 * straight to the API server and reported it unreachable.
 *
 * <p>The clients' HTTP stack (the JDK's) speaks to HTTP proxies only: a SOCKS proxy ({@code socks5://}, as
 * an {@code ssh -D} tunnel gives) is refused here, by field or variable, instead of failing later with a Java
 * class name and no cluster shown.
 */
final class ClusterProxies {

    private ClusterProxies() {
    }

    /**
     * @param config the cluster's configuration as fabric8 merged it: a kubeconfig's proxy-url is already in its
     *               HTTP and HTTPS proxy; the environment's is put there
     * @param environment where the variables are looked up (System::getenv)
     */
    static void apply(Config config, String clusterName, Path file, Function<String, String> environment)
            throws ClusterConfigException {
        String proxyUrl = firstNonBlank(config.getHttpsProxy(), config.getHttpProxy());
        if (proxyUrl != null) {
            String where = "proxy-url \"" + shown(proxyUrl) + "\" of cluster \"" + clusterName + "\" in " + file;
            checkHttp(proxyUrl, where);
            return;
        }
        URI server = URI.create(config.getMasterUrl());
        boolean secure = "https".equalsIgnoreCase(server.getScheme());
        String name = secure ? "HTTPS_PROXY" : "HTTP_PROXY";
        String proxy = variable(environment, name);
        if (proxy == null || !proxied(server.getHost(), variable(environment, "NO_PROXY"))) {
            return;
        }
        String checked = checkHttp(withScheme(proxy), name + " \"" + shown(proxy) + "\" in the environment");
        if (secure) {
            config.setHttpsProxy(checked);
        } else {
            config.setHttpProxy(checked);
        }
    }

    /**
     * Whether a request to this host goes through the environment's proxy, as Go's (kubectl's) rules say:
     * never for localhost or a loopback address; not for a host NO_PROXY names ("*", the host, a domain and
     * its subdomains with or without a leading dot, an IP address or an IPv4 CIDR range).
     */
    static boolean proxied(String host, String noProxy) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        if (h.equals("localhost") || h.startsWith("127.") || h.equals("::1")) {
            return false;
        }
        if (noProxy == null) {
            return true;
        }
        for (String raw : noProxy.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*") || h.equals(entry) || (entry.startsWith(".") ? h.endsWith(entry)
                    : h.endsWith("." + entry)) || inRange(h, entry)) {
                return false;
            }
        }
        return true;
    }

    /** An IPv4 address inside an IPv4 CIDR range ("10.0.0.0/8"). */
    private static boolean inRange(String host, String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return false;
        }
        long address = ipv4(host);
        long network = ipv4(cidr.substring(0, slash));
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (address < 0 || network < 0 || bits < 0 || bits > 32) {
            return false;
        }
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (address & mask) == (network & mask);
    }

    /** The address as a number, or -1 when it is not a dotted IPv4 address. */
    private static long ipv4(String text) {
        String[] parts = text.split("\\.");
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return -1;
            }
            value = value << 8 | Integer.parseInt(part);
        }
        return value;
    }

    /**
     * A proxy URL as messages show it: without the user and password a URL may carry
     * ({@code http://user:secret@proxy:3128} is shown as {@code http://proxy:3128}).
     */
    static String shown(String proxyUrl) {
        return proxyUrl == null ? null : proxyUrl.strip().replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)?[^/@]*@", "$1");
    }

    /** The upper-case variable, else the lower-case one (curl's and Go's convention), or null when blank. */
    private static String variable(Function<String, String> environment, String name) {
        return firstNonBlank(environment.apply(name), environment.apply(name.toLowerCase(Locale.ROOT)));
    }

    /** "proxy.corp:3128", as people write it in HTTPS_PROXY, means http://proxy.corp:3128 (as for kubectl). */
    private static String withScheme(String value) {
        return value.contains("://") ? value : "http://" + value;
    }

    private static String checkHttp(String proxy, String where) throws ClusterConfigException {
        URI uri;
        try {
            uri = URI.create(proxy.strip());
        } catch (IllegalArgumentException e) {
            throw new ClusterConfigException(where + " is not a URL such as http://proxy.example.com:3128");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.startsWith("socks")) {
            throw new ClusterConfigException(where + " is a SOCKS proxy: the console reaches clusters through HTTP"
                    + " proxies only (http://host:port); run an HTTP proxy on the tunnel, or reach the API server"
                    + " another way");
        }
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ClusterConfigException(where + " is not an HTTP proxy URL such as http://proxy.example.com:3128");
        }
        return proxy.strip();
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : null;
    }
}
