package io.jenkins.plugins.mesa.runtime;

import static io.jenkins.plugins.mesa.runtime.Lab.SW1_MAC;
import static io.jenkins.plugins.mesa.runtime.Lab.SW2_MAC;
import static io.jenkins.plugins.mesa.runtime.Lab.ap;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mesa.audit.AuditJson;
import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.flow.Disposition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event flow's scenarios (issue 5) end to end: signed Mist webhooks into a {@link MesaRuntime} built
 * from YAML, the real Mist client against the lab's simulated Mist cloud, the real Junos engine against
 * simulated EX switches over NETCONF/SSH. Asserts on the switches' running configuration and on the audit
 * records. Hold-down 60 s; outage at 5 APs or half the site within 60 s.
 */
class FlowScenarioTest {
    private final Lab lab = new Lab(40);
    private final MesaRuntime runtime = lab.runtime(null);

    @AfterEach
    void everyRecordRoundTripsThroughJsonAndExplainsItself() {
        try {
            for (AuditRecord r : runtime.audit().recent(10_000)) {
                assertThat(AuditJson.read(AuditJson.write(r))).isEqualTo(r);
                assertThat(r.explain()).doesNotContain("\n").contains("Outcome: " + r.outcome().text());
            }
        } finally {
            runtime.close();
            lab.close();
        }
    }

    /** AP n is cabled to {@code port} of {@code switchMac}, comes online and its port gets the AP profile. */
    private void online(int n, String switchMac, String port) {
        lab.plug(ap(n), switchMac, port);
        lab.deliver(runtime, "AP_CONNECTED", ap(n));
        assertThat(runtime.flow().runDue()).extracting(AuditRecord::outcome).containsExactly(Outcome.CHANGED);
    }

    private List<AuditRecord> runDueAfter(Duration d) {
        lab.advance(d);
        return runtime.flow().runDue();
    }

