package io.jenkins.plugins.mesa.cli.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real kill -9: a child JVM writes to the queue and is killed with SIGKILL in the middle of enqueueing. Every body
 * whose {@code enqueue} had returned (the endpoint would have answered 2xx) is there after the restart, the body it
 * held claimed comes back, and the one it had marked done does not.
 */
class KilledProcessTest {
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;

    @TempDir
    Path dir;

    @Test
    void sigkillMidEnqueueLosesNoAcknowledgedBodyAndRepeatsNoDoneOne() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                QueueWriterProcess.class.getName(), TempStore.url(dir))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long done = -1;
        long claimed = -1;
        List<Long> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
            String line;
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && (line = out.readLine()) != null) {
                if (line.startsWith(QueueWriterProcess.DONE)) {
                    done = Long.parseLong(line.substring(QueueWriterProcess.DONE.length()));
                } else if (line.startsWith(QueueWriterProcess.CLAIMED)) {
                    claimed = Long.parseLong(line.substring(QueueWriterProcess.CLAIMED.length()));
                } else if (line.startsWith(QueueWriterProcess.ENQUEUED)) {
                    acknowledged.add(Long.parseLong(line.substring(QueueWriterProcess.ENQUEUED.length())));
                }
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child killed").isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged).as("child got going").hasSize(ACKNOWLEDGED_BEFORE_KILL);
        assertThat(child.exitValue()).as("killed, not finished").isNotZero();

        try (SqliteStore restarted = TempStore.open(dir)) {
            EventQueue q = restarted.queue();
            Set<Long> handedOut = new HashSet<>();
            QueuedBody first = q.claimNext().orElseThrow();
            assertThat(first.id()).isEqualTo(claimed);
            assertThat(first.body()).isEqualTo("second".getBytes(UTF_8));
            assertThat(first.delivery()).isEqualTo(2);
            handedOut.add(first.id());
            for (int i = 0; i <= QueueWriterProcess.MAX_BODIES + 2; i++) { // bounded: a queue bug must not hang
                var next = q.claimNext();
                if (next.isEmpty()) {
                    break;
                }
                assertThat(handedOut.add(next.get().id())).as("handed out once: %s", next.get()).isTrue();
            }
            assertThat(handedOut).containsAll(acknowledged).doesNotContain(done);
            assertThat(q.depth()).isEqualTo(handedOut.size());
        }
    }
}
