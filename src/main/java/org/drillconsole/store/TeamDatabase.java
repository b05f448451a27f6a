package org.drillconsole.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * How the console reaches the team's PostgreSQL database: short timeouts (a team database in the failed
 * region must never hold a drill up), and no password anywhere but where PostgreSQL tools keep it:
 * {@code ~/.pgpass} or {@code PGPASSFILE} (read by the driver), or the environment variable
 * {@value #PASSWORD_VARIABLE}. A URL that carries a password is refused, so it never reaches settings or logs.
 */
public final class TeamDatabase {

    public static final String PASSWORD_VARIABLE = "DRILL_CONSOLE_TEAM_DB_PASSWORD";

    /** A team database URL that cannot be used, in words. */
    public static final class TeamDbException extends Exception {
        private final boolean refused;

        TeamDbException(String message, boolean refused, Throwable cause) {
            super(message, cause);
            this.refused = refused;
        }

        /** True when the server answered and said no (password, TLS, permission); false when it did not answer. */
        public boolean refused() {
            return refused;
        }
    }

    private final String url;
    private final String password;

    private TeamDatabase(String url, String password) {
        this.url = url;
        this.password = password;
    }

    /**
     * @param url {@code jdbc:postgresql://host:5432/db?user=NAME&sslmode=verify-full}
     * @param environment where the password variable is looked up (System::getenv)
     */
    public static TeamDatabase of(String url, java.util.function.Function<String, String> environment)
            throws TeamDbException {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new TeamDbException("the team database must be a PostgreSQL URL such as "
                    + "jdbc:postgresql://db.example.com:5432/drills?user=oncall&sslmode=verify-full", true, null);
        }
        // user:password@host is no form the driver reads, and its words would repeat the password: said here.
        String authority = url.substring("jdbc:postgresql://".length()).split("[/?]", 2)[0];
        int userEnds = authority.lastIndexOf('@');
        if (url.toLowerCase().matches(".*[?&]password=.*")
                || userEnds >= 0 && authority.substring(0, userEnds).contains(":")) {
            throw new TeamDbException("the team database URL carries a password: remove it, and put the password in"
                    + " ~/.pgpass (or the file PGPASSFILE names) or in " + PASSWORD_VARIABLE, true, null);
        }
        if (userEnds >= 0) {
            throw new TeamDbException("the team database URL names its user before the host (user@host), which the"
                    + " PostgreSQL driver does not read: name it as ?user=NAME after the database", true, null);
        }
        String unreadable = unreadable(url);
        if (unreadable != null) {
            throw new TeamDbException("the team database URL cannot be read: " + unreadable + " (a PostgreSQL URL such"
                    + " as jdbc:postgresql://db.example.com:5432/drills?user=oncall&sslmode=verify-full)", true, null);
        }
        return new TeamDatabase(url, environment.apply(PASSWORD_VARIABLE));
    }

    /** The first of the URL's hosts (comma-separated, for fail-over) that is neither a host name nor an address. */
    private static String badHost(String hosts) {
        for (String host : hosts.split(",", -1)) {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            String problem = org.drillconsole.model.drill.Names.host(bare);
            if (problem != null && org.drillconsole.model.drill.Names.address(bare) != null) {
                return "the host \"" + bare + "\" " + problem;
            }
        }
        return null;
    }

    /**
     * What the driver finds wrong in a URL (no '/' after the host, a port out of range), in its own words, or a
     * host that is no host name (a space in it); null when the URL can be used. Asked when the URL is given, not
     * at every connection: the driver said it as a warning on the terminal, twice a second while the console
     * tried to copy runs, and the status bar said "unreachable". One URL at a time: the driver's logger is
     * shared, and two listeners at once could leave it cut off from its parents.
     */
    private static synchronized String unreadable(String url) {
        java.util.logging.Logger driverLog = java.util.logging.Logger.getLogger("org.postgresql");
        long thread = Thread.currentThread().getId();
        String[] said = new String[1];
        java.util.logging.Handler listen = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLongThreadID() == thread && said[0] == null) {
                    said[0] = new java.util.logging.SimpleFormatter().formatMessage(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean toParents = driverLog.getUseParentHandlers();
        driverLog.addHandler(listen);
        driverLog.setUseParentHandlers(false);
        try {
            Properties read = org.postgresql.Driver.parseURL(url, null);
            if (read != null) {
                return badHost(read.getProperty("PGHOST", ""));
            }
        } finally {
            driverLog.removeHandler(listen);
            driverLog.setUseParentHandlers(toParents);
        }
        if (said[0] == null || said[0].isBlank()) {
            return "the driver does not read it";
        }
        // The driver's sentence ends with the URL; the message names it elsewhere, and shows it only once.
        int echoed = said[0].indexOf(": jdbc:");
        return (echoed < 0 ? said[0] : said[0].substring(0, echoed)).strip();
    }

    /** The URL as shown to people: it never holds a password. */
    public String url() {
        return url;
    }

    Connection connect() throws TeamDbException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("loginTimeout", "5");
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "drill-console");
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    /** Creates or upgrades the team schema (run once by its owner: {@code team-db init}). */
    public void migrate() throws TeamDbException {
        try {
            Flyway.configure().dataSource(url, null, password).locations("classpath:db/team")
                    .table("drill_console_schema_history").load().migrate();
        } catch (FlywayException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            if (cause instanceof SQLException sql) {
                throw explain(sql);
            }
            throw new TeamDbException("the team database schema cannot be prepared: " + firstLine(e.getMessage()), true, e);
        }
    }

    /** PostgreSQL's error classes in words that say what to do. */
    static TeamDbException explain(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = firstLine(e.getMessage());
        if (state.equals("28P01") || state.equals("28000")) {
            return new TeamDbException("the team database refused the login (wrong user or password): check ~/.pgpass or "
                    + PASSWORD_VARIABLE + " (" + message + ")", true, e);
        }
        if (state.equals("42501")) {
            return new TeamDbException("the team database refused: this user may not do that (" + message + ")", true, e);
        }
        if (state.equals("3D000")) {
            return new TeamDbException("the team database does not exist (" + message + ")", true, e);
        }
        if (state.equals("42P01")) {
            return new TeamDbException("the team database has no drill tables yet: its owner runs `drill-console team-db"
                    + " init --team-db URL` once", true, e);
        }
        if (message.contains("SSL") || message.contains("certificate") || message.contains("PKIX")) {
            return new TeamDbException("the team database's TLS was refused: " + message, true, e);
        }
        if (state.startsWith("08") || message.contains("timed out") || message.contains("Connection refused")) {
            return new TeamDbException("the team database does not answer: " + message, false, e);
        }
        return new TeamDbException("the team database failed: " + message, false, e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
