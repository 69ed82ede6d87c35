package io.jenkins.plugins.mesa.cli.serve;

import io.jenkins.plugins.mesa.audit.AuditRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Audit records as the engine reports them; tests wait on the monitor (bounded), never sleep. */
final class Records implements Consumer<AuditRecord> {
    private final List<AuditRecord> seen = new ArrayList<>();

    @Override
    public synchronized void accept(AuditRecord r) {
        seen.add(r);
        notifyAll();
    }

    synchronized AuditRecord await(Predicate<AuditRecord> which, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (AuditRecord r : seen) {
                if (which.test(r)) {
                    return r;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no such audit record within " + timeout + "; seen: " + seen);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized List<AuditRecord> all() {
        return List.copyOf(seen);
    }
}
