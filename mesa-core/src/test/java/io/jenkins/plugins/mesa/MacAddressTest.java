package io.jenkins.plugins.mesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MacAddressTest {
    @ParameterizedTest
    @ValueSource(strings = {"5c5b350e55c8", "5C:5B:35:0E:55:C8", "5c-5b-35-0e-55-c8", "5c5b.350e.55c8", " 5c5b350e55c8 "})
    void parsesEveryCommonForm(String text) {
        assertThat(MacAddress.parse(text).value()).isEqualTo("5c5b350e55c8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5c5b350e55c", "5c5b350e55c8aa", "zz5b350e55c8", "5c5b350e55c8; rm -rf"})
    void rejectsWhatIsNotAMac(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a MAC");
    }

    @Test
    void formsJunosAndMistRepresentations() {
        MacAddress mac = MacAddress.parse("5c5b350e55c8");
        assertThat(mac.colonForm()).isEqualTo("5c:5b:35:0e:55:c8");
        assertThat(mac.mistDeviceId()).isEqualTo("00000000-0000-0000-1000-5c5b350e55c8");
    }
}
