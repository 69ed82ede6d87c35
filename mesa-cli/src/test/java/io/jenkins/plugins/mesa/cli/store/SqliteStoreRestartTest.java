package io.jenkins.plugins.mesa.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.EventSummary;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.audit.PortChange;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.StageTiming;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.change.SwitchState;
import io.jenkins.plugins.mesa.flow.FlowStores;
import io.jenkins.plugins.mesa.flow.HeldDisconnect;
import io.jenkins.plugins.mesa.flow.PendingEvent;
import io.jenkins.plugins.mesa.flow.PortAssignment;
import io.jenkins.plugins.mesa.guard.Decision;
import io.jenkins.plugins.mesa.guard.SiteDisconnect;
import io.jenkins.plugins.mesa.mist.ApEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything the flow stores is there, equal to what was written, after the process stops and starts again. */
class SqliteStoreRestartTest {
    // sub-millisecond parts on purpose: a host clock has them, and a pending item must read back equal
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00.123456789Z");
    private static final MacAddress AP = MacAddress.parse("5c:5b:35:0e:55:c8");
    private static final MacAddress AP2 = MacAddress.parse("5c5b350e0002");
    private static final SwitchPort PORT =
            new SwitchPort("ex-1", MacAddress.parse("2c211c1cbeef"), InterfaceName.parse("ge-0/0/10"));
    private static final ApEvent DISCONNECT = new ApEvent("audit-7:AP_DISCONNECTED:5c5b350e55c8", "AP_DISCONNECTED",
            AP, "ap-lobby \"east\"", "org-1", "site-1", "HQ", T0.minusSeconds(3), "audit-7", "lost heartbeat",
            "AP ap-lobby disconnected\nline 2");

    @TempDir
    Path dir;

    private static AuditRecord changedRecord() {
        ChangeResult result = new ChangeResult(ChangeResult.Outcome.CHANGED, "junos",
                "[edit interfaces ge-0/0/10]\n-   interface-mode trunk;", "MESA AP_DISCONNECTED 5c5b350e55c8",
                "commit 42", List.of(new StageTiming(Stage.CONNECT, Duration.ofMillis(120)),
                        new StageTiming(Stage.COMMIT, Duration.ofMillis(880))),
                null, SwitchState.AFTER, "committed");
        return new AuditRecord("rec-1", EventSummary.of(DISCONNECT, T0), List.of(),
                List.of(Decision.proceed("lldp", Decision.figures("decidedBy", "mist-port-stats"), "the AP is gone")),
                List.of(PortChange.of("secure", PORT, "junos", "secured", result)), Outcome.CHANGED, "",
                T0.plusSeconds(61));
    }

    @Test
    void everyStoreReadsBackEqualAfterARestart() {
        PortAssignment withMac = new PortAssignment(AP, "ap-lobby", "site-1", PORT, "ap", T0);
        PortAssignment withoutMac = new PortAssignment(AP2, "", "",
                new SwitchPort("ex-2", null, InterfaceName.parse("mge-1/0/47")), "secured", T0.plusNanos(1));
        PendingEvent retrying = new PendingEvent(DISCONNECT, T0, T0.plusSeconds(60)).retry(T0.plusSeconds(90),
                "mist-unreachable");
        HeldDisconnect held = new HeldDisconnect(DISCONNECT, T0, T0.plusSeconds(60), 40);
        SiteDisconnect gone = new SiteDisconnect("site-1", AP, DISCONNECT.eventId(), T0.minusSeconds(3));
        AuditRecord record = changedRecord();

        try (SqliteStore store = TempStore.open(dir)) {
            FlowStores s = store.stores();
            s.registry().put(withMac);
            s.registry().put(withoutMac);
            s.pending().put(retrying);
            s.dedup().remember("k|AP_DISCONNECTED|5c5b350e55c8", T0);
            s.outages().recordDisconnect(gone);
            s.outages().hold(held);
            s.audit().append(record);
        }

        try (SqliteStore store = TempStore.open(dir)) {
            FlowStores s = store.stores();
            assertThat(s.registry().find(AP)).contains(withMac);
            assertThat(s.registry().find(AP2)).contains(withoutMac);
            assertThat(s.registry().atPort("ex-2", InterfaceName.parse("mge-1/0/47"))).containsExactly(withoutMac);
            assertThat(s.pending().all()).containsExactly(retrying);
            assertThat(s.pending().forAp(AP)).get().satisfies(p -> {
                assertThat(p.attempt()).isEqualTo(1);
                assertThat(p.lastFailure()).isEqualTo("mist-unreachable");
                assertThat(p.event()).isEqualTo(DISCONNECT);
            });
            assertThat(s.dedup().firstSeen("k|AP_DISCONNECTED|5c5b350e55c8")).contains(T0);
            assertThat(s.outages().disconnects("site-1", T0.minusSeconds(60))).containsExactly(gone);
            assertThat(s.outages().held()).containsExactly(held);
            assertThat(s.audit().find("rec-1")).contains(record);
            assertThat(s.audit().recent(5)).containsExactly(record);
        }
    }

    @Test
    void theAuditQueryListsRecordsSinceATimeOldestFirst() {
        AuditRecord base = changedRecord();
        try (SqliteStore store = TempStore.open(dir)) {
            for (int i = 0; i < 5; i++) {
                store.audit().append(new AuditRecord("r" + i, base.event(), List.of(), List.of(), List.of(),
                        i % 2 == 0 ? Outcome.CHANGED : Outcome.SKIPPED_OUTAGE, "", T0.plusSeconds(10L * i)));
            }
        }
        try (SqliteStore store = TempStore.open(dir)) {
            assertThat(store.audit().since(T0.plusSeconds(20), 100)).extracting(AuditRecord::id)
                    .containsExactly("r2", "r3", "r4");
            assertThat(store.audit().since(T0.plusSeconds(20), 2)).extracting(AuditRecord::id)
                    .containsExactly("r2", "r3");
            assertThat(store.audit().since(T0.plusSeconds(41), 100)).isEmpty();
            assertThat(store.stores().audit()).isSameAs(store.audit());
        }
    }
}
