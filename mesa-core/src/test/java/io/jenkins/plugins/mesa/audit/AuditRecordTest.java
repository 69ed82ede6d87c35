package io.jenkins.plugins.mesa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.StageTiming;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.change.SwitchState;
import io.jenkins.plugins.mesa.guard.Decision;
import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditRecordTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final ApEvent EVENT = new ApEvent("ev-1", "AP_DISCONNECTED", MacAddress.parse("5c5b350e55c8"),
            "ap-lobby", "org-1", "site-1", "HQ", T0, "", "", "");
    private static final SwitchPort PORT =
            new SwitchPort("ex-1", MacAddress.parse("2c211c1cbeef"), InterfaceName.parse("ge-0/0/10"));

    private static AuditRecord changedRecord() {
        ChangeResult result = new ChangeResult(ChangeResult.Outcome.CHANGED, "junos",
                "[edit interfaces ge-0/0/10 unit 0 family ethernet-switching]\n-   interface-mode trunk;",
                "MESA AP_DISCONNECTED 5c5b350e55c8", "commit 42",
                List.of(new StageTiming(Stage.CONNECT, Duration.ofMillis(120)),
                        new StageTiming(Stage.COMMIT, Duration.ofMillis(880))),
                null, SwitchState.AFTER, "committed");
        List<Decision> decisions = List.of(
                Decision.proceed("hold-down", Decision.figures("holdDown", Duration.ofSeconds(60), "dueAt",
                        T0.plusSeconds(60)), "no AP_CONNECTED or AP_RESTARTED within the 60 s hold-down"),
                Decision.proceed("site-outage", Decision.figures("peakAps", 1, "siteApTotal", 40),
                        "no outage at HQ: 1 of 40 APs disconnected within 60 s"),
                Decision.proceed("lldp", Decision.figures("decidedBy", "mist-port-stats"),
                        "ex-1 ge-0/0/10 is down (mist-port-stats): the AP is gone"));
        return new AuditRecord("ev-1|AP_DISCONNECTED|5c5b350e55c8", EventSummary.of(EVENT, T0.plusSeconds(2)),
                List.of(), decisions, List.of(PortChange.of("secure", PORT, "junos", "secured", result)),
                Outcome.CHANGED, "", T0.plusSeconds(61));
    }

    @Test
    void roundTripsThroughJsonUnchanged() {
        AuditRecord r = changedRecord();
        String json = AuditJson.write(r);
        assertThat(AuditJson.read(json)).isEqualTo(r);
        // readable, stable field forms for other tools
        assertThat(json).contains("\"decidedAt\":\"2026-11-29T10:01:01Z\"")
                .contains("\"took\":\"PT0.88S\"")
                .contains("\"outcome\":\"CHANGED\"")
                .contains("\"figures\":{\"holdDown\":\"PT1M\",\"dueAt\":\"2026-11-29T10:01:00Z\"}")
                .contains("\"apMac\":\"5c5b350e55c8\"");
    }

    @Test
    void figuresKeepTheirOrderThroughJson() {
        AuditRecord back = AuditJson.read(AuditJson.write(changedRecord()));
        assertThat(back.decisions().get(0).figures().keySet()).containsExactly("holdDown", "dueAt");
    }

    @Test
    void aCoalescedOutageRecordRoundTripsToo() {
        EventSummary first = EventSummary.of(EVENT, T0);
        EventSummary second = new EventSummary("ev-2", "AP_DISCONNECTED", "5c5b350e55c9", "", "org-1", "site-1",
                "HQ", T0.plusSeconds(2), T0.plusSeconds(2));
        AuditRecord r = new AuditRecord("outage|site-1|" + T0, first, List.of(second),
                List.of(Decision.stop("site-outage", Decision.figures("burstAps", 2), "site outage at HQ: 2 of 3 APs"
                        + " disconnected between a and b, no change to 2 ports")),
                List.of(), Outcome.SKIPPED_OUTAGE, "site-outage", T0.plusSeconds(80));
        assertThat(AuditJson.read(AuditJson.write(r))).isEqualTo(r);
        assertThat(r.explain()).contains("and 1 more disconnect of the same burst (5c5b350e55c9)");
    }

    @Test
    void explainsInOneParagraph() {
        assertThat(changedRecord().explain()).isEqualTo(
                "AP_DISCONNECTED of AP ap-lobby (5c5b350e55c8) at site HQ at 2026-11-29T10:00:00Z (event ev-1)."
                        + " Hold-down: no AP_CONNECTED or AP_RESTARTED within the 60 s hold-down."
                        + " Site-outage: no outage at HQ: 1 of 40 APs disconnected within 60 s."
                        + " LLDP: ex-1 ge-0/0/10 is down (mist-port-stats): the AP is gone."
                        + " Changed ex-1 ge-0/0/10 to profile secured via junos (ref commit 42) in 1000 ms."
                        + " Outcome: changed.");
        assertThat(changedRecord().explain()).doesNotContain("\n");
    }

    @Test
    void unreadableJsonIsATypedError() {
        assertThatThrownBy(() -> AuditJson.read("{\"id\": 3")).isInstanceOf(AuditFormatException.class)
                .hasMessageStartingWith("not an audit record")
                .satisfies(e -> assertThat(((AuditFormatException) e).reason()).isEqualTo("bad-audit-record"));
    }
}
