package io.jenkins.plugins.mesa.guard;

import static io.jenkins.plugins.mesa.guard.GuardFixtures.T0;
import static io.jenkins.plugins.mesa.guard.GuardFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HoldDownTest {
    private final HoldDown holdDown = new HoldDown(Duration.ofSeconds(60));
    private final ApEvent disconnect = event("AP_DISCONNECTED", 1, T0);

    @Test
    void waitsUntilTheDueTimeAndProceedsExactlyAtIt() {
        assertThat(holdDown.start(disconnect, T0).verdict()).isEqualTo(Verdict.WAIT);
        assertThat(holdDown.expired(disconnect, T0, T0.plusSeconds(60).minusMillis(1)).verdict())
                .isEqualTo(Verdict.WAIT);
        Decision due = holdDown.expired(disconnect, T0, T0.plusSeconds(60));
        assertThat(due.verdict()).isEqualTo(Verdict.PROCEED);
        assertThat(due.figures()).containsEntry("holdDown", "PT1M").containsEntry("dueAt", "2026-11-29T10:01:00Z");
        assertThat(due.explanation()).contains("no AP_CONNECTED or AP_RESTARTED within the 60 s hold-down");
    }

    @Test
    void countsFromWhenTheApWentAwaySoALateRetryIsNotHeldAgain() {
        // delivered 45 s after the AP went away: only 15 s of hold-down remain
        assertThat(holdDown.dueAt(disconnect, T0.plusSeconds(45))).isEqualTo(T0.plusSeconds(60));
        // an event stamped in the future (clock skew) counts from receipt, not from its stamp
        ApEvent future = event("AP_DISCONNECTED", 1, T0.plusSeconds(300));
        assertThat(holdDown.dueAt(future, T0)).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aComebackAtOrAfterTheDisconnectCancelsTheRevert() {
        Decision same = holdDown.comeback(disconnect, T0, event("AP_CONNECTED", 1, T0));
        assertThat(same.verdict()).isEqualTo(Verdict.STOP);
        Decision later = holdDown.comeback(disconnect, T0, event("AP_RESTARTED", 1, T0.plusSeconds(12)));
        assertThat(later.verdict()).isEqualTo(Verdict.STOP);
        assertThat(later.explanation()).isEqualTo(
                "AP_RESTARTED at 2026-11-29T10:00:12Z, 12 s after the disconnect, before the revert was due: revert cancelled");
    }

    @Test
    void anOlderComebackDeliveredLateDoesNotCancel() {
        Decision older = holdDown.comeback(disconnect, T0, event("AP_CONNECTED", 1, T0.minusSeconds(1)));
        assertThat(older.verdict()).isEqualTo(Verdict.PROCEED);
        assertThat(older.explanation()).contains("out-of-order delivery, the revert stays pending");
    }

    @Test
    void zeroHoldDownIsDueAtOnceAndNegativeIsRejected() {
        assertThat(new HoldDown(Duration.ZERO).expired(disconnect, T0, T0).verdict()).isEqualTo(Verdict.PROCEED);
        assertThatThrownBy(() -> new HoldDown(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidSettingException.class)
                .satisfies(e -> assertThat(((InvalidSettingException) e).reason()).isEqualTo("invalid-setting"));
    }
}
