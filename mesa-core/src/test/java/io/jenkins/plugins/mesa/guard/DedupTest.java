package io.jenkins.plugins.mesa.guard;

import static io.jenkins.plugins.mesa.guard.GuardFixtures.T0;
import static io.jenkins.plugins.mesa.guard.GuardFixtures.ap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DedupTest {
    private final Dedup dedup = new Dedup(Duration.ofMinutes(10));
    private final ApEvent event = GuardFixtures.event("AP_DISCONNECTED", 1, T0);

    @Test
    void firstDeliveryProceeds() {
        Decision d = dedup.check(event, Optional.empty(), T0);
        assertThat(d.verdict()).isEqualTo(Verdict.PROCEED);
        assertThat(d.explanation()).startsWith("first delivery");
    }

    @Test
    void aRepeatInsideTheWindowIsADuplicateUpToAndIncludingItsEnd() {
        assertThat(dedup.check(event, Optional.of(T0), T0.plusSeconds(1)).verdict()).isEqualTo(Verdict.STOP);
        Decision atEdge = dedup.check(event, Optional.of(T0), T0.plus(Duration.ofMinutes(10)));
        assertThat(atEdge.verdict()).isEqualTo(Verdict.STOP);
        assertThat(atEdge.explanation()).contains("duplicate, handled once").contains("10 min dedup window");
        assertThat(atEdge.figures()).containsEntry("firstSeen", T0.toString());
    }

    @Test
    void aRepeatAfterTheWindowIsHandledAsNew() {
        Decision after = dedup.check(event, Optional.of(T0), T0.plus(Duration.ofMinutes(10)).plusMillis(1));
        assertThat(after.verdict()).isEqualTo(Verdict.PROCEED);
        assertThat(after.explanation()).contains("outside the 10 min dedup window");
    }

    @Test
    void oneAuditIdSharedByEventsOfSeveralApsGivesDistinctKeys() {
        ApEvent a = new ApEvent("audit-7", "AP_RESTARTED", ap(1), "", "org", "site", "", T0, "audit-7", "", "");
        ApEvent b = new ApEvent("audit-7", "AP_RESTARTED", ap(2), "", "org", "site", "", T0, "audit-7", "", "");
        assertThat(Dedup.key(a)).isNotEqualTo(Dedup.key(b));
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThatThrownBy(() -> new Dedup(Duration.ZERO)).isInstanceOf(InvalidSettingException.class);
    }
}
