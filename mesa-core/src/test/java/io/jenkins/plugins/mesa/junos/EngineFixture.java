package io.jenkins.plugins.mesa.junos;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.ChangeRequest;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.SwitchPort;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared set-up for engine tests: a port in the secured profile and the AP profile it should get. */
final class EngineFixture {
    static final String SWITCH = "ex-1";
    static final List<String> BEFORE = List.of(
            "set system host-name ex-1",
            "set vlans default vlan-id 1",
            "set vlans AP-MGMT vlan-id 10",
            "set vlans CORP vlan-id 20",
            "set interfaces ge-0/0/1 description \"Secured port (MESA)\"",
            "set interfaces ge-0/0/1 unit 0 family ethernet-switching interface-mode access",
            "set interfaces ge-0/0/1 unit 0 family ethernet-switching vlan members default",
            "set protocols dot1x authenticator authentication-profile-name DOT1X",
            "set protocols dot1x authenticator interface ge-0/0/1 supplicant multiple",
            "set protocols dot1x authenticator interface ge-0/0/1 mac-radius",
            "set protocols rstp interface ge-0/0/1 edge");
    static final List<String> AFTER_AP = List.of(
            "set system host-name ex-1",
            "set vlans default vlan-id 1",
            "set vlans AP-MGMT vlan-id 10",
            "set vlans CORP vlan-id 20",
            "set interfaces ge-0/0/1 description \"Mist AP ap-01\"",
            "set interfaces ge-0/0/1 native-vlan-id 10",
            "set interfaces ge-0/0/1 unit 0 family ethernet-switching interface-mode trunk",
            "set interfaces ge-0/0/1 unit 0 family ethernet-switching vlan members AP-MGMT",
            "set interfaces ge-0/0/1 unit 0 family ethernet-switching vlan members CORP",
            "set protocols dot1x authenticator authentication-profile-name DOT1X",
            "set poe interface ge-0/0/1 priority high",
            "set protocols rstp interface ge-0/0/1 edge");
    static final Map<String, String> AP_VARS = Map.of("native_vlan", "10", "vlans", "AP-MGMT,CORP",
            "description", "Mist AP ap-01");
    static final LockRetry LOCK_RETRY = new LockRetry(4, Duration.ofSeconds(5), Duration.ofSeconds(30));

    final SimulatedSwitch sw;
    final JunosSessions sessions;
    final List<Duration> pauses = new CopyOnWriteArrayList<>();
    final JunosPortConfigurator engine;
    final Clock clock;

    EngineFixture(boolean offerBase11, NetconfTimeouts timeouts) {
        sw = new SimulatedSwitch(SWITCH, offerBase11, BEFORE);
        sessions = new JunosSessions(timeouts, Duration.ofMinutes(10), Duration.ofMinutes(5), true,
                WarningAllowList.junosDefaults());
        clock = new SimClock(sw.time);
        engine = new JunosPortConfigurator(JunosTargets.of(sw.passwordTarget()), PortProfiles.defaults(), sessions,
                new JunosPortConfigurator.Settings(5, LOCK_RETRY, pauses::add, clock));
    }

    static ChangeRequest apRequest(String port) {
        return new ChangeRequest(new SwitchPort(SWITCH, MacAddress.parse("00:11:22:33:44:55"), InterfaceName.parse(port)),
                "ap", AP_VARS, false, "MESA AP_CONNECTED 5c5b350e55c8 ap-01", 0);
    }

    static ChangeRequest securedRequest(String port) {
        return new ChangeRequest(new SwitchPort(SWITCH, MacAddress.parse("00:11:22:33:44:55"), InterfaceName.parse(port)),
                "secured", Map.of(), false, "MESA AP_DISCONNECTED 5c5b350e55c8", 0);
    }

    void reset() throws InterruptedException {
        sw.sim.faults().clear();
        sw.awaitUnlockedAndClean();
        sw.sim.resetConfig(BEFORE);
        pauses.clear();
    }

    void close() {
        sessions.close();
        sw.close();
    }
}
