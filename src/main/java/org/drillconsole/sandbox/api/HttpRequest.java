package org.drillconsole.sandbox.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request as read from a connection: method, path, decoded query, headers (names in lower
 * case) and body (by Content-Length or chunked transfer coding).
 */
public record HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                          byte[] body) {

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    public String header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    public String param(String name) {
        return query.getOrDefault(name, "");
    }

    public boolean flag(String name) {
        String value = param(name);
        return value.equals("true") || value.equals("1");
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Reads the next request, or returns null when the client closed the connection between requests. */
    static HttpRequest read(InputStream in) throws IOException {
        String requestLine = line(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = line(in);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("malformed request line");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.merge(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim(), (a, b) -> a + "," + b);
            }
        }
        String target = parts[1];
        int question = target.indexOf('?');
        String path = decodePath(question < 0 ? target : target.substring(0, question));
        Map<String, String> query = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : target.substring(question + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    query.put(decodeQuery(equals < 0 ? pair : pair.substring(0, equals)),
                            equals < 0 ? "" : decodeQuery(pair.substring(equals + 1)));
                }
            }
        }
        byte[] body;
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else {
            long length = Long.parseLong(headers.getOrDefault("content-length", "0").trim());
            if (length < 0 || length > MAX_BODY) {
                throw new IOException("request body too large");
            }
            body = in.readNBytes((int) length);
            if (body.length != length) {
                return null;
            }
        }
        return new HttpRequest(parts[0].toUpperCase(Locale.ROOT), path, query, headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            if (sizeLine == null) {
                throw new IOException("connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used by the Kubernetes API
                }
                return body.toByteArray();
            }
            if (body.size() + size > MAX_BODY) {
                throw new IOException("request body too large");
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String decodePath(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Query values are form-encoded: Go's clients write a space as {@code +}. */
    private static String decodeQuery(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** A CRLF-terminated line in ISO-8859-1, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("header line too long");
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }
}
