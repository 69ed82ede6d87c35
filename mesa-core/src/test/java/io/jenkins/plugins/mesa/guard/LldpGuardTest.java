package io.jenkins.plugins.mesa.guard;

import static io.jenkins.plugins.mesa.guard.GuardFixtures.ap;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.mist.SwitchPortStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class LldpGuardTest {
    private static final MacAddress SWITCH = MacAddress.parse("2c:21:31:1c:be:ef");
    private static final SwitchPort PORT = new SwitchPort("ex-1", SWITCH, InterfaceName.parse("ge-0/0/10"));
    private final LldpGuard guard = new LldpGuard(LldpGuard.WhenUnknown.NO_CHANGE);

    private static PortReading mist(boolean up, MacAddress neighbour) {
        return PortReading.of(new SwitchPortStatus(SWITCH, PORT.port(), up, neighbour, "mist-port-stats"));
    }

    private static PortReading netconf(boolean up, MacAddress neighbour) {
        return PortReading.of(new SwitchPortStatus(SWITCH, PORT.port(), up, neighbour, "netconf-lldp"));
    }

    @Test
    void portUpWithTheApAsNeighbourMeansStillPluggedInNoChange() {
        Decision d = guard.beforeRevert(ap(1), PORT, List.of(mist(true, ap(1))));
        assertThat(d.verdict()).isEqualTo(Verdict.STOP);
        assertThat(d.explanation()).isEqualTo("ex-1 ge-0/0/10 is up and its LLDP neighbour is the AP 5c5b350e0001"
                + " (mist-port-stats): the AP is still plugged in, no change");
    }

    @Test
    void portDownRevertsEvenWhenTheStaleNeighbourIsTheAp() {
        // the original tested whether the key "up" existed; a port reported down with a cached neighbour must revert
        Decision d = guard.beforeRevert(ap(1), PORT, List.of(mist(false, ap(1))));
        assertThat(d.verdict()).isEqualTo(Verdict.PROCEED);
        assertThat(d.explanation()).contains("is down");
    }

    @Test
    void portUpWithAnotherOrNoNeighbourReverts() {
        assertThat(guard.beforeRevert(ap(1), PORT, List.of(mist(true, ap(2)))).explanation())
                .contains("another LLDP neighbour 5c5b350e0002");
        assertThat(guard.beforeRevert(ap(1), PORT, List.of(mist(true, null))).verdict()).isEqualTo(Verdict.PROCEED);
    }

    @Test
    void theFirstSourceWithAnAnswerDecidesAndTheOthersAreRecorded() {
        Decision d = guard.beforeRevert(ap(1), PORT, List.of(netconf(false, null), mist(true, ap(1))));
        assertThat(d.verdict()).isEqualTo(Verdict.PROCEED);
        assertThat(d.figures()).containsEntry("decidedBy", "netconf-lldp")
                .containsEntry("netconf-lldp", "down, neighbour none")
                .containsEntry("mist-port-stats", "up, neighbour 5c5b350e0001");

        Decision fallback = guard.beforeRevert(ap(1), PORT,
                List.of(PortReading.failed("netconf-lldp", "connect-timeout"), mist(true, ap(1))));
        assertThat(fallback.verdict()).isEqualTo(Verdict.STOP);
        assertThat(fallback.figures()).containsEntry("netconf-lldp", "failed: connect-timeout")
                .containsEntry("decidedBy", "mist-port-stats");
    }

    @Test
    void noSourceKnowsThePortFollowsTheConfiguredPolicy() {
        List<PortReading> nothing = List.of(PortReading.none("mist-port-stats"));
        Decision keep = guard.beforeRevert(ap(1), PORT, nothing);
        assertThat(keep.verdict()).isEqualTo(Verdict.STOP);
        assertThat(keep.explanation()).contains("cannot confirm the AP is gone");
        Decision revert = new LldpGuard(LldpGuard.WhenUnknown.REVERT).beforeRevert(ap(1), PORT, nothing);
        assertThat(revert.verdict()).isEqualTo(Verdict.PROCEED);
    }
}
