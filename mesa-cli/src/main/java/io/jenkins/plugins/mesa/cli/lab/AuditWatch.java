package io.jenkins.plugins.mesa.cli.lab;

import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.EventSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every audit record the lab's engine writes, in order, so the scenario can wait (on a monitor, bounded) until
 * the events it sent have their records, and print them.
 */
final class AuditWatch implements Consumer<AuditRecord> {
    private final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized void accept(AuditRecord r) {
        records.add(r);
        notifyAll();
    }

    /** A position to wait and read from. */
    synchronized int mark() {
        return records.size();
    }

    synchronized List<AuditRecord> since(int mark) {
        return List.copyOf(records.subList(mark, records.size()));
    }

    synchronized List<AuditRecord> all() {
        return List.copyOf(records);
    }

    /**
     * Waits until each event id has a record written after {@code mark} (as the record's event or one it
     * coalesces). Returns the ids still without one when {@code timeout} ran out (empty: all there).
     */
    synchronized Set<String> await(Collection<String> eventIds, int mark, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> missing = missing(eventIds, mark);
        while (!missing.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return missing;
            }
            wait(Math.max(1, left / 1_000_000));
            missing = missing(eventIds, mark);
        }
        return missing;
    }

    private Set<String> missing(Collection<String> eventIds, int mark) {
        Set<String> left = new HashSet<>(eventIds);
        for (AuditRecord r : records.subList(mark, records.size())) {
            left.remove(r.event().eventId());
            for (EventSummary c : r.coalesced()) {
                left.remove(c.eventId());
            }
        }
        return left;
    }
}
