package io.jenkins.plugins.mesa.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.change.ChangeRequest;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.change.SwitchState;
import io.jenkins.plugins.mesa.junos.SwitchHostException;
import io.jenkins.plugins.mesa.lab.mist.MistCloudSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Switches configured without {@code host} are reached at the management address the (simulated) Mist
 * cloud reports for them, both for changes and for the switch-side LLDP reading.
 */
class SwitchAddressFromMistTest {
    private static final String BOTH_SOURCES = Lab.DEFAULT_GUARDS + "  lldp:\n    sources: mist+netconf\n";
    private static final InterfaceName PORT = InterfaceName.parse("ge-0/0/3");

    @Test
    void aSwitchWithoutHostIsChangedAtTheAddressMistReports() {
        try (Lab lab = new Lab(1, "127.0.0.1"); MesaRuntime runtime = lab.runtime(null)) {
            assertThat(runtime.junosTargets().find(Lab.SW1)).hasValueSatisfying(t ->
                    assertThat(t.hostFromMist()).as("no host configured").isTrue());
            lab.plug(Lab.ap(1), Lab.SW1_MAC, "ge-0/0/3");
            lab.deliver(runtime, "AP_CONNECTED", Lab.ap(1));
            List<AuditRecord> written = runtime.flow().runDue();

            assertThat(written).singleElement().satisfies(r -> assertThat(r.outcome())
                    .as(r.explain()).isEqualTo(Outcome.CHANGED));
            assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/3")).isTrue();
            assertThat(lab.sw1.commits()).isNotEmpty();
        }
    }

    @Test
    void mistIsAskedForTheAddressOncePerSessionNotOnEveryChange() {
        try (Lab lab = new Lab(0, "127.0.0.1"); MesaRuntime runtime = lab.runtime(null)) {
            lab.cloud.resetCounts();
            SwitchPort port = new SwitchPort(Lab.SW1, MacAddress.parse(Lab.SW1_MAC), PORT);
            assertThat(runtime.junos().apply(ChangeRequest.of(port, "ap", "t1")).outcome())
                    .isEqualTo(ChangeResult.Outcome.CHANGED);
            assertThat(runtime.junos().apply(ChangeRequest.of(port, "secured", "t2")).outcome())
                    .isEqualTo(ChangeResult.Outcome.CHANGED);

            assertThat(lab.cloud.requestCount(MistCloudSimulator.DEVICE_STATS)).isEqualTo(1);
            assertThat(lab.sw1.sessionsOpened()).isEqualTo(1);
            assertThat(Lab.isSecured(lab.sw1, "ge-0/0/3")).isTrue();
        }
    }

