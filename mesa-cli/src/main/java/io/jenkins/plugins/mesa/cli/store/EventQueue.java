package io.jenkins.plugins.mesa.cli.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The intake queue of {@code mesa serve}: verified webhook bodies, stored before the endpoint answers 2xx and
 * removed only once the flow has accepted their events.
 *
 * <p>How a host uses it: the endpoint checks the body ({@code WebhookIntake.accept}: signature, shape), calls
 * {@link #enqueue(byte[], Map, Instant)} with the body and its signature headers, and only then answers 2xx. An
 * intake worker loops {@link #claimNext()} → {@code WebhookIntake.accept(b.body(), b::header)} →
 * {@code EventFlow.accept} for each event → {@link #markDone}.
 *
 * <p>The guarantee, across kill -9 and power loss:
 * <ul>
 *   <li>A body for which {@code enqueue} returned is on disk (committed with {@code synchronous=FULL}, fsync'd);
 *       it stays queued until {@code markDone} removes it. A body whose {@code markDone} returned is never handed
 *       out again. (On power loss, the last {@code markDone}s may be undone together with the flow's writes made
 *       before them, never without them: those bodies come back like a claimed one.)</li>
 *   <li>Within one process, {@code claimNext} hands each body to one caller only. Claims live in memory: when the
 *       process dies with a body claimed (accepted or half-accepted, but not marked done), the next process hands
 *       it out again, with {@link QueuedBody#delivery()} one higher. Delivery of a body to the flow is therefore
 *       at least once.</li>
 *   <li>Redelivery repeats no change: {@code EventFlow.accept} is idempotent per event. An event whose accept had
 *       finished is a duplicate by the flow's dedup log (a {@code duplicate} audit record, nothing else) when the
 *       restart comes within the dedup window (default 1 h); one whose accept was cut short is redone from where
 *       its writes stand (it joins its own pending item, or is queued as if new). Only the pending item is acted
 *       on, once. After a longer outage the event is handled as a late delivery: the flow's own checks (event
 *       order against the AP's registered change, LLDP, the back-end's "already in profile") decide, as for any
 *       Mist redelivery.</li>
 * </ul>
 * One process per database: two live processes draining one queue would each hand out the same bodies. Bodies are
 * handed out in arrival order; one intake worker keeps Mist's delivery order. Thread-safe.
 */
public final class EventQueue {
    private static final ObjectMapper HEADERS = new ObjectMapper();

    private final Database db;
    private final Set<Long> claimed = new HashSet<>();

    EventQueue(Database db) {
        this.db = db;
    }

    /**
     * Stores the body durably; when this returns, the endpoint may answer 2xx.
     *
     * @return the body's queue id
     * @throws StoreException when it could not be stored (answer 5xx so that Mist delivers it again)
     */
    public long enqueue(byte[] rawBody, Instant receivedAt) {
        return enqueue(rawBody, Map.of(), receivedAt);
    }

    /**
     * Stores the body with some of its request headers (the endpoint picks which: the signature headers, so the
     * worker can run {@code WebhookIntake.accept(body.body(), body::header)} exactly as the endpoint did). Headers
     * are stored as given: never pass one that carries a secret.
     *
     * @return the body's queue id
     * @throws StoreException when it could not be stored (answer 5xx so that Mist delivers it again)
     */
    public long enqueue(byte[] rawBody, Map<String, String> headers, Instant receivedAt) {
        Objects.requireNonNull(rawBody, "rawBody");
        String headersJson = HEADERS.valueToTree(lowerCaseNames(Objects.requireNonNull(headers, "headers"))).toString();
        String at = InstantText.of(Objects.requireNonNull(receivedAt, "receivedAt"));
        return db.writeFlushed(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO intake_queue (body, headers_json, received_at,"
                    + " deliveries) VALUES (?, ?, ?, 0) RETURNING id")) {
                p.setBytes(1, rawBody);
                p.setString(2, headersJson);
                p.setString(3, at);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        throw new SQLException("insert returned no id");
                    }
                    return r.getLong(1);
                }
            }
        });
    }

    /**
     * The oldest body not claimed in this process, now claimed by the caller until {@link #markDone} or
     * {@link #release}; empty when there is none.
     *
     * @throws StoreCorruptException when the oldest row cannot be read (edited by hand); it names the row, which is
     *                               then skipped by this process so that the bodies behind it are handed out
     */
    public synchronized Optional<QueuedBody> claimNext() {
        Set<Long> skip = Set.copyOf(claimed);
        Optional<QueuedBody> next;
        try {
            next = db.write(c -> claimOldest(c, skip));
        } catch (CorruptRow e) {
            // kept aside for this process, so the bodies behind it still flow; the row stays for the operator
            claimed.add(e.id);
            throw e.corruption;
        }
        next.ifPresent(b -> claimed.add(b.id()));
        return next;
    }

    /** Reads the oldest row not in {@code skip} and counts the delivery, in the caller's transaction. */
    private static Optional<QueuedBody> claimOldest(Connection c, Set<Long> skip) throws SQLException {
        StringBuilder sql = new StringBuilder(
                "SELECT id, body, headers_json, received_at, deliveries FROM intake_queue");
        if (!skip.isEmpty()) {
            sql.append(" WHERE id NOT IN (").append("?,".repeat(skip.size() - 1)).append("?)");
        }
        sql.append(" ORDER BY id LIMIT 1");
        QueuedBody found;
        try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (long id : skip) {
                p.setLong(i++, id);
            }
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.<QueuedBody>empty();
                }
                long id = r.getLong(1);
                String where = "intake_queue row " + id;
                try {
                    found = new QueuedBody(id, r.getBytes(2), headers(r.getString(3), where),
                            InstantText.parse(r.getString(4), where), r.getInt(5) + 1);
                } catch (StoreCorruptException e) {
                    throw new CorruptRow(id, e);
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE intake_queue SET deliveries = ? WHERE id = ?")) {
            p.setInt(1, found.delivery());
            p.setLong(2, found.id());
            p.executeUpdate();
        }
        return Optional.of(found);
    }

    /** Carries the id of an unreadable row out of the transaction. */
    private static final class CorruptRow extends RuntimeException {
        private final long id;
        private final StoreCorruptException corruption;

        CorruptRow(long id, StoreCorruptException corruption) {
            super(corruption.getMessage(), null, false, false);
            this.id = id;
            this.corruption = corruption;
        }
    }

    /**
     * Removes a handled body for good (after the flow accepted all its events, or after it was found unusable).
     *
     * @return false when no such body was queued (already done)
     */
    public boolean markDone(long id) {
        boolean removed = db.write(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM intake_queue WHERE id = ?")) {
                p.setLong(1, id);
                return p.executeUpdate() == 1;
            }
        });
        synchronized (this) {
            claimed.remove(id);
        }
        return removed;
    }

    /** Gives a claimed body back, to be handed out again (e.g. the worker is stopping before handling it). */
    public synchronized void release(long id) {
        claimed.remove(id);
    }

    static Map<String, String> lowerCaseNames(Map<String, String> headers) {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, name)));
        return Collections.unmodifiableMap(lower);
    }

    private static Map<String, String> headers(String json, String where) {
        try {
            return HEADERS.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JacksonException | IllegalArgumentException e) {
            throw new StoreCorruptException(where + ": headers are not a JSON object of strings", e);
        }
    }

    /** Bodies stored and not yet done, claimed ones included: the backlog {@code /health} reports. */
    public long depth() {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM intake_queue");
                 ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
