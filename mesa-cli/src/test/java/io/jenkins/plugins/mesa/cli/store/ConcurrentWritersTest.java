package io.jenkins.plugins.mesa.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.flow.PortAssignment;
import io.jenkins.plugins.mesa.guard.SiteDisconnect;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several threads writing and claiming at once: nothing lost, nothing handed out twice. */
class ConcurrentWritersTest {
    private static final int THREADS = 4;
    private static final int PER_THREAD = 15;
    /** Fewer across two connections: a waiting SQLite connection backs off in sleeps of up to 100 ms. */
    private static final int ACROSS_CONNECTIONS = 5;
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path dir;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    private List<Future<?>> onEveryThread(ThreadBody body) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                body.run(thread);
                return null;
            }));
        }
        start.countDown();
        return done;
    }

    @FunctionalInterface
    private interface ThreadBody {
        void run(int thread) throws Exception;
    }

    @Test
    void twoConnectionsOnOneFileWaitForEachOtherInsteadOfFailing() throws Exception {
        try (SqliteStore a = TempStore.open(dir); SqliteStore b = TempStore.open(dir)) {
            for (Future<?> f : onEveryThread(thread -> {
                SqliteStore mine = thread % 2 == 0 ? a : b;
                for (int i = 0; i < ACROSS_CONNECTIONS; i++) {
                    // read-then-write transactions from both connections: the classic SQLITE_BUSY upgrade deadlock
                    mine.queue().enqueue(new byte[] {(byte) thread}, T0);
                    mine.queue().claimNext().ifPresent(q -> mine.queue().release(q.id()));
                    mine.stores().outages().recordDisconnect(new SiteDisconnect(
                            "site-1", MacAddress.parse("5c5b350e0001"), "e-" + thread + "-" + i, T0));
                }
            })) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(a.queue().depth()).isEqualTo(THREADS * ACROSS_CONNECTIONS);
            assertThat(b.stores().outages().disconnects("site-1", T0)).hasSize(THREADS * ACROSS_CONNECTIONS);
        }
    }

    @Test
    void concurrentWritesAllLandAndEachQueuedBodyIsClaimedByExactlyOneThread() throws Exception {
        try (SqliteStore store = TempStore.open(dir)) {
            Set<Long> ids = ConcurrentHashMap.newKeySet();
            for (Future<?> f : onEveryThread(thread -> {
                for (int i = 0; i < PER_THREAD; i++) {
                    int n = thread * PER_THREAD + i;
                    ids.add(store.queue().enqueue(new byte[] {(byte) thread, (byte) i}, T0));
                    store.stores().registry().put(new PortAssignment(
                            MacAddress.parse(String.format("5c5b350e%04x", n)), "", "site-1",
                            new SwitchPort("ex-" + thread, null, InterfaceName.parse("ge-0/0/" + i)), "ap", T0));
                    store.stores().dedup().remember("key-" + n, T0);
                }
            })) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(ids).hasSize(THREADS * PER_THREAD);
            assertThat(store.queue().depth()).isEqualTo(THREADS * PER_THREAD);
            for (int t = 0; t < THREADS; t++) {
                for (int i = 0; i < PER_THREAD; i++) {
                    assertThat(store.stores().registry().atPort("ex-" + t, InterfaceName.parse("ge-0/0/" + i)))
                            .hasSize(1);
                    assertThat(store.stores().dedup().firstSeen("key-" + (t * PER_THREAD + i))).contains(T0);
                }
            }

            Set<Long> claimed = ConcurrentHashMap.newKeySet();
            List<Long> duplicates = new ArrayList<>();
            for (Future<?> f : onEveryThread(thread -> {
                for (var b = store.queue().claimNext(); b.isPresent(); b = store.queue().claimNext()) {
                    if (!claimed.add(b.get().id())) {
                        synchronized (duplicates) {
                            duplicates.add(b.get().id());
                        }
                    }
                    store.queue().markDone(b.get().id());
                }
            })) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(duplicates).isEmpty();
            assertThat(claimed).isEqualTo(ids);
            assertThat(store.queue().depth()).isZero();
        }
    }
}
