package io.jenkins.plugins.mesa.cli.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intake queue: what is stored before the 2xx comes back after any crash, and what is done never does. */
class EventQueueTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00.123456789Z");

    @TempDir
    Path dir;

    private static byte[] body(String s) {
        return ("{\"topic\":\"device-events\",\"n\":\"" + s + "\"}").getBytes(UTF_8);
    }

    @Test
    void handsOutBodiesOnceEachInArrivalOrderExactlyAsReceived() {
        byte[] notUtf8 = {(byte) 0xff, 0, (byte) 0xfe, '{'};
        try (SqliteStore store = TempStore.open(dir)) {
            EventQueue q = store.queue();
            long a = q.enqueue(body("a"), Map.of("X-Mist-Signature-v2", "9f86d0"), T0);
            long b = q.enqueue(notUtf8, T0.plusSeconds(1));
            assertThat(b).isGreaterThan(a);
            assertThat(q.depth()).isEqualTo(2);

            QueuedBody first = q.claimNext().orElseThrow();
            QueuedBody second = q.claimNext().orElseThrow();
            assertThat(q.claimNext()).isEmpty(); // both claimed: nobody else gets them
            assertThat(first.id()).isEqualTo(a);
            assertThat(first.body()).isEqualTo(body("a"));
            assertThat(first.receivedAt()).isEqualTo(T0);
            assertThat(first.header("x-mist-signature-V2")).isEqualTo("9f86d0");
            assertThat(first.header("X-Mist-Signature")).isNull();
            assertThat(second.headers()).isEmpty();
            assertThat(first.delivery()).isEqualTo(1);
            assertThat(second.body()).isEqualTo(notUtf8);

            assertThat(q.markDone(a)).isTrue();
            assertThat(q.markDone(a)).isFalse();
            assertThat(q.depth()).isEqualTo(1);
            q.release(b); // the worker gives it back unhandled
            assertThat(q.claimNext()).get().extracting(QueuedBody::id, QueuedBody::delivery).containsExactly(b, 2);
        }
    }

    @Test
    void aProcessThatDiesWithABodyClaimedLosesNothingAndRepeatsNothingDone() {
        long done;
        long claimedWhenKilled;
        long waiting;
        SqliteStore first = TempStore.open(dir);
        EventQueue q = first.queue();
        done = q.enqueue(body("done"), T0);
        claimedWhenKilled = q.enqueue(body("in-hand"), T0.plusSeconds(1));
        waiting = q.enqueue(body("waiting"), T0.plusSeconds(2));
        q.markDone(q.claimNext().orElseThrow().id());
        assertThat(q.claimNext()).get().extracting(QueuedBody::id).isEqualTo(claimedWhenKilled);
        // "kill -9": the first process never marks its claim done and never closes cleanly; a new process opens
        // the same file while the old connection is still there
        try (SqliteStore second = TempStore.open(dir)) {
            EventQueue restarted = second.queue();
            assertThat(restarted.depth()).isEqualTo(2);
            QueuedBody again = restarted.claimNext().orElseThrow();
            assertThat(again.id()).isEqualTo(claimedWhenKilled);
            assertThat(again.body()).isEqualTo(body("in-hand"));
            assertThat(again.delivery()).isEqualTo(2);
            assertThat(restarted.claimNext()).get().extracting(QueuedBody::id).isEqualTo(waiting);
            assertThat(restarted.claimNext()).isEmpty();
            assertThat(done).isLessThan(claimedWhenKilled);
        } finally {
            first.close();
        }
    }

    @Test
    void aQueuedBodySurvivesACleanRestartAndDepthCountsIt() {
        try (SqliteStore store = TempStore.open(dir)) {
            store.queue().enqueue(body("x"), T0);
        }
        try (SqliteStore store = TempStore.open(dir)) {
            assertThat(store.queue().depth()).isEqualTo(1);
            QueuedBody b = store.queue().claimNext().orElseThrow();
            assertThat(b.body()).isEqualTo(body("x"));
            assertThat(b.delivery()).isEqualTo(1); // never handed out before the restart
        }
    }
}
