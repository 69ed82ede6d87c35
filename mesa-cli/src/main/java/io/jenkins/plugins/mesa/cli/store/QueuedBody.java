package io.jenkins.plugins.mesa.cli.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook body waiting in the {@link EventQueue}, as {@link EventQueue#claimNext()} hands it out.
 *
 * @param id         the queue's id (increasing in arrival order)
 * @param body       the raw body exactly as received (its signature was checked before it was queued)
 * @param headers    the request headers queued with it (names in lower case), e.g. the signature, so that the
 *                   worker can hand body and headers to {@code WebhookIntake.accept} exactly as the endpoint did
 * @param receivedAt when the endpoint received it
 * @param delivery   1 the first time the body is handed out, 2 after one process died with it claimed, and so on:
 *                   a body that keeps coming back can be set aside instead of taking the worker down every time
 */
public record QueuedBody(long id, byte[] body, Map<String, String> headers, Instant receivedAt, int delivery) {
    public QueuedBody {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
        body = body.clone();
        headers = EventQueue.lowerCaseNames(headers == null ? Map.of() : headers);
    }

    /** A queued header by name, any case; null when it was not queued (the shape {@code WebhookIntake.accept} takes). */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Equal when the queue ids are (the body is an array, compared by identity in a plain record). */
    @Override
    public boolean equals(Object o) {
        return o instanceof QueuedBody q && q.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    /** Id, size and times only: the body may be large. */
    @Override
    public String toString() {
        return "QueuedBody[id=" + id + ", " + body.length + " bytes, headers=" + headers.keySet() + ", receivedAt=" + receivedAt + ", delivery="
                + delivery + "]";
    }
}
