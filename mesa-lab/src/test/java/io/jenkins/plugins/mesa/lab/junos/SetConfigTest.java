package io.jenkins.plugins.mesa.lab.junos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SetConfigTest {

    @Test
    void singleValueLeafIsReplacedAndListsAccumulate() {
        SetConfig c = new SetConfig();
        c.apply("set interfaces ge-0/0/1 unit 0 family ethernet-switching interface-mode access");
        c.apply("set interfaces ge-0/0/1 unit 0 family ethernet-switching interface-mode trunk");
        c.apply("set interfaces ge-0/0/1 unit 0 family ethernet-switching vlan members [ A B ]");
        c.apply("set interfaces ge-0/0/1 unit 0 family ethernet-switching vlan members C");
        c.apply("set interfaces ge-0/0/1 description \"AP port 1\"");
        assertThat(c.asSetLines()).containsExactly(
                "set interfaces ge-0/0/1 unit 0 family ethernet-switching interface-mode trunk",
                "set interfaces ge-0/0/1 unit 0 family ethernet-switching vlan members A",
                "set interfaces ge-0/0/1 unit 0 family ethernet-switching vlan members B",
                "set interfaces ge-0/0/1 unit 0 family ethernet-switching vlan members C",
                "set interfaces ge-0/0/1 description \"AP port 1\"");
    }

    @Test
    void deleteRemovesSubtreeAndWarnsWhenAbsent() {
        SetConfig c = new SetConfig();
        c.apply("set protocols dot1x authenticator interface ge-0/0/1 supplicant multiple");
        c.apply("set protocols dot1x authenticator interface ge-0/0/1 mac-radius");
        assertThat(c.apply("delete protocols dot1x authenticator interface ge-0/0/1").severity()).isEmpty();
        assertThat(c.asSetLines()).isEmpty();
        SetConfig.LineResult again = c.apply("delete protocols dot1x authenticator interface ge-0/0/1");
        assertThat(again.isWarning()).isTrue();
        assertThat(again.message()).isEqualTo("statement not found");
    }

    @Test
    void badStatementsAreErrors() {
        SetConfig c = new SetConfig();
        assertThat(c.apply("set bogus thing").isError()).isTrue();
        assertThat(c.apply("set interfaces eth0 description x").isError()).isTrue();
        assertThat(c.apply("set interfaces ge-0/0/1 description").isError()).isTrue();
        assertThat(c.apply("set interfaces ge-0/0/1 description \"open").isError()).isTrue();
        assertThat(c.asSetLines()).isEmpty();
    }

    @Test
    void diffShowsRemovedAndAddedUnderTheirHierarchy() {
        SetConfig running = new SetConfig();
        running.apply("set interfaces ge-0/0/1 unit 0 family ethernet-switching interface-mode access");
        SetConfig candidate = running.copy();
        candidate.apply("set interfaces ge-0/0/1 unit 0 family ethernet-switching interface-mode trunk");
        assertThat(candidate.diffFrom(running)).isEqualTo("""

                [edit interfaces ge-0/0/1 unit 0 family ethernet-switching]
                -   interface-mode access;
                +   interface-mode trunk;
                """);
        assertThat(running.copy().diffFrom(running)).isEqualTo("\n");
    }
}
