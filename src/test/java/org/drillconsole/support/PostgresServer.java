package org.drillconsole.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the team-journal tests: Debian's binaries (installed by .ci/run), a fresh
 * cluster in a temporary directory on a free port, password authentication over TCP, started and stopped by
 * the test. PostgreSQL refuses to run as root, so as root it runs as the {@code postgres} user.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "admin-secret";

    private final Path bin;
    private final Path dir;
    private final int port;

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The binaries' folder, or null when PostgreSQL is not installed here. */
    public static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder()).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Starts a server for a test class, or skips the class saying why when PostgreSQL is not installed here. */
    public static PostgresServer startForTests() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(binaries() != null, "PostgreSQL is not installed here: .ci/run"
                + " installs Debian's postgresql-15; the team-journal tests need it");
        return start();
    }

    /** Creates the team journal's tables and roles, as its owner would with {@code team-db init}. */
    public void migrateTeamSchema() throws Exception {
        org.drillconsole.store.TeamDatabase.of(url("postgres"), name -> ADMIN_PASSWORD).migrate();
    }

    public static PostgresServer start() throws Exception {
        Path bin = binaries();
        if (bin == null) {
            throw new IllegalStateException("PostgreSQL is not installed (Debian: apt-get install postgresql-15)");
        }
        Path dir = Files.createTempDirectory("team-pg");
        Path password = dir.resolve("pw");
        Files.writeString(password, ADMIN_PASSWORD + "\n");
        if (root()) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
            Files.setOwner(password, postgres);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, dir, port);
        server.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                "--pwfile=" + password, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                "--locale=C.UTF-8"), 120);
        server.startServer();
        try (Connection admin = server.admin("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE drills");
        }
        return server;
    }

    public void startServer() throws Exception {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("log").toString(), "-w", "-t", "60", "-o", "-p " + port + " -k " + dir
                        + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), 90);
    }

    public void stopServer() throws Exception {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-m", "fast",
                "stop"), 60);
    }

    /**
     * Turns TLS on with a certificate for 127.0.0.1 signed by a test CA, and restarts the server.
     *
     * @return the CA certificate a client verifies the server with ({@code sslrootcert})
     */
    public Path enableTls() throws Exception {
        Path tls = Files.createDirectories(dir.resolve("tls"));
        Path ext = Files.writeString(tls.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        openssl(tls, "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=drill-console test CA", "-keyout",
                "ca.key", "-out", "ca.crt");
        openssl(tls, "req", "-new", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key", "-out", "server.csr");
        openssl(tls, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days",
                "2", "-out", "server.crt", "-extfile", ext.toString());
        Path key = tls.resolve("server.key");
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        if (root()) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(tls, postgres);
            Files.setOwner(key, postgres);
            Files.setOwner(tls.resolve("server.crt"), postgres);
        }
        Files.writeString(dir.resolve("data").resolve("postgresql.conf"), "\nssl = on\nssl_cert_file = '"
                + tls.resolve("server.crt") + "'\nssl_key_file = '" + key + "'\n", java.nio.file.StandardOpenOption.APPEND);
        stopServer();
        startServer();
        return tls.resolve("ca.crt");
    }

    private static void openssl(Path in, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true)
                .redirectOutput(in.resolve("openssl.log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("openssl " + arguments[0] + " failed: " + Files.readString(in.resolve("openssl.log")));
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of the drills database for a user; never with a password in it. */
    public String url(String user) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/drills?user=" + user;
    }

    public Connection admin(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres",
                ADMIN_PASSWORD);
    }

    /** A login role that writes as the consoles do. */
    public void createWriter(String user, String password) throws SQLException {
        try (Connection admin = admin("drills"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "' IN ROLE drill_console_writer");
        }
    }

    private void run(List<String> command, int seconds) throws Exception {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(dir.resolve("cmd.log").toFile())
                .start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(dir.resolve("cmd.log"))
                    + (Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log")) : ""));
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public void close() throws Exception {
        try {
            stopServer();
        } catch (Exception ignored) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
