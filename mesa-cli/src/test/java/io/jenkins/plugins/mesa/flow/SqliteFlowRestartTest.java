package io.jenkins.plugins.mesa.flow;

import static io.jenkins.plugins.mesa.flow.StandInPeers.SWITCH_MAC;
import static io.jenkins.plugins.mesa.flow.StandInPeers.ap;
import static io.jenkins.plugins.mesa.flow.StandInPeers.ge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.Notifier;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.cli.store.EventQueue;
import io.jenkins.plugins.mesa.cli.store.QueuedBody;
import io.jenkins.plugins.mesa.cli.store.SqliteStore;
import io.jenkins.plugins.mesa.flow.StandInPeers.RecordingConfigurator;
import io.jenkins.plugins.mesa.flow.StandInPeers.StandInMist;
import io.jenkins.plugins.mesa.flow.StandInPeers.TestClock;
import io.jenkins.plugins.mesa.mist.ApEvent;
import io.jenkins.plugins.mesa.mist.WebhookIntake;
import io.jenkins.plugins.mesa.mist.WebhookSettings;
import io.jenkins.plugins.mesa.mist.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake queue and the real {@link EventFlow} on one SQLite file, through process deaths: a webhook body the
 * endpoint acknowledged is accepted after any crash, and its port change is made once. (In this package to reuse
 * mesa-core's flow stand-ins for Mist and the switch.)
 */
class SqliteFlowRestartTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final SwitchPort PORT = new SwitchPort("ex-1", SWITCH_MAC, ge(1));
    private static final String SECRET = "webhook-secret";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(T0);
    private final StandInMist mist = new StandInMist().site("site-1", 3).switchAt("ex-1", SWITCH_MAC, "site-1", false);
    private final RecordingConfigurator junos = new RecordingConfigurator("junos").portIn(PORT, "ap");
    private final WebhookIntake intake = new WebhookIntake(WebhookSettings.of(Secret.of(SECRET)));

    private SqliteStore open() {
        return new SqliteStore("jdbc:sqlite:" + dir.resolve("mesa.db"));
    }

    private EventFlow flowOn(FlowStores stores) {
        return new EventFlow(FlowSettings.defaults(), mist, BackendSelector.everywhere(junos), SwitchPortReader.NONE,
                stores, Notifier.NONE, clock);
    }

    /** What the endpoint does: check the signed body, queue it with its signature, then answer 2xx. */
    private void post(SqliteStore store, String json) throws GeneralSecurityException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Map<String, String> headers = Map.of(WebhookSignature.V2_HEADER, HexFormat.of().formatHex(mac.doFinal(body)));
        intake.accept(body, headers::get);
        store.queue().enqueue(body, headers, clock.instant());
    }

    /** What the intake worker does with the next body; {@code dies} stands for kill -9 before markDone. */
    private List<Disposition.Status> handleNext(EventQueue queue, EventFlow flow, boolean dies) {
        QueuedBody b = queue.claimNext().orElseThrow();
        List<Disposition.Status> statuses = new ArrayList<>();
        for (ApEvent e : intake.accept(b.body(), b::header).events()) {
            statuses.add(flow.accept(e).status());
        }
        if (!dies) {
            queue.markDone(b.id());
        }
        return statuses;
    }

    private static String disconnectOfAp1() {
        return "{\"topic\":\"device-events\",\"events\":[{\"type\":\"AP_DISCONNECTED\",\"mac\":\"" + ap(1).value()
                + "\",\"device_name\":\"ap-1\",\"org_id\":\"org-1\",\"site_id\":\"site-1\",\"timestamp\":"
                + T0.getEpochSecond() + "}]}";
    }

    @Test
    void aBodyAcceptedButNotMarkedDoneWhenTheProcessDiedIsADuplicateAfterTheRestartAndThePortChangesOnce()
            throws Exception {
        mist.plugIn(ap(1), "site-1", SWITCH_MAC, ge(1)).unplug(SWITCH_MAC, ge(1));
        SqliteStore first = open();
        post(first, disconnectOfAp1());
        assertThat(handleNext(first.queue(), flowOn(first.stores()), true)).containsExactly(Disposition.Status.QUEUED);

        try (SqliteStore second = open()) { // the old process is gone without closing anything
            EventFlow flow = flowOn(second.stores());
            assertThat(second.queue().depth()).isEqualTo(1);
            assertThat(handleNext(second.queue(), flow, false)).containsExactly(Disposition.Status.DUPLICATE);
            clock.advanceSeconds(60);
            assertThat(flow.runDue()).extracting(AuditRecord::outcome).containsExactly(Outcome.CHANGED);
        } finally {
            first.close();
        }

        try (SqliteStore third = open()) {
            assertThat(third.queue().depth()).isZero();
            clock.advanceSeconds(60);
            assertThat(flowOn(third.stores()).runDue()).isEmpty();
            assertThat(third.audit().recent(10)).extracting(AuditRecord::outcome)
                    .containsExactly(Outcome.CHANGED, Outcome.DUPLICATE);
        }
        assertThat(junos.requests).hasSize(1);
        assertThat(junos.profileOf(PORT)).isEqualTo("secured");
    }

    @Test
    void anAcceptCutShortByTheCrashJoinsItsOwnPendingItemAfterTheRestartAndThePortChangesOnce() throws Exception {
        mist.plugIn(ap(1), "site-1", SWITCH_MAC, ge(1)).unplug(SWITCH_MAC, ge(1));
        SqliteStore first = open();
        post(first, disconnectOfAp1());
        FlowStores s = first.stores();
        FlowStores dyingAtDedup = new FlowStores(s.registry(), s.pending(), new DyingDedupLog(s.dedup()), s.outages(),
                s.audit());
        assertThatThrownBy(() -> handleNext(first.queue(), flowOn(dyingAtDedup), false))
                .isInstanceOf(ProcessDied.class);

        try (SqliteStore second = open()) {
            EventFlow flow = flowOn(second.stores());
            assertThat(handleNext(second.queue(), flow, false)).containsExactly(Disposition.Status.JOINED);
            clock.advanceSeconds(60);
            assertThat(flow.runDue()).extracting(AuditRecord::outcome).containsExactly(Outcome.CHANGED);
            assertThat(second.queue().depth()).isZero();
            assertThat(second.stores().pending().all()).isEmpty();
        } finally {
            first.close();
        }
        assertThat(junos.requests).hasSize(1);
    }

    /** Stands for kill -9 at the worst moment. */
    private static final class ProcessDied extends RuntimeException {
        ProcessDied() {
            super("killed");
        }
    }

    /** The real dedup log, except that the process dies when accept writes its last line (the dedup key). */
    private static final class DyingDedupLog implements DedupLog {
        private final DedupLog real;

        DyingDedupLog(DedupLog real) {
            this.real = real;
        }

        @Override
        public Optional<Instant> firstSeen(String key) {
            return real.firstSeen(key);
        }

        @Override
        public void remember(String key, Instant at) {
            throw new ProcessDied();
        }

        @Override
        public void forgetBefore(Instant cutoff) {
            real.forgetBefore(cutoff);
        }
    }
}
