package io.jenkins.plugins.mesa.cli.store;

import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.flow.FlowStores;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable store of {@code mesa serve}: one database (SQLite by default, a single file, no setup) holding the
 * intake queue, the port registry, the pending events (hold-downs a restart resumes), the dedup keys, the outage
 * windows and the audit records. Opening it creates the tables or migrates them ({@code schema_version}); a
 * database from a newer MESA is refused with {@link StoreVersionException}.
 *
 * <p>SQLite runs with WAL, {@code busy_timeout} and foreign keys on. {@link EventQueue#enqueue} commits with
 * {@code synchronous=FULL} (fsync'd before it returns: the 2xx promise holds through power loss); every other write
 * commits with {@code synchronous=NORMAL}, which survives kill -9 and, on power loss, can lose only the newest
 * commits, in order — the flow redoes those steps, as it does after any crash. (Per commit on the 2-core dev
 * machine: about 5 ms flushed, 0.1–0.4 ms not.) A {@code jdbc:postgresql://…} URL uses the same SQL, but the PostgreSQL
 * driver is not bundled and that path is untested.
 *
 * <p>Every write is its own committed transaction, safe from any thread. Close it on shutdown.
 */
public final class SqliteStore implements AutoCloseable {
    /** {@code mesa.db} in the working directory. */
    public static final String DEFAULT_URL = "jdbc:sqlite:mesa.db";

    private final Database db;
    private final FlowStores stores;
    private final SqlAuditLog audit;
    private final EventQueue queue;

    /**
     * Opens (creating if needed) the database and brings its schema up to date.
     *
     * @param jdbcUrl e.g. {@code jdbc:sqlite:/var/lib/mesa/mesa.db}
     * @throws StoreException        when it cannot be opened or set up (the message carries no credentials)
     * @throws StoreVersionException when it was written by a newer MESA
     */
    public SqliteStore(String jdbcUrl) {
        this(jdbcUrl, Optional.empty(), Optional.empty());
    }

    /**
     * Opens the database as {@code username} with {@code password} ({@code store.username} and
     * {@code store.password}); SQLite needs neither. The password is revealed only to the JDBC driver, never kept
     * in {@link #name()}, {@link #toString()} or an error.
     *
     * @throws StoreException        when it cannot be opened or set up (the message carries no credentials)
     * @throws StoreVersionException when it was written by a newer MESA
     */
    public SqliteStore(String jdbcUrl, Optional<String> username, Optional<Secret> password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Database opened = Database.open(jdbcUrl, username, password);
        try {
            Schema.migrate(opened);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        this.db = opened;
        this.audit = new SqlAuditLog(db);
        this.stores = new FlowStores(new SqlPortRegistry(db), new SqlPendingEvents(db), new SqlDedupLog(db),
                new SqlOutageLog(db), audit);
        this.queue = new EventQueue(db);
    }

    /** Opens {@link #DEFAULT_URL}. */
    public SqliteStore() {
        this(DEFAULT_URL);
    }

    /** The flow's stores, all in this database; hand them to {@code new EventFlow(…)}. */
    public FlowStores stores() {
        return stores;
    }

    /** The audit log (also {@code stores().audit()}), with the {@code since} query {@code mesa audit} uses. */
    public SqlAuditLog audit() {
        return audit;
    }

    /** The webhook intake queue. */
    public EventQueue queue() {
        return queue;
    }

    /** The database as it may be shown in logs (no credentials). */
    public String name() {
        return db.name();
    }

    /** Closes the connection; later calls on any of the stores fail with {@link StoreException}. */
    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "SqliteStore[" + db.name() + "]";
    }
}
