package io.jenkins.plugins.mesa.flow;

import static io.jenkins.plugins.mesa.flow.StandInPeers.MIST_SWITCH_MAC;
import static io.jenkins.plugins.mesa.flow.StandInPeers.ORG;
import static io.jenkins.plugins.mesa.flow.StandInPeers.SWITCH_MAC;
import static io.jenkins.plugins.mesa.flow.StandInPeers.ap;
import static io.jenkins.plugins.mesa.flow.StandInPeers.ge;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jenkins.plugins.mesa.audit.AuditJson;
import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.InMemoryAuditLog;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.flow.StandInPeers.RecordingConfigurator;
import io.jenkins.plugins.mesa.flow.StandInPeers.StandInMist;
import io.jenkins.plugins.mesa.flow.StandInPeers.TestClock;
import io.jenkins.plugins.mesa.guard.OutageGuard;
import io.jenkins.plugins.mesa.guard.Verdict;
import io.jenkins.plugins.mesa.mist.ApEvent;
import io.jenkins.plugins.mesa.mist.SwitchPortStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The flow's finer rules (lookup delay, outage-burst bookkeeping, joined and stale events, port ownership,
 * persistent failures, notifier failures) through {@link EventFlow}, with the stand-in Mist and back-end of
 * {@link StandInPeers} and a hand-moved clock. Site "HQ" has switch ex-1; AP n is cabled to ge-0/0/n.
 * The issue-5 scenarios themselves run on real peers in {@code runtime.FlowScenarioTest}; what is here is
 * still to move there (the stand-ins go when it has).
 */
class EventFlowTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private final StandInMist mist = new StandInMist()
            .switchAt("ex-1", SWITCH_MAC, "site-1", false)
            .switchAt("mist-sw", MIST_SWITCH_MAC, "site-1", true);
    private final RecordingConfigurator junos = new RecordingConfigurator("junos");
    private final RecordingConfigurator mistBackend = new RecordingConfigurator("mist");
    private final FlowStores stores = FlowStores.inMemory();
    private final List<AuditRecord> notified = new ArrayList<>();
    private EventFlow flow;
    private int eventSeq;

    @BeforeEach
    void quietThreeApSite() {
        mist.site("site-1", 3); // the original never reverted at a site with more than 2 APs
        flow = new EventFlow(FlowSettings.defaults(), mist, BackendSelector.everywhere(junos, mistBackend),
                SwitchPortReader.NONE, stores, notified::add, clock);
    }

    private ApEvent event(String type, int apNumber) {
        return new ApEvent("ev-" + (++eventSeq), type, ap(apNumber), "ap-" + apNumber, ORG, "site-1", "HQ",
                clock.instant(), "", "", "");
    }

    private static SwitchPort port(int n) {
        return new SwitchPort("ex-1", SWITCH_MAC, ge(n));
    }

    /** AP n is cabled to ge-0/0/n and comes online: the flow gives the port the AP profile and registers it. */
    private void apComesOnline(int n) {
        mist.plugIn(ap(n), "site-1", SWITCH_MAC, ge(n));
        flow.accept(event("AP_CONNECTED", n));
        clock.advanceSeconds(30);
        assertThat(flow.runDue()).extracting(AuditRecord::outcome).containsExactly(Outcome.CHANGED);
    }

    /** Whatever the scenario, every record it wrote survives JSON and explains itself in one line. */
    @AfterEach
    void everyRecordRoundTripsThroughJsonAndExplainsItself() {
        for (AuditRecord r : audit()) {
            assertThat(AuditJson.read(AuditJson.write(r))).isEqualTo(r);
            assertThat(r.explain()).doesNotContain("\n").contains("Outcome: " + r.outcome().text());
        }
    }

    private List<AuditRecord> audit() {
        return ((InMemoryAuditLog) stores.audit()).all();
    }

    @Test
    void connectedApGetsTheApProfileAfterTheLookupDelayAndIsRegistered() {
        mist.plugIn(ap(1), "site-1", SWITCH_MAC, ge(1));
        Disposition d = flow.accept(event("AP_CONNECTED", 1));
        assertThat(d.status()).isEqualTo(Disposition.Status.QUEUED);
        assertThat(d.dueAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(flow.nextDue()).contains(T0.plusSeconds(30));

        clock.advanceSeconds(29);
        assertThat(flow.runDue()).isEmpty();
        assertThat(mist.apUplinkCalls).isZero();

        clock.advanceSeconds(1);
        AuditRecord r = flow.runDue().get(0);
        assertThat(junos.profileOf(port(1))).isEqualTo("ap");
        assertThat(stores.registry().find(ap(1))).get()
                .satisfies(a -> assertThat(a.isAt(port(1))).isTrue())
                .satisfies(a -> assertThat(a.profile()).isEqualTo("ap"));
        assertThat(r.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(r.explain()).isEqualTo("AP_CONNECTED of AP ap-1 (5c5b350e0001) at site HQ at 2026-11-29T10:00:00Z"
                + " (event ev-1). Dedup: first delivery of event ev-1."
                + " Lookup-delay: looked up 30 s after receiving the event (lookup delay 30 s), so Mist holds the AP's"
                + " current LLDP neighbour."
                + " Uplink: Mist sees the AP on ex-1 ge-0/0/1 (AP's LLDP neighbour)."
                + " Port-registry: no earlier port registered for the AP."
                + " Backend: junos for ex-1 (the default back-end)."
                + " Changed ex-1 ge-0/0/1 to profile ap via junos (ref commit-1) in 250 ms. Outcome: changed.");
        assertThat(junos.requests.get(0).comment()).isEqualTo("MESA AP_CONNECTED 5c5b350e0001 (ap-1) event ev-1");
        assertThat(flow.nextDue()).isEmpty();
    }

    @Test
    void disconnectUsesTheRegisteredPortNotTheApsStaleLldpData() {
        apComesOnline(1);
        // Mist's data for the gone AP still names a wrong port (stale); the registry knows better
        mist.plugIn(ap(1), "site-1", SWITCH_MAC, ge(9));
        mist.unplug(SWITCH_MAC, ge(1));
        int lookupsBefore = mist.apUplinkCalls;
        flow.accept(event("AP_DISCONNECTED", 1));
        clock.advanceSeconds(60);
        flow.runDue();
        assertThat(junos.requestsFor("secured")).extracting(rq -> rq.target().port()).containsExactly(ge(1));
        assertThat(mist.apUplinkCalls).isEqualTo(lookupsBefore);
    }

    @Test
    void withoutARegistryEntryTheDisconnectFallsBackToMistsLldpData() {
        mist.plugIn(ap(1), "site-1", SWITCH_MAC, ge(4)).unplug(SWITCH_MAC, ge(4));
        junos.portIn(port(4), "ap");
        flow.accept(event("AP_DISCONNECTED", 1));
        clock.advanceSeconds(60);
        AuditRecord r = flow.runDue().get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(junos.profileOf(port(4))).isEqualTo("secured");
        assertThat(r.explain()).contains("Uplink: not in the registry; Mist's last LLDP data for the AP names ex-1 ge-0/0/4.");
    }

    @Test
    void aSiteWideOutageOfThreeHundredApsIsStillOneRecord() {
        mist.site("site-1", 300);
        for (int n = 1; n <= 300; n++) { // 10 APs a second for 30 s
            flow.accept(event("AP_DISCONNECTED", n));
            if (n % 10 == 0) {
                clock.advanceSeconds(1);
            }
        }
        List<AuditRecord> written = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            clock.advanceSeconds(1);
            written.addAll(flow.runDue());
        }
        assertThat(junos.requests).isEmpty();
        assertThat(written).singleElement().satisfies(r -> {
            assertThat(r.coalesced()).hasSize(299);
            assertThat(r.explain()).contains("site outage at HQ: 300 of 300 APs disconnected between");
        });
    }

    @Test
    void theOutageRecordWaitsUntilTheBurstIsOver() {
        mist.site("site-1", 40);
        Instant start = clock.instant();
        for (int n = 1; n <= 5; n++) {
            flow.accept(event("AP_DISCONNECTED", n));
            clock.advanceSeconds(10);
        }
        // last disconnect at +40 s; quiet at +100 s; its hold-down ends at +100 s as well
        clock.advance(Duration.between(clock.instant(), start.plusSeconds(99)));
        assertThat(flow.runDue()).isEmpty();
        assertThat(stores.outages().held()).hasSize(4);
        assertThat(flow.nextDue()).contains(start.plusSeconds(100));
        clock.advanceSeconds(1);
        assertThat(flow.runDue()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED_OUTAGE);
            assertThat(r.coalesced()).hasSize(4);
        });
    }

    @Test
    void nextDueNeverPointsIntoThePastWhileABurstWaitsForItsLastHoldDowns() {
        // a short outage window (10 s) with the default 60 s hold-down: the burst is quiet long before its
        // members have been through their hold-downs
        flow = new EventFlow(FlowSettings.defaults().withOutage(
                new OutageGuard.Thresholds(Duration.ofSeconds(10), 5, 0.5)),
                mist, BackendSelector.everywhere(junos, mistBackend), SwitchPortReader.NONE, stores, notified::add,
                clock);
        mist.site("site-1", 40);
        for (int n = 1; n <= 5; n++) {
            flow.accept(event("AP_DISCONNECTED", n));
            clock.advanceSeconds(1);
        }
        clock.advance(Duration.between(clock.instant(), T0.plusSeconds(60)));
        assertThat(flow.runDue()).isEmpty(); // AP 1 held for the outage
        assertThat(flow.nextDue()).contains(T0.plusSeconds(61));
        clock.advanceSeconds(4);
        assertThat(flow.runDue()).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED_OUTAGE));
        assertThat(flow.nextDue()).isEmpty();
    }

    @Test
    void withAWindowLongerThanTheHoldDownTheRecordWaitsForTheQuietTime() {
        flow = new EventFlow(FlowSettings.defaults().withOutage(
                new OutageGuard.Thresholds(Duration.ofSeconds(120), 5, 0.5)),
                mist, BackendSelector.everywhere(junos, mistBackend), SwitchPortReader.NONE, stores, notified::add,
                clock);
        mist.site("site-1", 40);
        for (int n = 1; n <= 5; n++) {
            flow.accept(event("AP_DISCONNECTED", n));
            clock.advanceSeconds(1);
        }
        clock.advance(Duration.between(clock.instant(), T0.plusSeconds(64)));
        assertThat(flow.runDue()).isEmpty();
        assertThat(stores.outages().held()).hasSize(5);
        assertThat(flow.nextDue()).contains(T0.plusSeconds(4 + 120));
        clock.advance(Duration.between(clock.instant(), T0.plusSeconds(124)));
        assertThat(flow.runDue()).extracting(AuditRecord::outcome).containsExactly(Outcome.SKIPPED_OUTAGE);
    }

    @Test
    void afterAnOutageBurstASingleUnpluggedApIsRevertedAgain() {
        mist.site("site-1", 40);
        for (int n = 1; n <= 6; n++) {
            apComesOnline(n);
        }
        for (int n = 1; n <= 5; n++) {
            flow.accept(event("AP_DISCONNECTED", n));
            clock.advanceSeconds(1);
        }
        clock.advanceSeconds(120);
        assertThat(flow.runDue()).extracting(AuditRecord::outcome).containsExactly(Outcome.SKIPPED_OUTAGE);

        clock.advanceSeconds(600);
        mist.unplug(SWITCH_MAC, ge(6));
        flow.accept(event("AP_DISCONNECTED", 6));
        clock.advanceSeconds(60);
        assertThat(flow.runDue()).extracting(AuditRecord::outcome).containsExactly(Outcome.CHANGED);
        assertThat(junos.requestsFor("secured")).extracting(rq -> rq.target().port()).containsExactly(ge(6));
    }

    @Test
    void aPersistentMistFailureIsRecordedOnceAfterTheLastAttemptAndLaterEventsStillRun() {
        mist.plugIn(ap(1), "site-1", SWITCH_MAC, ge(1));
        mist.plugIn(ap(2), "site-1", SWITCH_MAC, ge(2));
        flow.accept(event("AP_CONNECTED", 1));
        mist.failWith("mist-unavailable");
        List<AuditRecord> written = new ArrayList<>();
        for (long wait : new long[] {30, 30, 60, 119}) { // first try, then retries after 30, 60, 120 s
            clock.advanceSeconds(wait);
            written.addAll(flow.runDue());
        }
        assertThat(written).isEmpty();
        clock.advanceSeconds(1);
        AuditRecord r = flow.runDue().get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.reason()).isEqualTo("mist-unavailable");
        assertThat(r.explain()).contains("Retry: attempt 4 of 4; the previous one failed (mist-unavailable).")
                .contains("Error: Mist API: mist-unavailable.");
        assertThat(flow.nextDue()).isEmpty();

        mist.failWith("");
        flow.accept(event("AP_CONNECTED", 2));
        clock.advanceSeconds(30);
        assertThat(flow.runDue()).extracting(AuditRecord::outcome).containsExactly(Outcome.CHANGED);
    }

    @Test
    void anApMistHasNoLldpDataForIsLookedUpAgainAndFailsWithNoUplinkInTheEnd() {
        flow = new EventFlow(FlowSettings.defaults().withRetries(1, Duration.ofSeconds(30)), mist,
                BackendSelector.everywhere(junos, mistBackend), SwitchPortReader.NONE, stores, notified::add, clock);
        flow.accept(event("AP_CONNECTED", 1));
        clock.advanceSeconds(30);
        assertThat(flow.runDue()).isEmpty();
        clock.advanceSeconds(30);
        AuditRecord r = flow.runDue().get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.reason()).isEqualTo("no-uplink");
        assertThat(mist.apUplinkCalls).isEqualTo(2);
        assertThat(junos.requests).isEmpty();
    }

    private final ListAppender<ILoggingEvent> log =
            new ListAppender<>();

    @AfterEach
    void detachLog() {
        ((Logger) LoggerFactory.getLogger(EventFlow.class)).detachAppender(log);
    }

    @Test
    void aNotifierFailureNeverBlocksOrLosesAChange() {
        log.start();
        ((Logger) LoggerFactory.getLogger(EventFlow.class)).addAppender(log);
        flow = new EventFlow(FlowSettings.defaults(), mist, BackendSelector.everywhere(junos, mistBackend),
                SwitchPortReader.NONE, stores, record -> {
                    throw new IllegalStateException("slack down: https://hooks.slack.com/services/T000/B000/SECRET");
                }, clock);
        apComesOnline(1);
        mist.unplug(SWITCH_MAC, ge(1));
        flow.accept(event("AP_DISCONNECTED", 1));
        clock.advanceSeconds(60);
        assertThat(flow.runDue()).extracting(AuditRecord::outcome).containsExactly(Outcome.CHANGED);
        assertThat(junos.profileOf(port(1))).isEqualTo("secured");
        assertThat(audit()).extracting(AuditRecord::outcome).containsExactly(Outcome.CHANGED, Outcome.CHANGED);
        assertThat(stores.pending().all()).isEmpty();
        // the failure was logged, but not the notifier's message: a Slack webhook URL is a secret
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).startsWith("notifier failed for audit record"))
                .noneSatisfy(m -> assertThat(m).contains("SECRET"));
        assertThat(log.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
    }

    @Test
    void aDisconnectBeforeTheLookupIsDueCancelsTheLookup() {
        mist.plugIn(ap(1), "site-1", SWITCH_MAC, ge(1));
        flow.accept(event("AP_CONNECTED", 1));
        clock.advanceSeconds(10);
        Disposition d = flow.accept(event("AP_DISCONNECTED", 1));
        assertThat(d.status()).isEqualTo(Disposition.Status.QUEUED);
        assertThat(d.written()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(r.event().type()).isEqualTo("AP_CONNECTED");
            assertThat(r.explain()).contains("arrived before the lookup was due: lookup cancelled");
        });
    }

    @Test
    void anOutOfOrderConnectOlderThanThePendingDisconnectIsIgnored() {
        apComesOnline(1);
        ApEvent oldConnect = event("AP_CONNECTED", 1); // stamped now, delivered late
        clock.advanceSeconds(5);
        mist.unplug(SWITCH_MAC, ge(1));
        flow.accept(event("AP_DISCONNECTED", 1));
        Disposition d = flow.accept(oldConnect);
        assertThat(d.status()).isEqualTo(Disposition.Status.STALE);
        assertThat(d.written().get(0).explain()).contains("out-of-order delivery, ignored");
        clock.advanceSeconds(60);
        flow.runDue();
        assertThat(junos.profileOf(port(1))).isEqualTo("secured");
    }

    @Test
    void aDisconnectDeliveredAfterTheApWasPlacedAgainIsStale() {
        mist.plugIn(ap(1), "site-1", SWITCH_MAC, ge(1));
        ApEvent lateDisconnect = new ApEvent("ev-late", "AP_DISCONNECTED", ap(1), "ap-1", ORG, "site-1", "HQ",
                clock.instant(), "", "", "");
        clock.advanceSeconds(5);
        apComesOnline(1); // the AP came back; the disconnect from before is only now delivered (a webhook retry)
        clock.advanceSeconds(600);
        flow.accept(lateDisconnect);
        assertThat(flow.runDue()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(r.reason()).isEqualTo("superseded");
            assertThat(r.explain()).contains("Event-order: the AP was placed on ex-1 ge-0/0/1 (profile ap) at "
                    + T0.plusSeconds(35) + ", after this disconnect: stale event, no change.");
        });
        assertThat(junos.requestsFor("secured")).isEmpty();
    }

    @Test
    void aSwitchMesaDoesNotManageIsLeftAlone() {
        flow = new EventFlow(FlowSettings.defaults(), mist,
                new BackendSelector(List.of(junos), null, Map.of("ex-2", "junos"), Map.of()),
                SwitchPortReader.NONE, stores, notified::add, clock);
        mist.plugIn(ap(1), "site-1", SWITCH_MAC, ge(1));
        flow.accept(event("AP_CONNECTED", 1));
        clock.advanceSeconds(30);
        AuditRecord r = flow.runDue().get(0);
        assertThat(junos.requests).isEmpty();
        assertThat(r.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(r.explain()).contains("ex-1 is not a switch MESA manages");
    }
}
