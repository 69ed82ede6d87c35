package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.EventSummary;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.audit.PortChange;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.guard.Decision;
import io.jenkins.plugins.mesa.guard.Dedup;
import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects the decisions and changes made for one event and turns them into its audit record. */
final class AuditTrail {
    private final ApEvent event;
    private final Instant receivedAt;
    private final List<Decision> decisions = new ArrayList<>();
    private final List<PortChange> changes = new ArrayList<>();
    private boolean transientFailure;

    AuditTrail(ApEvent event, Instant receivedAt) {
        this.event = event;
        this.receivedAt = receivedAt;
    }

    /** Records the decision and returns it, so a stage reads {@code if (trail.add(guard.x()).stops())}. */
    Decision add(Decision d) {
        decisions.add(d);
        return d;
    }

    void add(PortChange c) {
        changes.add(c);
    }

    /** Marks the failure as one that may go away by itself (Mist unreachable, switch lock held, no LLDP data yet). */
    void failedTransiently() {
        transientFailure = true;
    }

    /**
     * Worth another attempt: the failure was transient and nothing was changed in this attempt (after a partial
     * success the registry has moved on, so a redo would not redo the same thing).
     */
    boolean worthRetrying() {
        return transientFailure && changes.stream().noneMatch(c -> !c.result().failed());
    }

    /** Changed if any change changed something, failed if any failed, unchanged otherwise. */
    Outcome outcomeOfChanges() {
        if (changes.stream().anyMatch(c -> c.result().failed())) {
            return Outcome.FAILED;
        }
        return changes.stream().anyMatch(c -> c.result().outcome() == ChangeResult.Outcome.CHANGED)
                ? Outcome.CHANGED : Outcome.UNCHANGED;
    }

    AuditRecord finish(Outcome outcome, String reason, Instant decidedAt) {
        return new AuditRecord(recordId(outcome), EventSummary.of(event, receivedAt), List.of(), decisions, changes,
                outcome, reason, decidedAt);
    }

    /**
     * One record per accepted delivery: the event key plus the receive time, so that a redo after a crash
     * maps to the same record while a delivery handled again after the dedup window gets its own.
     */
    private String recordId(Outcome outcome) {
        String id = Dedup.key(event) + "@" + receivedAt.toEpochMilli();
        return outcome == Outcome.DUPLICATE ? id + "|duplicate" : id;
    }
}
