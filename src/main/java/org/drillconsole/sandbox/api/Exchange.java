package org.drillconsole.sandbox.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The answer side of one request: a whole response with Content-Length, a chunked stream (an HTTP
 * watch, a followed log), or an upgrade to WebSocket (how fabric8 watches).
 */
public final class Exchange {

    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final HttpRequest request;
    private boolean keepAlive;

    Exchange(Socket socket, InputStream in, OutputStream out, HttpRequest request) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.request = request;
        this.keepAlive = !request.header("connection").equalsIgnoreCase("close");
    }

    boolean keepAlive() {
        return keepAlive;
    }

    public void send(int code, String contentType, byte[] body) throws IOException {
        head(code, contentType, "Content-Length: " + body.length);
        if (!request.method().equals("HEAD")) {
            out.write(body);
        }
        out.flush();
    }

    public void send(int code, String contentType, String body) throws IOException {
        send(code, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a chunked response; the connection closes when the stream ends. */
    public Stream stream(int code, String contentType) throws IOException {
        keepAlive = false;
        socket.setSoTimeout(0); // a watch is quiet for as long as nothing changes
        head(code, contentType, "Transfer-Encoding: chunked");
        out.flush();
        return new Stream();
    }

    public boolean asksForWebSocket() {
        return request.header("upgrade").equalsIgnoreCase("websocket") && !request.header("sec-websocket-key").isEmpty();
    }

    /** Answers 101 and turns the connection into a WebSocket; it closes when the session ends. */
    public WebSocket upgrade() throws IOException {
        keepAlive = false;
        socket.setSoTimeout(0); // a watch is quiet for as long as nothing changes
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((request.header("sec-websocket-key") + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new WebSocket(in, out);
    }

    /** Blocks until the client closes its side (or the connection is cut). */
    public void awaitClientGone() {
        drain(in);
    }

    static void drain(InputStream in) {
        while (true) {
            try {
                while (in.read() >= 0) {
                    // an HTTP watch's (or a hung server's) client sends nothing more; anything sent is ignored
                }
                return;
            } catch (java.net.SocketTimeoutException quiet) {
                // only the client closing ends this: keep waiting
            } catch (IOException gone) {
                return; // cut off
            }
        }
    }

    private void head(int code, String contentType, String lengthHeader) throws IOException {
        String head = "HTTP/1.1 " + code + " " + reason(code) + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Cache-Control: no-cache, private\r\n"
                + lengthHeader + "\r\n"
                + (keepAlive ? "" : "Connection: close\r\n")
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
    }

    private static String reason(int code) {
        return switch (code) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status " + code;
        };
    }

    /** A chunked response body. */
    public final class Stream {
        public void write(byte[] data) throws IOException {
            if (data.length == 0) {
                return;
            }
            out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data);
            out.write('\r');
            out.write('\n');
            out.flush();
        }

        public void end() throws IOException {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }
}
