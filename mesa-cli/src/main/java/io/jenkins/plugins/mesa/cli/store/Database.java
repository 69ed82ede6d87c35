package io.jenkins.plugins.mesa.cli.store;

import io.jenkins.plugins.mesa.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * One JDBC connection shared by all stores of a {@link SqliteStore}, used by one thread at a time. Every write runs
 * in its own transaction and is committed before the call returns; a failed write is rolled back whole. SQLite
 * takes one writer at a time anyway, so a single connection costs no concurrency and keeps transactions simple.
 */
final class Database implements AutoCloseable {
    /** One database operation; it may throw {@link SQLException}, which becomes a {@link StoreException}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String name;
    private final Dialect dialect;
    private Connection connection;

    private Database(String name, Dialect dialect, Connection connection) {
        this.name = name;
        this.dialect = dialect;
        this.connection = connection;
    }

    /** @throws StoreException when the database cannot be opened; the message never contains the URL's credentials */
    static Database open(String jdbcUrl, Optional<String> username, Optional<Secret> password) {
        Dialect dialect = Dialect.of(jdbcUrl);
        String name = DatabaseName.of(jdbcUrl);
        Properties properties = dialect.connectionProperties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p.reveal()));
        Connection c;
        try {
            c = DriverManager.getConnection(jdbcUrl, properties);
        } catch (SQLException e) {
            if (dialect == Dialect.SQLITE && !mentions(e, password)) {
                // a file path carries no credentials, and SQLite says what was wrong
                throw new StoreException("cannot open database " + name + ": " + e.getMessage(), e);
            }
            // no cause attached: a server driver's message may repeat the URL, credentials included
            throw new StoreException("cannot open database " + name + ": " + sqlState(e));
        }
        try (Statement s = c.createStatement()) {
            for (String sql : dialect.sessionSetup()) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("cannot set up database " + name + ": " + e.getMessage(), e);
        }
        return new Database(name, dialect, c);
    }

    Dialect dialect() {
        return dialect;
    }

    /** The database as it may be shown (no credentials). */
    String name() {
        return name;
    }

    /** Runs {@code work} outside a transaction (for reads: one statement sees one consistent state). */
    synchronized <T> T read(Work<T> work) {
        try {
            return work.run(open());
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Runs {@code work} in one transaction, committed before this returns: it survives kill -9, and a power loss
     * can take it only together with every later commit (see {@link Dialect#SQLITE}).
     */
    synchronized <T> T write(Work<T> work) {
        return transaction(open(), work);
    }

    /**
     * Runs {@code work} in one transaction that is on disk (fsync'd) before this returns, so it survives power
     * loss too: for what has been acknowledged to someone outside (a webhook answered 2xx).
     */
    synchronized <T> T writeFlushed(Work<T> work) {
        Connection c = open();
        String on = dialect.flushedCommits(true);
        if (on.isEmpty()) {
            return transaction(c, work);
        }
        execute(c, on);
        try {
            return transaction(c, work);
        } finally {
            execute(c, dialect.flushedCommits(false));
        }
    }

    private <T> T transaction(Connection c, Work<T> work) {
        try {
            c.setAutoCommit(false);
            T result = work.run(c);
            c.setAutoCommit(true); // commits
            return result;
        } catch (SQLException | RuntimeException e) {
            rollBack(c, e);
            if (e instanceof SQLException sql) {
                throw failure(sql);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Ends the failed transaction whatever state the driver is in: when the commit itself failed, the driver already
     * believes it is in auto-commit mode and refuses {@code rollback()}, while the transaction is still open.
     */
    private static void rollBack(Connection c, Exception failure) {
        try {
            if (c.getAutoCommit()) {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK");
                }
            } else {
                c.rollback();
            }
        } catch (SQLException e) {
            // "no transaction is active" is the usual case here; anything else is worth a look
            failure.addSuppressed(e);
        }
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }

    private Connection open() {
        if (connection == null) {
            throw new StoreException("database " + name + " is closed");
        }
        return connection;
    }

    private void execute(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private StoreException failure(SQLException e) {
        return new StoreException("database " + name + ": " + e.getMessage(), e);
    }

    /** Whether the password appears anywhere in the failure (then neither its message nor it may be shown). */
    private static boolean mentions(Throwable failure, Optional<Secret> password) {
        if (password.isEmpty() || password.get().reveal().isEmpty()) {
            return false;
        }
        String p = password.get().reveal();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(SQLException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
            return "no JDBC driver for it on the class path";
        }
        return e.getSQLState() == null ? e.getClass().getSimpleName() : "SQL state " + e.getSQLState();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing is best effort: the data is already committed
        }
    }
}
