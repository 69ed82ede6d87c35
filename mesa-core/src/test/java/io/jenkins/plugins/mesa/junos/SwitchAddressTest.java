package io.jenkins.plugins.mesa.junos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What MESA accepts as a switch address reported by Mist before connecting to it. */
class SwitchAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.20.0.11", "127.0.0.1", "ex4100-idf2", "ex4100-idf2.corp.example.", "EX-1.example.com",
            "2001:db8::11", "fe80::1%eth0", "::1"})
    void hostNamesAndAddressesAreAccepted(String host) {
        assertThat(JunosTargets.isHostOrAddress(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "10.0.0.1 ", "10.0.0.1\nreboot", "sw 1", "-oProxyCommand=x", "sw-1-", "a..b",
            "host:830", "user@host", "[2001:db8::1]", "sw\u00001", "a-label-of-sixty-four-characters-is-one-too-long-for-a-dns-name-x.example"})
    void anythingElseIsRefused(String host) {
        assertThat(JunosTargets.isHostOrAddress(host)).isFalse();
    }
}
