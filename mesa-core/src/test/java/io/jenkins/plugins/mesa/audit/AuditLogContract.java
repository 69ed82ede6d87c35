package io.jenkins.plugins.mesa.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} must do; a durable implementation extends this and supplies its store. */
public abstract class AuditLogContract {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    protected abstract AuditLog store();

    private static AuditRecord record(String id, Outcome outcome, Instant decidedAt) {
        ApEvent e = new ApEvent(id, "AP_DISCONNECTED", MacAddress.parse("5c5b350e55c8"), "", "org", "site", "", T0,
                "", "", "");
        return new AuditRecord(id, EventSummary.of(e, T0), List.of(), List.of(), List.of(), outcome, "", decidedAt);
    }

    @Test
    void recentListsNewestFirstAndTheFirstRecordOfAnIdWins() {
        AuditLog log = store();
        AuditRecord a = record("a", Outcome.CHANGED, T0.plusSeconds(1));
        AuditRecord b = record("b", Outcome.UNCHANGED, T0.plusSeconds(5));
        log.append(a);
        log.append(b);
        log.append(record("a", Outcome.UNCHANGED, T0.plusSeconds(9))); // the step redone after a crash
        assertThat(log.recent(10)).containsExactly(b, a);
        assertThat(log.recent(1)).containsExactly(b);
        assertThat(log.recent(0)).isEmpty();
        assertThat(log.find("a")).contains(a);
        assertThat(log.find("zzz")).isEmpty();
    }
}
