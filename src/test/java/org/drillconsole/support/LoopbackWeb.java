package org.drillconsole.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/** A real HTTP server on loopback that answers each path with a fixed status (404 for any other path), or a page. */
public final class LoopbackWeb implements AutoCloseable {

    private final HttpServer server;

    private LoopbackWeb(HttpServer server) {
        this.server = server;
    }

    public static LoopbackWeb answering(Map<String, Integer> statusByPath) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(statusByPath.getOrDefault(exchange.getRequestURI().getPath(), 404), -1);
            exchange.close();
        });
        server.start();
        return new LoopbackWeb(server);
    }

    /** A web server that answers every path with 200 and this HTML page (a proxy's sign-in page, say). */
    public static LoopbackWeb page(String html) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return new LoopbackWeb(server);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A loopback port nothing listens on (connections are refused). */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