    @Test
    void outageOfTenApsInTwentySecondsAtAFortyApSiteGivesOneRecordAndNoReverts() {
        for (int n = 11; n <= 40; n++) {
            lab.plug(ap(n), n <= 20 ? SW1_MAC : SW2_MAC, "ge-0/0/" + ((n - 1) % 20));
        }
        for (int n = 1; n <= 10; n++) {
            online(n, SW1_MAC, "ge-0/0/" + (n - 1));
        }
        int commitsBefore = lab.sw1.commits().size();

        List<AuditRecord> written = new ArrayList<>();
        for (int n = 1; n <= 10; n++) { // the WAN flaps: APs lose the cloud, cables stay in
            lab.world.apLosesCloud(ap(n));
            lab.deliver(runtime, "AP_DISCONNECTED", ap(n));
            written.addAll(runDueAfter(Duration.ofSeconds(2)));
        }
        for (int i = 0; i < 5; i++) {
            written.addAll(runDueAfter(Duration.ofSeconds(30)));
        }

        assertThat(written).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED_OUTAGE);
            assertThat(r.coalesced()).hasSize(9);
            assertThat(r.explain()).contains("site outage at HQ: 10 of 40 APs disconnected", "no change to 10 ports");
        });
        assertThat(lab.sw1.commits()).hasSize(commitsBefore);
        for (int n = 1; n <= 10; n++) {
            assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/" + (n - 1))).isTrue();
        }
    }

    @Test
    void singleApUnpluggedAtAQuietSiteIsSecuredAfterTheHoldDown() {
        online(1, SW1_MAC, "ge-0/0/1");
        assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/1")).isTrue();

        lab.unplug(ap(1));
        lab.deliver(runtime, "AP_DISCONNECTED", ap(1));
        assertThat(runDueAfter(Duration.ofSeconds(59))).isEmpty();
        assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/1")).isTrue();

        List<AuditRecord> written = runDueAfter(Duration.ofSeconds(1));
        assertThat(Lab.isSecured(lab.sw1, "ge-0/0/1")).isTrue();
        assertThat(written).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.CHANGED);
            assertThat(r.explain()).contains("no outage at HQ: 1 of 40 APs", "the AP was last registered on sw-1 ge-0/0/1",
                    "sw-1 ge-0/0/1 is down (mist-port-stats): the AP is gone", "Changed sw-1 ge-0/0/1 to profile secured via junos");
        });
    }

    @Test
    void apStillOnLldpIsSkipped() {
        online(1, SW1_MAC, "ge-0/0/1");
        lab.world.apLosesCloud(ap(1));
        lab.deliver(runtime, "AP_DISCONNECTED", ap(1));

        List<AuditRecord> written = runDueAfter(Duration.ofSeconds(60));

        assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/1")).isTrue();
        assertThat(written).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED_LLDP);
            assertThat(r.explain()).contains("sw-1 ge-0/0/1 is up and its LLDP neighbour is the AP 5c5b350e0001"
                    + " (mist-port-stats): the AP is still plugged in, no change");
        });
    }

    @Test
    void theSwitchsOwnLldpTableDecidesWhenConfiguredAsASource() {
        try (MesaRuntime both = lab.runtime(Lab.DEFAULT_GUARDS + "  lldp:\n    sources: mist+netconf\n")) {
            lab.plug(ap(1), SW1_MAC, "ge-0/0/1");
            lab.deliver(both, "AP_CONNECTED", ap(1));
            both.flow().runDue();
            lab.world.apLosesCloud(ap(1));
            lab.deliver(both, "AP_DISCONNECTED", ap(1));
            lab.advance(Duration.ofSeconds(60));

            assertThat(both.flow().runDue()).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED_LLDP);
                assertThat(r.explain()).contains("(netconf-lldp): the AP is still plugged in");
            });
            assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/1")).isTrue();
        }
    }

    @Test
    void connectInsideTheHoldDownCancelsTheRevert() {
        online(1, SW1_MAC, "ge-0/0/1");
        int commits = lab.sw1.commits().size();
        lab.unplug(ap(1));
        lab.deliver(runtime, "AP_DISCONNECTED", ap(1));
        lab.advance(Duration.ofSeconds(20));
        lab.plug(ap(1), SW1_MAC, "ge-0/0/1");
        lab.deliver(runtime, "AP_CONNECTED", ap(1));
        List<AuditRecord> written = runDueAfter(Duration.ofSeconds(60));

        assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/1")).isTrue();
        assertThat(lab.sw1.commits()).hasSize(commits);
        assertThat(runtime.audit().recent(10)).extracting(AuditRecord::outcome)
                .contains(Outcome.CANCELLED).doesNotContain(Outcome.FAILED);
        assertThat(runtime.audit().recent(10).stream().filter(r -> r.outcome() == Outcome.CANCELLED).findFirst())
                .get().satisfies(r -> assertThat(r.explain()).contains("AP_DISCONNECTED", "cancelled (ap-came-back)"));
        assertThat(written).extracting(AuditRecord::outcome).containsExactly(Outcome.UNCHANGED);
    }

    @Test
    void duplicateDeliveryIsHandledOnce() {
        lab.plug(ap(1), SW1_MAC, "ge-0/0/1");
        byte[] body = lab.webhook("AP_CONNECTED", ap(1));
        List<Disposition> first = runtime.receive(body, Lab.signed(body));
        List<Disposition> again = runtime.receive(body, Lab.signed(body));

        assertThat(first).extracting(Disposition::status).containsExactly(Disposition.Status.QUEUED);
        assertThat(again).extracting(Disposition::status).containsExactly(Disposition.Status.DUPLICATE);
        assertThat(runtime.flow().runDue()).extracting(AuditRecord::outcome).containsExactly(Outcome.CHANGED);
        assertThat(lab.sw1.commits()).hasSize(2); // one confirmed commit and its confirmation: one change
        assertThat(again.get(0).written()).singleElement()
                .satisfies(r -> assertThat(r.explain()).contains("duplicate (duplicate-delivery)"));
    }

    @Test
    void apMovedPortsOldPortSecuredNewPortConfigured() {
        online(1, SW1_MAC, "ge-0/0/1");
        lab.move(ap(1), SW2_MAC, "ge-0/0/7");
        lab.deliver(runtime, "AP_RESTARTED", ap(1));
        List<AuditRecord> written = runtime.flow().runDue();

        assertThat(Lab.isSecured(lab.sw1, "ge-0/0/1")).isTrue();
        assertThat(Lab.hasApProfile(lab.sw2, "ge-0/0/7")).isTrue();
        assertThat(written).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.CHANGED);
            assertThat(r.changes()).extracting(c -> c.switchName() + " " + c.port() + " " + c.profile())
                    .containsExactly("sw-1 ge-0/0/1 secured", "sw-2 ge-0/0/7 ap");
            assertThat(r.explain()).contains("the AP moved from sw-1 ge-0/0/1 to sw-2 ge-0/0/7");
        });
    }

    @Test
    void aRejectedChangeIsRecordedNotRetriedAndTheRegistryKeepsThePreviousProfile() {
        online(1, SW1_MAC, "ge-0/0/1");
        lab.unplug(ap(1));
        lab.sw1.faults().commitCheckError("statement not valid");
        lab.deliver(runtime, "AP_DISCONNECTED", ap(1));

        AuditRecord r = runDueAfter(Duration.ofSeconds(60)).get(0);

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.reason()).isEqualTo("change-failed");
        assertThat(r.explain()).contains("Failed to change sw-1 ge-0/0/1 to profile secured via junos at stage CHECK,"
                + " switch left BEFORE", "statement not valid");
        assertThat(runtime.flow().nextDue()).isEmpty(); // a rejected commit would fail again
        assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/1")).isTrue();
        assertThat(runtime.stores().registry().find(io.jenkins.plugins.mesa.MacAddress.parse(ap(1))).orElseThrow()
                .profile()).isEqualTo("ap");
    }

    @Test
    void anUnavailableMistIsRetriedWithBackoffAndTheFinalRecordNamesIt() {
        lab.plug(ap(1), SW1_MAC, "ge-0/0/1");
        lab.cloud.faults().unavailable(2); // both attempts of the client's own retry
        lab.deliver(runtime, "AP_CONNECTED", ap(1));
        assertThat(runtime.flow().runDue()).isEmpty();
        assertThat(runtime.flow().nextDue()).contains(lab.clock.instant().plusSeconds(30));

        AuditRecord r = runDueAfter(Duration.ofSeconds(30)).get(0);

        assertThat(r.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(r.explain()).contains("Retry: attempt 2 of 4; the previous one failed");
        assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/1")).isTrue();
    }

    @Test
    void aSwitchLockedBySomeoneElseIsRetriedUntouched() {
        online(1, SW1_MAC, "ge-0/0/1");
        lab.unplug(ap(1));
        lab.sw1.faults().lockHeldBy("ops terminal p0 (pid 4242)");
        lab.deliver(runtime, "AP_DISCONNECTED", ap(1));
        assertThat(runDueAfter(Duration.ofSeconds(60))).isEmpty();
        assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/1")).isTrue();

        lab.sw1.faults().clear();
        List<AuditRecord> written = runDueAfter(Duration.ofSeconds(30));

        assertThat(written).extracting(AuditRecord::outcome).containsExactly(Outcome.CHANGED);
        assertThat(Lab.isSecured(lab.sw1, "ge-0/0/1")).isTrue();
    }

    @Test
    void mistLearnsTheNewApsUplinkBeforeTheRetry() {
        lab.deliver(runtime, "AP_CONNECTED", ap(1));
        assertThat(runtime.flow().runDue()).isEmpty(); // Mist has no LLDP data for the AP yet
        lab.plug(ap(1), SW1_MAC, "ge-0/0/1");

        assertThat(runDueAfter(Duration.ofSeconds(30))).extracting(AuditRecord::outcome)
                .containsExactly(Outcome.CHANGED);
        assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/1")).isTrue();
    }

    @Test
    void aRestartOnTheRegisteredPortChangesNothing() {
        online(1, SW1_MAC, "ge-0/0/1");
        int commits = lab.sw1.commits().size();
        lab.world.restartAp(ap(1));
        lab.deliver(runtime, "AP_RESTARTED", ap(1));

        AuditRecord r = runtime.flow().runDue().get(0);

        assertThat(r.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(r.reason()).isEqualTo("same-port");
        assertThat(r.explain()).contains("the AP is on its registered port sw-1 ge-0/0/1 (profile ap since");
        assertThat(lab.sw1.commits()).hasSize(commits);
    }

    @Test
    void aPortNowServingAnotherApIsNotSecuredWhenTheOldApsRevertFallsDue() {
        online(1, SW1_MAC, "ge-0/0/1");
        lab.unplug(ap(1)); // AP 1 is swapped for AP 2 on the same port within the hold-down
        lab.deliver(runtime, "AP_DISCONNECTED", ap(1));
        lab.advance(Duration.ofSeconds(10));
        lab.plug(ap(2), SW1_MAC, "ge-0/0/1");
        lab.deliver(runtime, "AP_CONNECTED", ap(2));
        assertThat(runtime.flow().runDue()).extracting(AuditRecord::outcome).containsExactly(Outcome.UNCHANGED);

        AuditRecord r = runDueAfter(Duration.ofSeconds(50)).get(0);

        assertThat(r.event().apMac()).isEqualTo(ap(1));
        assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED_PORT_IN_USE);
        assertThat(r.explain()).contains("Port-owner: sw-1 ge-0/0/1 now serves AP ap-02 (5c5b350e0002)");
        assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/1")).isTrue();
    }

    @Test
    void aSecondDisconnectOfTheSameApJoinsThePendingRevert() {
        online(1, SW1_MAC, "ge-0/0/1");
        lab.unplug(ap(1));
        byte[] gone = lab.webhook("AP_DISCONNECTED", ap(1));
        Disposition first = runtime.receive(gone, Lab.signed(gone)).get(0);
        lab.advance(Duration.ofSeconds(10));
        byte[] again = lab.webhook("AP_DISCONNECTED", ap(1));
        Disposition second = runtime.receive(again, Lab.signed(again)).get(0);

        assertThat(second.status()).isEqualTo(Disposition.Status.JOINED);
        assertThat(second.dueAt()).isEqualTo(first.dueAt());
        int commits = lab.sw1.commits().size();
        assertThat(runDueAfter(Duration.ofSeconds(60))).extracting(AuditRecord::outcome)
                .containsExactly(Outcome.CHANGED);
        assertThat(lab.sw1.commits()).hasSize(commits + 2); // one change: confirmed commit + confirmation
        assertThat(Lab.isSecured(lab.sw1, "ge-0/0/1")).isTrue();
    }
}
