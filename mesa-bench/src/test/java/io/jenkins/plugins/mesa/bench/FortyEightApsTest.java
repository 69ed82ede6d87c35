package io.jenkins.plugins.mesa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 48 APs plugged into one switch at the same moment: every port ends in the AP profile. */
class FortyEightApsTest {

    @Test
    void fortyEightSimultaneousConnectsPutAll48PortsInTheApProfile() throws Exception {
        OneSwitchLab.Settled s;
        try (OneSwitchLab lab = new OneSwitchLab(48)) {
            s = lab.plugAllAtOnce();
        }
        System.out.printf("48 APs on one switch: %d/%d ports in the AP profile, webhooks taken in %d ms, settled in"
                + " %d ms%n", s.inApProfile(), s.ports(), s.plugged().toMillis(), s.settled().toMillis());
        assertThat(s.inApProfile()).isEqualTo(48);
        assertThat(s.changed()).as("audit records with a port changed").isEqualTo(48);
    }
}
