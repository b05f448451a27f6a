package org.drillconsole.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy in front of a practice API server that can fail the way real ones do: refuse connections
 * (server stopped) or accept them and never answer (server hung). The cluster's state survives the fault,
 * so restoring it is like an API server coming back.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Mode { SERVING, REFUSING, HANGING }

    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);

    private static final int OPCODE_CLOSE = 0x8;

    private final String name;
    private final int backendPort;
    /** Client sockets accepted while hanging: never answered, closed when the fault ends. */
    private final Set<Socket> silent = ConcurrentHashMap.newKeySet();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.SERVING;
    private volatile ServerSocket listener;
    private int port;

    public FaultProxy(String name, int backendPort) {
        this.name = name;
        this.backendPort = backendPort;
    }

    /** Starts listening on a free loopback port (or {@code preferredPort} when non-zero). */
    public synchronized int start(int preferredPort) throws IOException {
        bind(preferredPort);
        return port;
    }

    public int port() {
        return port;
    }

    public Mode mode() {
        return mode;
    }

    /** Connection refused from now on; open connections are cut. */
    public synchronized void refuse() {
        mode = Mode.REFUSING;
        closeQuietly(listener);
        listener = null;
        cutAll();
    }

    /** Connections are accepted but nothing is ever answered; open connections stall. */
    public synchronized void hang() throws IOException {
        mode = Mode.HANGING;
        cutAll();
        if (listener == null) {
            bind(port);
        }
    }

    public synchronized void serve() throws IOException {
        mode = Mode.SERVING;
        cutAll();
        if (listener == null) {
            bind(port);
        }
    }

    private void bind(int wanted) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
        listener = socket;
        port = socket.getLocalPort();
        Thread acceptor = new Thread(() -> acceptLoop(socket), "practice-proxy-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                continue; // closed (the loop ends) or a failed accept (try the next one)
            }
            if (mode == Mode.HANGING) {
                silent.add(client); // keep it open and silent
                continue;
            }
            try {
                Connection connection = new Connection(client,
                        new Socket(InetAddress.getLoopbackAddress(), backendPort));
                connections.add(connection);
                connection.start();
            } catch (IOException e) {
                LOG.debug("practice proxy {}: backend not reachable: {}", name, e.toString());
                closeQuietly(client);
            }
        }
    }

    /** Cuts every client off, as a crashed or restarted API server would. */
    private void cutAll() {
        connections.forEach(Connection::cutClient);
        silent.forEach(FaultProxy::closeQuietly);
        silent.clear();
    }

    /**
     * One proxied connection. A client can vanish at any moment (that is the fault being simulated), but
     * the server side of a watch is never closed while the practice cluster runs: fabric8's mock server
     * deadlocks its event loop (for many seconds, and every other request then hangs) when a watch closes
     * while it is writing an event to it. So a watch whose client is gone, or closes it, stays open towards
     * the server and is read and discarded until the server shuts down. That costs one idle thread per
     * abandoned watch: a few dozen per fault, released when the practice clusters stop.
     */
    private final class Connection {
        private final Socket client;
        private final Socket backend;
        private volatile boolean webSocket;

        Connection(Socket client, Socket backend) {
            this.client = client;
            this.backend = backend;
        }

        void start() {
            thread("up", this::clientToBackend);
            thread("down", this::backendToClient);
        }

        private void clientToBackend() {
            byte[] buffer = new byte[16384];
            boolean first = true;
            try (InputStream in = client.getInputStream()) {
                OutputStream out = backend.getOutputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (first) {
                        // Decided from the request, before it is forwarded: a watch cut off before its
                        // 101 answer arrives must not be closed towards the server either.
                        webSocket = asksForWebSocket(buffer, read);
                        first = false;
                    } else if (webSocket && (buffer[0] & 0x0F) == OPCODE_CLOSE) {
                        break; // the client ends its watch: the server is not told (see above)
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException clientGone) {
                // the client went away or was cut off
            }
            closeQuietly(client);
            if (!webSocket) {
                closeQuietly(backend);
            }
        }

        private void backendToClient() {
            byte[] buffer = new byte[16384];
            boolean clientAlive = true;
            try (InputStream in = backend.getInputStream()) {
                OutputStream out = client.getOutputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (clientAlive) {
                        try {
                            out.write(buffer, 0, read);
                            out.flush();
                        } catch (IOException clientGone) {
                            closeQuietly(client);
                            if (!webSocket) {
                                break;
                            }
                            clientAlive = false; // a watch keeps being read, so the server never blocks
                        }
                    }
                }
            } catch (IOException ignored) {
                // the server closed, or the proxy is shutting down
            }
            closeQuietly(client);
            closeQuietly(backend);
            connections.remove(this);
        }

        void cutClient() {
            closeQuietly(client);
        }

        void closeAll() {
            closeQuietly(client);
            closeQuietly(backend);
        }

        private void thread(String direction, Runnable body) {
            Thread thread = new Thread(body, "practice-proxy-" + name + "-" + direction);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** A request to upgrade to WebSocket (a watch), as opposed to plain HTTP or an HTTP/2 (h2c) upgrade. */
    static boolean asksForWebSocket(byte[] buffer, int length) {
        String head = new String(buffer, 0, Math.min(length, 4096), StandardCharsets.US_ASCII);
        int endOfHeaders = head.indexOf("\r\n\r\n");
        return (endOfHeaders < 0 ? head : head.substring(0, endOfHeaders)).toLowerCase(Locale.ROOT)
                .contains("upgrade: websocket");
    }

    @Override
    public synchronized void close() {
        closeQuietly(listener);
        listener = null;
        silent.forEach(FaultProxy::closeQuietly);
        connections.forEach(Connection::closeAll);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }
}
