package org.drillconsole.sandbox.api;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server on loopback, one thread per open connection (threads end with their
 * connections, so they stay as many as the clients' open connections), that can fail the way real API
 * servers do: refuse connections (stopped) or accept them and never answer (hung). Whatever it serves
 * survives the fault, so serving again is like an API server coming back.
 */
public final class HttpServer implements AutoCloseable {

    public enum Mode { SERVING, REFUSING, HANGING }

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpRequest request, Exchange exchange) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /**
     * A keep-alive connection with no request for this long is closed, as real servers close idle ones:
     * clients that never close their pools (Java 17's HttpClient cannot be closed) must not pin a thread each.
     */
    public static final int IDLE_TIMEOUT_MS = 30_000;

    private final String name;
    private final Handler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads;
    private volatile Mode mode = Mode.SERVING;
    private volatile ServerSocket listener;
    private Thread acceptor;
    private volatile boolean closed;
    private int port;

    public HttpServer(String name, Handler handler) {
        this.name = name;
        this.handler = handler;
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "practice-api-" + name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Starts listening on loopback, on {@code preferredPort} or (0) a free port; returns the port. */
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

    /** Open client connections right now (watches included). */
    public int openConnections() {
        return open.size();
    }

    /** Connection refused from now on; open connections are cut. */
    public synchronized void refuse() {
        mode = Mode.REFUSING;
        stopListening();
        cutAll();
    }

    /**
     * Closes the listening socket and waits for the accepting thread to leave {@code accept()}: closing a
     * socket another thread is blocked on only marks it, the port is released when that thread returns, and
     * serving again at once would find the port still taken.
     */
    private void stopListening() {
        closeQuietly(listener);
        listener = null;
        if (acceptor != null) {
            try {
                acceptor.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            acceptor = null;
        }
    }

    /** Connections are accepted but nothing is ever answered; open connections are cut. */
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

    /** Runs a task on one of the server's threads (a watch's reader, for one). */
    public void execute(Runnable task) {
        threads.execute(task);
    }

    private void bind(int wanted) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 200);
        listener = socket;
        port = socket.getLocalPort();
        acceptor = new Thread(() -> acceptLoop(socket), "practice-api-" + name + "-accept");
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
            try {
                threads.execute(() -> serve(client));
            } catch (RuntimeException rejected) {
                open.remove(client);
                closeQuietly(client);
            }
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16384);
            while (!closed) {
                HttpRequest request = mode == Mode.HANGING ? null : HttpRequest.read(in);
                if (mode == Mode.HANGING) {
                    Exchange.drain(in); // hung (perhaps while the request arrived): never answered
                    return;
                }
                if (request == null || mode == Mode.REFUSING) {
                    return; // the client closed the connection, or a stopped server cut it
                }
                Exchange exchange = new Exchange(socket, in, out, request);
                try {
                    handler.handle(request, exchange);
                } catch (RuntimeException e) {
                    LOG.warn("practice API server {}: {} {} failed: {}", name, request.method(), request.path(),
                            e.toString());
                    exchange.send(500, "application/json", "{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                            + "\"status\":\"Failure\",\"reason\":\"InternalError\",\"code\":500}");
                }
                if (!exchange.keepAlive()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the client went away, sent something that is not HTTP, or was cut off by a fault
        } finally {
            open.remove(socket);
            closeQuietly(socket);
        }
    }

    /** Cuts every client off, as a crashed or restarted API server would. */
    private void cutAll() {
        open.forEach(HttpServer::closeQuietly);
    }

    @Override
    public synchronized void close() {
        closed = true;
        stopListening();
        cutAll();
        threads.shutdown();
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
