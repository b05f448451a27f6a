package org.drillconsole.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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

    private final String name;
    private final int backendPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Backend sockets that were upgraded to WebSocket (watches): they are closed with a close frame. */
    private final Set<Socket> webSockets = ConcurrentHashMap.newKeySet();
    /**
     * A masked WebSocket close frame (status 1000) with an all-zero mask. Cutting a watch without one makes
     * fabric8's mock server block its event loop for up to a minute, and then every request hangs.
     */
    private static final byte[] CLOSE_FRAME = {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xE8};
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
            open.add(client);
            if (mode == Mode.HANGING) {
                continue; // keep it open and silent
            }
            try {
                Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
                open.add(backend);
                pump(client, backend, null);
                pump(backend, client, backend);
            } catch (IOException e) {
                LOG.debug("practice proxy {}: backend not reachable: {}", name, e.toString());
                closeQuietly(client);
                open.remove(client);
            }
        }
    }

    /** @param backendAnswering the backend socket when this pump carries its answers, to spot upgrades */
    private void pump(Socket from, Socket to, Socket backendAnswering) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            boolean first = true;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (first && backendAnswering != null && read >= 12
                            && new String(buffer, 0, 12, java.nio.charset.StandardCharsets.US_ASCII)
                            .startsWith("HTTP/1.1 101")) {
                        webSockets.add(backendAnswering);
                    }
                    first = false;
                    if (mode == Mode.HANGING) {
                        return; // a hung server stops answering mid-stream too
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other side closed
            } finally {
                if (mode != Mode.HANGING) {
                    closeQuietly(from);
                    closeQuietly(to);
                    open.remove(from);
                    open.remove(to);
                    webSockets.remove(from);
                    webSockets.remove(to);
                }
            }
        }, "practice-pump-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void cutAll() {
        boolean sentCloseFrames = false;
        for (Socket socket : open) {
            if (webSockets.remove(socket)) {
                try {
                    socket.getOutputStream().write(CLOSE_FRAME);
                    socket.getOutputStream().flush();
                    sentCloseFrames = true;
                } catch (IOException ignored) {
                    // already gone
                }
            }
        }
        if (sentCloseFrames) {
            try {
                // Give the server a moment to run the close handshake before the sockets go.
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    @Override
    public synchronized void close() {
        closeQuietly(listener);
        listener = null;
        cutAll();
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
