package io.jenkins.plugins.mesa.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.flow.PortAssignment;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** mesa-core's port registry on the plugin's durable state. */
@WithJenkins
class MesaStatePortRegistryTest {

    @Test
    void atPortAnswersEveryApLastConfiguredOnThatPort(JenkinsRule j) {
        MesaStatePortRegistry registry = new MesaStatePortRegistry(MesaState.get());
        Instant at = Instant.parse("2026-11-29T02:00:00Z");
        registry.put(assignment("5c5b350e55c8", "ex-br12-01", "ge-0/0/5", at));
        registry.put(assignment("5c5b350e55c9", "ex-br12-01", "ge-0/0/6", at));
        registry.put(assignment("5c5b350e55ca", "ex-br12-02", "ge-0/0/5", at));
        // the AP moved: only its latest port counts
        registry.put(assignment("5c5b350e55c9", "ex-br12-01", "ge-0/0/5", at.plusSeconds(60)));

        assertThat(registry.atPort("ex-br12-01", InterfaceName.parse("ge-0/0/5")))
                .extracting(a -> a.ap().value())
                .containsExactlyInAnyOrder(
                        MacAddress.parse("5c5b350e55c8").value(), MacAddress.parse("5c5b350e55c9").value());
        assertThat(registry.atPort("ex-br12-01", InterfaceName.parse("ge-0/0/6"))).isEmpty();
        assertThat(registry.atPort("ex-br12-02", InterfaceName.parse("ge-0/0/5")))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.profile()).isEqualTo("ap");
                    assertThat(a.at()).isEqualTo(at);
                });
    }

    private static PortAssignment assignment(String ap, String sw, String port, Instant at) {
        return new PortAssignment(
                MacAddress.parse(ap), "", "", new SwitchPort(sw, null, InterfaceName.parse(port)), "ap", at);
    }
}
