package io.jenkins.plugins.mesa.flow;

import static io.jenkins.plugins.mesa.flow.StandInPeers.SWITCH_MAC;
import static io.jenkins.plugins.mesa.flow.StandInPeers.ge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.flow.StandInPeers.RecordingConfigurator;
import io.jenkins.plugins.mesa.guard.InvalidSettingException;
import io.jenkins.plugins.mesa.guard.Verdict;
import io.jenkins.plugins.mesa.mist.SwitchInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendSelectorTest {
    private final RecordingConfigurator junos = new RecordingConfigurator("junos");
    private final RecordingConfigurator cso = new RecordingConfigurator("cso");
    private final RecordingConfigurator mist = new RecordingConfigurator("mist");
    private final SwitchPort port = new SwitchPort("ex-1", SWITCH_MAC, ge(1));

    private static Optional<SwitchInfo> managedByMist(boolean managed) {
        return Optional.of(new SwitchInfo("ex-1", SWITCH_MAC, SWITCH_MAC.mistDeviceId(), "site-1", "ex-1.lab", managed));
    }

    @Test
    void mistManagedSwitchesGoToMistWhateverTheirOwnSetting() {
        BackendSelector s = new BackendSelector(List.of(junos, mist), "junos", Map.of("ex-1", "junos"), Map.of());
        BackendSelector.Choice c = s.choose(port, "site-1", managedByMist(true));
        assertThat(c.configurator()).isSameAs(mist);
        assertThat(c.decision().figures()).containsEntry("mistManaged", "true").containsEntry("backend", "mist");
    }

    @Test
    void aMistManagedSwitchWithoutAMistBackEndIsLeftAlone() {
        BackendSelector s = new BackendSelector(List.of(junos), "junos", Map.of(), Map.of());
        BackendSelector.Choice c = s.choose(port, "site-1", managedByMist(true));
        assertThat(c.configurator()).isNull();
        assertThat(c.decision().verdict()).isEqualTo(Verdict.STOP);
        assertThat(c.decision().explanation()).contains("no mist back-end is configured");
    }

    @Test
    void switchSettingBeatsSiteSettingBeatsDefault() {
        BackendSelector s = new BackendSelector(List.of(junos, cso), "junos", Map.of("ex-1", "cso"),
                Map.of("site-2", "cso"));
        assertThat(s.choose(port, "site-1", managedByMist(false)).configurator()).isSameAs(cso);
        SwitchPort other = new SwitchPort("ex-9", SWITCH_MAC, ge(1));
        assertThat(s.choose(other, "site-2", Optional.empty()).configurator()).isSameAs(cso);
        assertThat(s.choose(other, "site-1", Optional.empty()).configurator()).isSameAs(junos);
        assertThat(s.choose(other, "site-1", Optional.empty()).decision().explanation())
                .isEqualTo("junos for ex-9 (the default back-end)");
    }

    @Test
    void unknownBackEndNamesAreRejectedAtConfiguration() {
        assertThatThrownBy(() -> new BackendSelector(List.of(junos), "cso", Map.of(), Map.of()))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("'cso' for default");
        assertThatThrownBy(() -> new BackendSelector(List.of(junos), null, Map.of("ex-1", "ex"), Map.of()))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("switch ex-1");
        assertThatThrownBy(() -> new BackendSelector(List.of(junos, new RecordingConfigurator("junos")), null,
                Map.of(), Map.of())).isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void flowSettingsRejectNonsense() {
        FlowSettings d = FlowSettings.defaults();
        assertThatThrownBy(() -> d.withHoldDown(Duration.ofSeconds(-1))).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> d.withLookupDelay(Duration.ofSeconds(-1))).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> d.withDedupWindow(Duration.ZERO)).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> new FlowSettings(d.holdDown(), d.lookupDelay(), d.dedupWindow(), d.outage(),
                d.lldpWhenUnknown(), "ap", "ap", 3, d.retryBackoff())).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> d.withRetries(-1, Duration.ofSeconds(30))).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> d.withRetries(3, Duration.ZERO)).isInstanceOf(InvalidSettingException.class);
        assertThat(d.retryDelay(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.retryDelay(2)).isEqualTo(Duration.ofSeconds(120));
        assertThat(d.holdDown()).isEqualTo(Duration.ofSeconds(60));
    }
}