    @Test
    void theSwitchSideLldpReaderAsksTheSwitchAtTheAddressMistReports() {
        try (Lab lab = new Lab(1, "127.0.0.1"); MesaRuntime runtime = lab.runtime(BOTH_SOURCES)) {
            lab.plug(Lab.ap(1), Lab.SW2_MAC, "ge-0/0/3");

            var reading = runtime.switchReader().read(new SwitchPort(Lab.SW2, MacAddress.parse(Lab.SW2_MAC), PORT));

            assertThat(reading).hasValueSatisfying(s -> {
                assertThat(s.source()).isEqualTo("netconf-lldp");
                assertThat(s.neighbourMac()).isEqualTo(MacAddress.parse(Lab.ap(1)));
            });
            assertThat(lab.sw2.sessionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void aSwitchMistDoesNotKnowFailsAtConnectAndNothingChanges() {
        try (Lab lab = new Lab(0, "127.0.0.1"); MesaRuntime runtime = lab.runtime(null)) {
            SwitchPort unknown = new SwitchPort(Lab.SW2, MacAddress.parse("5c4527a965ff"), PORT);

            ChangeResult r = runtime.junos().apply(ChangeRequest.of(unknown, "ap", "test"));

            assertFailedAtConnectUntouched(r, lab);
            assertThat(r.message()).contains("sw-2", "Mist reports no management address");
        }
    }

    @Test
    void aChangeWithoutSwitchMacFailsAtConnectWithAClearMessage() {
        try (Lab lab = new Lab(0, "127.0.0.1"); MesaRuntime runtime = lab.runtime(null)) {
            ChangeResult r = runtime.junos().apply(ChangeRequest.of(new SwitchPort(Lab.SW2, null, PORT), "ap", "test"));

            assertFailedAtConnectUntouched(r, lab);
            assertThat(r.message()).contains("sw-2", "no configured host", "no switch MAC");
        }
    }

    @Test
    void anAddressFromMistThatIsNoHostIsNotConnectedTo() {
        try (Lab lab = new Lab(0, "127.0.0.1 -o ProxyCommand=x"); MesaRuntime runtime = lab.runtime(null)) {
            SwitchPort port = new SwitchPort(Lab.SW2, MacAddress.parse(Lab.SW2_MAC), PORT);

            ChangeResult r = runtime.junos().apply(ChangeRequest.of(port, "ap", "test"));

            assertFailedAtConnectUntouched(r, lab);
            assertThat(r.message()).contains("no host name or IP address");
        }
    }

    @Test
    void mistUnavailableFailsTheChangeAtConnectAndNothingChanges() {
        try (Lab lab = new Lab(0, "127.0.0.1"); MesaRuntime runtime = lab.runtime(null)) {
            lab.cloud.faults().unavailable(10, MistCloudSimulator.INVENTORY);
            SwitchPort port = new SwitchPort(Lab.SW2, MacAddress.parse(Lab.SW2_MAC), PORT);

            ChangeResult r = runtime.junos().apply(ChangeRequest.of(port, "ap", "test"));

            assertFailedAtConnectUntouched(r, lab);
            assertThat(r.message()).contains("Mist could not be asked for its address").doesNotContain(Lab.TOKEN);
        }
    }

    @Test
    void theLldpReaderReportsAnUnknownAddressAsATypedError() {
        try (Lab lab = new Lab(0, "127.0.0.1"); MesaRuntime runtime = lab.runtime(BOTH_SOURCES)) {
            SwitchPort unknown = new SwitchPort(Lab.SW2, MacAddress.parse("5c4527a965ff"), PORT);

            assertThatThrownBy(() -> runtime.switchReader().read(unknown))
                    .isInstanceOfSatisfying(SwitchHostException.class,
                            e -> assertThat(e.reason()).isEqualTo("switch-host-unknown"));
            assertThat(lab.sw2.sessionsOpened()).isZero();
        }
    }

    @Test
    void aConfiguredHostStillWinsOverMist() {
        // The default lab: Mist reports 10.0.0.12 for sw-2, the configuration names 127.0.0.1.
        try (Lab lab = new Lab(0); MesaRuntime runtime = lab.runtime(null)) {
            SwitchPort port = new SwitchPort(Lab.SW2, null, PORT);

            ChangeResult r = runtime.junos().apply(ChangeRequest.of(port, "ap", "test"));

            assertThat(r.outcome()).as(r.message()).isEqualTo(ChangeResult.Outcome.CHANGED);
            assertThat(lab.cloud.totalRequests()).isZero();
        }
    }

    private static void assertFailedAtConnectUntouched(ChangeResult r, Lab lab) {
        assertThat(r.outcome()).isEqualTo(ChangeResult.Outcome.FAILED);
        assertThat(r.failedStage()).isEqualTo(Stage.CONNECT);
        assertThat(r.leftIn()).isEqualTo(SwitchState.BEFORE);
        assertThat(lab.sw2.sessionsOpened()).isZero();
        assertThat(lab.sw2.commits()).isEmpty();
        assertThat(Lab.isSecured(lab.sw2, "ge-0/0/3")).isTrue();
    }
}
