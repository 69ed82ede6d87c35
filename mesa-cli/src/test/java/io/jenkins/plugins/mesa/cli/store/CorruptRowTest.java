package io.jenkins.plugins.mesa.cli.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.audit.AuditFormatException;
import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.EventSummary;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.flow.PendingEvent;
import io.jenkins.plugins.mesa.mist.ApEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A row damaged behind MESA's back is reported as a typed error naming the row; the other rows stay readable. */
class CorruptRowTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final MacAddress AP = MacAddress.parse("5c5b350e55c8");

    @TempDir
    Path dir;

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(TempStore.url(dir)); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static AuditRecord record(String id, Instant at) {
        ApEvent e = new ApEvent(id, "AP_CONNECTED", AP, "", "org", "site", "", T0, "", "", "");
        return new AuditRecord(id, EventSummary.of(e, T0), List.of(), List.of(), List.of(), Outcome.CHANGED, "", at);
    }

    @Test
    void malformedAuditJsonIsATypedErrorNamingTheRow() throws SQLException {
        try (SqliteStore store = TempStore.open(dir)) {
            store.audit().append(record("good", T0));
            store.audit().append(record("bad", T0.plusSeconds(1)));
        }
        execute("UPDATE audit_record SET record_json = '{\"id\": \"bad\", \"outcome\": ' WHERE id = 'bad'");

        try (SqliteStore store = TempStore.open(dir)) {
            assertThatThrownBy(() -> store.audit().find("bad"))
                    .isInstanceOfSatisfying(AuditFormatException.class,
                            e -> assertThat(e.reason()).isEqualTo("bad-audit-record"))
                    .hasMessageContaining("\"bad\"");
            assertThatThrownBy(() -> store.audit().recent(10)).isInstanceOf(AuditFormatException.class);
            assertThat(store.audit().find("good")).isPresent();
            assertThat(store.audit().since(T0, 1)).extracting(AuditRecord::id).containsExactly("good");
        }
    }

    @Test
    void auditJsonThatIsNotARecordIsATypedErrorToo() throws SQLException {
        try (SqliteStore store = TempStore.open(dir)) {
            store.audit().append(record("r", T0));
        }
        execute("UPDATE audit_record SET record_json = '[1, 2]'");
        try (SqliteStore store = TempStore.open(dir)) {
            assertThatThrownBy(() -> store.audit().find("r")).isInstanceOf(AuditFormatException.class);
        }
    }

    @Test
    void anUnreadableQueuedBodyIsReportedOnceAndDoesNotBlockTheBodiesBehindIt() throws SQLException {
        long bad;
        long good;
        try (SqliteStore store = TempStore.open(dir)) {
            bad = store.queue().enqueue(new byte[] {1}, T0);
            good = store.queue().enqueue(new byte[] {2}, T0);
        }
        execute("UPDATE intake_queue SET received_at = 'last tuesday' WHERE id = " + bad);
        try (SqliteStore store = TempStore.open(dir)) {
            EventQueue q = store.queue();
            assertThatThrownBy(q::claimNext).isInstanceOf(StoreCorruptException.class)
                    .hasMessageContaining("intake_queue row " + bad);
            assertThat(q.claimNext()).get().extracting(QueuedBody::id).isEqualTo(good);
            assertThat(q.markDone(good)).isTrue();
            assertThat(q.claimNext()).isEmpty();
            assertThat(q.depth()).as("left for the operator").isEqualTo(1);
        }
    }

    @Test
    void aDamagedPendingEventIsATypedErrorNamingTheAp() throws SQLException {
        ApEvent e = new ApEvent("ev-1", "AP_DISCONNECTED", AP, "", "org", "site", "", T0, "", "", "");
        try (SqliteStore store = TempStore.open(dir)) {
            store.stores().pending().put(new PendingEvent(e, T0, T0.plusSeconds(60)));
        }
        execute("UPDATE pending_event SET event_json = '{\"eventId\": \"ev-1\", \"type\": \"AP_EXPLODED\"}'");
        try (SqliteStore store = TempStore.open(dir)) {
            assertThatThrownBy(() -> store.stores().pending().all())
                    .isInstanceOfSatisfying(StoreCorruptException.class,
                            ex -> assertThat(ex.reason()).isEqualTo("store-corrupt"))
                    .hasMessageContaining("pending_event").hasMessageContaining("5c5b350e55c8");
        }
        execute("UPDATE pending_event SET event_json = 'not json', due_at = 'yesterday'");
        try (SqliteStore store = TempStore.open(dir)) {
            assertThatThrownBy(() -> store.stores().pending().forAp(AP)).isInstanceOf(StoreCorruptException.class);
        }
    }
}
