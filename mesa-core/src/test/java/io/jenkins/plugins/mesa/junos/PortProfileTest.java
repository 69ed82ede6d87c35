package io.jenkins.plugins.mesa.junos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.change.InterfaceName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortProfileTest {
    private static final InterfaceName PORT = InterfaceName.parse("ge-0/0/10");

    @Test
    void defaultApProfileRendersTheEluTrunkWithValidatedValues() {
        List<String> s = PortProfiles.defaults().require("ap").render(PORT,
                Map.of("native_vlan", "10", "vlans", "AP-MGMT, CORP GUEST", "description", "AP ap-01 5c5b350e55c8"));
        assertThat(s).contains(
                "delete protocols dot1x authenticator interface ge-0/0/10",
                "set interfaces ge-0/0/10 description \"AP ap-01 5c5b350e55c8\"",
                "set interfaces ge-0/0/10 native-vlan-id 10",
                "set interfaces ge-0/0/10 unit 0 family ethernet-switching interface-mode trunk",
                "set interfaces ge-0/0/10 unit 0 family ethernet-switching vlan members [ AP-MGMT CORP GUEST ]",
                "set poe interface ge-0/0/10 priority high",
                "set protocols rstp interface ge-0/0/10 edge");
        assertThat(s.indexOf("delete protocols dot1x authenticator interface ge-0/0/10"))
                .isLessThan(s.indexOf("set interfaces ge-0/0/10 native-vlan-id 10"));
    }

    @Test
    void defaultSecuredProfileIsDot1xWithMacRadiusAndMultipleSupplicants() {
        List<String> s = PortProfiles.defaults().require("secured").render(PORT, Map.of("access_vlan", "QUARANTINE"));
        assertThat(s).contains(
                "set interfaces ge-0/0/10 unit 0 family ethernet-switching interface-mode access",
                "set interfaces ge-0/0/10 unit 0 family ethernet-switching vlan members QUARANTINE",
                "set protocols dot1x authenticator interface ge-0/0/10 supplicant multiple",
                "set protocols dot1x authenticator interface ge-0/0/10 mac-radius",
                "delete interfaces ge-0/0/10 native-vlan-id");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "set interfaces {interface} speed {speeed}",          // unknown variable
            "set interfaces {interface description x",            // unbalanced brace
            "set interfaces {interface} description \"x",         // unbalanced quote
            "set interfaces {interface} vlan members [ a b",      // unbalanced bracket
            "set interfaces {interface} vlan members [ [ a ] ]",  // nested bracket
            "show configuration {interface}",                     // not set/delete
            "set interfaces {interface} mtu 9000; delete system", // command chaining
    })
    void badTemplatesAreRejectedWhenConfigurationLoads(String statement) {
        String yaml = "profiles:\n  ap:\n    statements:\n      - '" + statement.replace("'", "''") + "'\n";
        assertThatThrownBy(() -> PortProfiles.fromYaml(yaml))
                .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.reason()).isEqualTo("bad-profile"));
    }

    @Test
    void badDefaultsAndStructureAreRejectedAtLoad() {
        assertThatThrownBy(() -> PortProfiles.fromYaml("profiles:\n  ap:\n    defaults: {native_vlan: '0'}\n"
                + "    statements: ['set interfaces {interface} native-vlan-id {native_vlan}']\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("bad default");
        assertThatThrownBy(() -> PortProfiles.fromYaml("profiles:\n  ap:\n    statement: []\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("unknown key");
        assertThatThrownBy(() -> PortProfiles.fromYaml("profiles:\n  ap:\n    statements: ['set system host-name x']\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("{interface}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "4095", "10 ; delete", "-1", "ten", "[ 10 ]"})
    void nativeVlanMustBeAVlanId(String value) {
        PortProfile ap = PortProfiles.defaults().require("ap");
        assertThatThrownBy(() -> ap.render(PORT, Map.of("native_vlan", value)))
                .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.reason()).isEqualTo("bad-variable"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CORP;", "CORP ]", "\"CORP\"", "CORP\ndelete system", "", "9999"})
    void vlanListsAcceptOnlyNamesAndIds(String value) {
        PortProfile ap = PortProfiles.defaults().require("ap");
        assertThatThrownBy(() -> ap.render(PORT, Map.of("vlans", value))).isInstanceOf(ProfileException.class);
    }

    @Test
    void unknownRequestVariablesAndInterfaceOverridesAreRejected() {
        PortProfile ap = PortProfiles.defaults().require("ap");
        assertThatThrownBy(() -> ap.render(PORT, Map.of("vlan", "CORP"))).hasMessageContaining("unknown variable");
        assertThatThrownBy(() -> ap.render(PORT, Map.of("interface", "ge-0/0/1"))).isInstanceOf(ProfileException.class);
    }

    @Test
    void customProfilesReplaceTheDefaults() {
        PortProfiles custom = PortProfiles.fromYaml("""
                profiles:
                  iot:
                    defaults: { access_vlan: IOT }
                    statements:
                      - delete interfaces {interface} unit 0 family ethernet-switching
                      - set interfaces {interface} unit 0 family ethernet-switching vlan members {access_vlan}
                """);
        assertThat(custom.names()).containsExactly("iot");
        assertThat(custom.require("iot").render(PORT, Map.of()))
                .containsExactly("delete interfaces ge-0/0/10 unit 0 family ethernet-switching",
                        "set interfaces ge-0/0/10 unit 0 family ethernet-switching vlan members IOT");
        assertThatThrownBy(() -> custom.require("ap"))
                .isInstanceOfSatisfying(ProfileException.class, e -> assertThat(e.reason()).isEqualTo("unknown-profile"));
    }
}
