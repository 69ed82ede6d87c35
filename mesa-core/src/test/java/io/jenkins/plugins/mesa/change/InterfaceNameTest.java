package io.jenkins.plugins.mesa.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterfaceNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"ge-0/0/4", "xe-1/1/0", "mge-0/0/47", "et-0/0/0"})
    void acceptsPhysicalJunosInterfaces(String name) {
        assertThat(InterfaceName.parse(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ge-0/0/4.0", "ge-0/0/4.16386"})
    void dropsTheLogicalUnit(String name) {
        assertThat(InterfaceName.parse(name).value()).isEqualTo("ge-0/0/4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2/20", "ge-0/0/4; delete system", "ge-0/0/4 description x", "ge-0/0/4\nset x",
            "AP uplink", "ge-0/0/*", "../../etc"})
    void rejectsAnythingElse(String name) {
        assertThatThrownBy(() -> InterfaceName.parse(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Junos interface name");
    }
}
