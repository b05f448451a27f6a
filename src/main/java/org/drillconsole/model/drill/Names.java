package org.drillconsole.model.drill;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The grammars runbooks are checked against: Kubernetes names and label keys, host names, IP addresses and
 * URLs. Each check returns null when the text is fine, otherwise what is wrong, in words.
 */
public final class Names {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private Names() {
    }

    /** A DNS-1123 label: namespaces, step ids, runbook names ({@code max} 63, 52 for CronJobs). */
    public static String label(String text, int max) {
        if (text.isEmpty()) {
            return "is empty";
        }
        if (text.length() > max) {
            return "is " + text.length() + " characters long, at most " + max + " allowed";
        }
        return DNS_LABEL.matcher(text).matches() ? null
                : "must be lower-case letters, digits and dashes, starting and ending with a letter or digit";
    }

    /** A namespace's name: a DNS-1123 label of at most 63 characters. */
    public static String namespace(String text) {
        return label(text, 63);
    }

    /** A DNS-1123 subdomain: the names of Deployments, nodes and most objects. */
    public static String objectName(String text) {
        if (text.isEmpty()) {
            return "is empty";
        }
        if (text.length() > 253) {
            return "is " + text.length() + " characters long, at most 253 allowed";
        }
        return DNS_SUBDOMAIN.matcher(text).matches() ? null
                : "is not a Kubernetes name: lower-case letters, digits, '-' and '.', starting and ending with a letter"
                + " or digit";
    }

    /** A label key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
    public static String labelKey(String text) {
        int slash = text.indexOf('/');
        String name = slash < 0 ? text : text.substring(slash + 1);
        if (slash >= 0) {
            String prefix = text.substring(0, slash);
            String bad = prefix.isEmpty() ? "is empty" : objectName(prefix);
            if (bad != null) {
                return "has a prefix \"" + prefix + "\" that " + bad;
            }
        }
        if (name.isEmpty()) {
            return "has no name";
        }
        if (name.length() > 63) {
            return "has a name of " + name.length() + " characters, at most 63 allowed";
        }
        return LABEL_NAME.matcher(name).matches() ? null
                : "is not a label key: letters, digits, '-', '_' and '.', starting and ending with a letter or digit,"
                + " with an optional prefix such as gitpod.io/";
    }

    /** A label value: empty, or at most 63 letters, digits, '-', '_' and '.'. */
    public static String labelValue(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > 63) {
            return "is " + text.length() + " characters long, at most 63 allowed";
        }
        return LABEL_NAME.matcher(text).matches() ? null
                : "is not a label value: letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
    }

    /** A host name (RFC 1123), such as gitpod.example.com. */
    public static String host(String text) {
        if (text.isEmpty()) {
            return "is empty";
        }
        if (text.length() > 253) {
            return "is " + text.length() + " characters long, at most 253 allowed";
        }
        String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || !HOST_LABEL.matcher(label).matches()) {
                return "is not a host name: letters, digits and dashes in dot-separated parts of at most 63 characters,"
                        + " such as gitpod.example.com";
            }
        }
        return null;
    }

    /** An IPv4 or IPv6 address, written as such (never looked up). */
    public static String address(String text) {
        if (IPV4.matcher(text).matches()) {
            return null;
        }
        if (text.contains(":") && IPV6_CHARS.matcher(text).matches()) {
            try {
                InetAddress.getByName(text); // a literal with ':' is parsed, never resolved
                return null;
            } catch (UnknownHostException | SecurityException e) {
                return "is not an IP address";
            }
        }
        return "is not an IP address such as 203.0.113.10 or 2001:db8::10";
    }

    /**
     * A URL as messages and panes show it: whatever stands before an {@code @} (a user name and password, in
     * however broken a URL) replaced by {@code ***}.
     */
    public static String withoutCredentials(String url) {
        return url.replaceAll("[^/@]+@", "***@");
    }

    /** An http or https URL with a valid host and, when given, a port from 1 to 65535. */
    public static String url(String text) {
        if (text.isEmpty()) {
            return "is empty";
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            return "contains a space: write spaces in a URL as %20";
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return "is not a URL (" + e.getReason() + " at character " + (e.getIndex() + 1) + ")";
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return "must start with http:// or https://";
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            return "has no host";
        }
        if (authority.contains("@")) {
            return "must not carry a user name or password";
        }
        String hostPort = authority;
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return "has an unclosed [ in its IPv6 address";
            }
            host = hostPort.substring(1, close);
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return "has text after its IPv6 address";
                }
                port = rest.substring(1);
            }
            String bad = address(host);
            if (bad != null) {
                return "has a host that " + bad;
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
            String bad = IPV4.matcher(host).matches() ? null : host(host);
            if (bad != null) {
                return "has a host \"" + host + "\" that " + bad;
            }
        }
        if (port != null) {
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                return "has the port \"" + port + "\": a port is a number from 1 to 65535";
            }
        }
        return null;
    }
}
