package io.jenkins.plugins.mesa.flow;

import static io.jenkins.plugins.mesa.flow.StandInPeers.ORG;
import static io.jenkins.plugins.mesa.flow.StandInPeers.SWITCH_MAC;
import static io.jenkins.plugins.mesa.flow.StandInPeers.ap;
import static io.jenkins.plugins.mesa.flow.StandInPeers.ge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.InMemoryAuditLog;
import io.jenkins.plugins.mesa.audit.Notifier;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.flow.StandInPeers.RecordingConfigurator;
import io.jenkins.plugins.mesa.flow.StandInPeers.StandInMist;
import io.jenkins.plugins.mesa.flow.StandInPeers.TestClock;
import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Everything the flow knows lives in its stores: a new {@link EventFlow} on the same stores (a restarted
 * process) carries on, and a step cut short by a crash is redone without harm.
 */
class EventFlowRestartTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final SwitchPort PORT = new SwitchPort("ex-1", SWITCH_MAC, ge(1));

    private final TestClock clock = new TestClock(T0);
    private final StandInMist mist = new StandInMist().site("site-1", 3).switchAt("ex-1", SWITCH_MAC, "site-1", false);
    private final RecordingConfigurator junos = new RecordingConfigurator("junos").portIn(PORT, "ap");
    private final FlowStores stores = FlowStores.inMemory();

    private EventFlow flowOn(FlowStores s) {
        return new EventFlow(FlowSettings.defaults(), mist, BackendSelector.everywhere(junos), SwitchPortReader.NONE,
                s, Notifier.NONE, clock);
    }

    private ApEvent disconnect() {
        return new ApEvent("ev-1", "AP_DISCONNECTED", ap(1), "ap-1", ORG, "site-1", "HQ", clock.instant(), "", "", "");
    }

    @Test
    void aRestartedFlowFinishesThePendingRevertAndStillRecognisesTheDuplicate() {
        mist.plugIn(ap(1), "site-1", SWITCH_MAC, ge(1)).unplug(SWITCH_MAC, ge(1));
        flowOn(stores).accept(disconnect());

        EventFlow restarted = flowOn(stores);
        assertThat(restarted.nextDue()).contains(T0.plusSeconds(60));
        assertThat(restarted.accept(disconnect()).status()).isEqualTo(Disposition.Status.DUPLICATE);
        clock.advanceSeconds(60);
        assertThat(restarted.runDue()).extracting(AuditRecord::outcome).containsExactly(Outcome.CHANGED);
        assertThat(junos.profileOf(PORT)).isEqualTo("secured");
    }

    @Test
    void aCrashAfterTheChangeBeforeThePendingItemIsRemovedIsRedoneHarmlessly() {
        mist.plugIn(ap(1), "site-1", SWITCH_MAC, ge(1)).unplug(SWITCH_MAC, ge(1));
        DyingPendingEvents dying = new DyingPendingEvents(stores.pending());
        FlowStores beforeCrash = new FlowStores(stores.registry(), dying, stores.dedup(), stores.outages(),
                stores.audit());
        EventFlow first = flowOn(beforeCrash);
        first.accept(disconnect());
        clock.advanceSeconds(60);
        assertThatThrownBy(first::runDue).isInstanceOf(ProcessDied.class);
        assertThat(junos.profileOf(PORT)).isEqualTo("secured");
        assertThat(stores.pending().all()).hasSize(1);

        clock.advanceSeconds(5);
        flowOn(stores).runDue();
        assertThat(stores.pending().all()).isEmpty();
        assertThat(junos.requests).hasSize(2); // the redo found the port already secured
        List<AuditRecord> records = ((InMemoryAuditLog) stores.audit()).all();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.CHANGED); // the first record, which saw the change, stays
            assertThat(r.changes().get(0).result().remoteRef()).isEqualTo("commit-1");
        });
    }

    /** Stands for kill -9 at the worst moment. */
    private static final class ProcessDied extends RuntimeException {
        ProcessDied() {
            super("killed");
        }
    }

    /** The real store, except that the process dies on the first removal. */
    private static final class DyingPendingEvents implements PendingEvents {
        private final PendingEvents real;

        DyingPendingEvents(PendingEvents real) {
            this.real = real;
        }

        @Override
        public void put(PendingEvent pending) {
            real.put(pending);
        }

        @Override
        public Optional<PendingEvent> forAp(MacAddress ap) {
            return real.forAp(ap);
        }

        @Override
        public List<PendingEvent> all() {
            return real.all();
        }

        @Override
        public void remove(PendingEvent pending) {
            throw new ProcessDied();
        }
    }
}
