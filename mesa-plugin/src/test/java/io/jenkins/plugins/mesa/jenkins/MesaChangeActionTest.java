package io.jenkins.plugins.mesa.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run's audit record: what it keeps, and the outcome it reports. */
class MesaChangeActionTest {

    @Test
    void anApThatMovedRecordsBothChangesAndTheRunChanged() {
        MesaChangeAction audit = new MesaChangeAction();

        audit.addChange("junos", "ex-lobby ge-0/0/3", "secured", "UNCHANGED", "", "", "");
        audit.addChange("junos", "ex-lobby ge-0/0/7", "ap", "CHANGED", "[edit interfaces]", "commit 7", "");

        assertThat(audit.getChanges())
                .extracting(MesaChangeAction.Change::getTarget)
                .containsExactly("ex-lobby ge-0/0/3", "ex-lobby ge-0/0/7");
        assertThat(audit.getOutcome()).isEqualTo("CHANGED");
        assertThat(audit.getReason()).isEmpty();
    }

    @Test
    void aFailedChangeMakesTheRunFailedWithItsReason() {
        MesaChangeAction audit = new MesaChangeAction();

        audit.addChange("junos", "ex-lobby ge-0/0/3", "ap", "CHANGED", "", "commit 1", "");
        audit.addChange(
                "junos",
                "ex-lobby ge-0/0/7",
                "ap",
                "FAILED",
                "",
                "",
                "failed at COMMIT_CHECK, switch left UNCHANGED: bad vlan");

        assertThat(audit.getOutcome()).isEqualTo("FAILED");
        assertThat(audit.getReason()).contains("COMMIT_CHECK");
    }

    @Test
    void withoutAChangeTheGuardThatStoppedTheRunIsTheOutcome() {
        MesaChangeAction outage = new MesaChangeAction();
        outage.addDecision("mistCheckOutage", "outage", "6 of 10 APs down", Map.of("disconnected", 6));
        MesaChangeAction stillPlugged = new MesaChangeAction();
        stillPlugged.addDecision("mistCheckOutage", "no-outage", "1 of 10", Map.of());
        stillPlugged.addDecision("mistValidateLldp", "ap-present", "neighbour is the AP", Map.of());
        MesaChangeAction coalesced = new MesaChangeAction();
        coalesced.setEvent(Map.of("type", MistEventCause.SITE_OUTAGE, "coalescedAps", List.of("a", "b")));

        assertThat(outage.getOutcome()).isEqualTo("SKIPPED_OUTAGE");
        assertThat(stillPlugged.getOutcome()).isEqualTo("SKIPPED_LLDP");
        assertThat(coalesced.getOutcome()).isEqualTo("SKIPPED_OUTAGE");
        assertThat(coalesced.getCoalescedAps()).containsExactly("a", "b");
        assertThat(new MesaChangeAction().getOutcome()).isEmpty();
    }

    @Test
    void decisionsKeepScalarFiguresAndNoForgedLines() {
        MesaChangeAction audit = new MesaChangeAction();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("disconnected", 2);
        figures.put("diff", "[edit]\n+ big");
        figures.put("timings", Map.of("COMMIT", 120));
        figures.put("outage", false);

        audit.addDecision("mistCheckOutage", "no-outage", "quiet\nERROR: forged line", figures);

        MesaChangeAction.Decision d = audit.getDecisions().get(0);
        assertThat(d.getFigures()).containsExactly("disconnected=2", "outage=false");
        assertThat(d.getExplanation()).doesNotContain("\n");
        assertThat(d.getAt()).isNotEmpty();
    }

    @Test
    void theEventComesFromAnEventMap() {
        MesaChangeAction audit = new MesaChangeAction();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", "ev-1");
        event.put("type", "AP_DISCONNECTED");
        event.put("apMac", "5c5b350e55c8");
        event.put("apName", "ap-lobby");
        event.put("siteName", "HQ");
        event.put("timestamp", 1_764_000_000L);

        audit.setEvent(event);

        assertThat(audit.getEventType()).isEqualTo("AP_DISCONNECTED");
        assertThat(audit.getEventTime()).isEqualTo("2025-11-24T16:00:00Z");
        assertThat(audit.getSiteName()).isEqualTo("HQ");
    }
}
