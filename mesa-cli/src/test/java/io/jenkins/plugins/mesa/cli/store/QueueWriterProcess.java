package io.jenkins.plugins.mesa.cli.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;

/**
 * The child process {@link KilledProcessTest} kills with SIGKILL: it marks one body done, holds a second claimed,
 * then enqueues bodies as fast as it can, printing each id once {@code enqueue} has returned (the moment an
 * endpoint would answer 2xx). Bounded, so a parent that fails to kill it does not leave it running for long.
 */
public final class QueueWriterProcess {
    static final String DONE = "done ";
    static final String CLAIMED = "claimed ";
    static final String ENQUEUED = "enqueued ";
    static final int MAX_BODIES = 3000;

    private QueueWriterProcess() {
    }

    public static void main(String[] args) {
        SqliteStore store = new SqliteStore(args[0]);
        EventQueue q = store.queue();
        Instant t = Instant.parse("2026-11-29T10:00:00Z");
        q.enqueue("first".getBytes(UTF_8), t);
        q.enqueue("second".getBytes(UTF_8), t);
        long done = q.claimNext().orElseThrow().id();
        q.markDone(done);
        System.out.println(DONE + done);
        System.out.println(CLAIMED + q.claimNext().orElseThrow().id());
        for (int i = 0; i < MAX_BODIES; i++) {
            long id = q.enqueue(("body-" + i).getBytes(UTF_8), t.plusMillis(i));
            System.out.println(ENQUEUED + id);
            System.out.flush();
        }
        store.close();
    }
}
