package io.jenkins.plugins.mesa.cso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsoSettingsTest {
    private static final Map<String, CsoProfile> PROFILES = Map.of(
            "ap", CsoProfile.trunkAll("generic-trunk", 11), "secured", CsoProfile.access("generic-access", 12));

    private static CsoSettings settings(String uri) {
        return CsoSettings.of(URI.create(uri), "mesa-svc", Secret.of("hunter2-cso"), "MY_CORP", PROFILES);
    }

    @Test
    void defaultsFollowTheOriginalCallsAndDocumentedJobFields() {
        CsoSettings s = settings("https://cso.example.net/");

        assertThat(s.baseUri()).hasToString("https://cso.example.net");
        assertThat(s.userDomain()).isEqualTo("default");
        assertThat(s.projectDomain()).isEqualTo("default");
        assertThat(s.paths().devices()).isEqualTo("/data-view-central/device");
        assertThat(s.paths().lanSegmentFilter()).isEqualTo("/topology-service/lan-segment/_filter");
        assertThat(s.paths().portProfiles()).isEqualTo("/tssm/port-profile");
        assertThat(s.paths().apply()).isEqualTo("/tssm/apply-port-config-association");
        assertThat(s.paths().deploy()).isEqualTo("/tssm/deploy-port-config-association");
        assertThat(s.paths().job()).isEqualTo("/job-service/job/{jobId}");
        assertThat(s.jobFields().jobIdPointer()).isEqualTo("/output/job_id");
        assertThat(s.jobFields().statePointer()).isEqualTo("/job/status");
        assertThat(s.deployDeadline()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.toString()).doesNotContain("hunter2-cso").contains("****");
    }

    @Test
    void badBaseUrisAreRefused() {
        for (String bad : List.of("ftp://cso.example.net", "https:///x", "https://user:pw@cso.example.net",
                "https://cso.example.net?x=1")) {
            assertThatThrownBy(() -> settings(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("pw@");
        }
    }

    @Test
    void inconsistentProfilesAndTimingsAreRefused() {
        assertThatThrownBy(() -> new CsoProfile("generic-access", CsoProfile.Mode.ACCESS, List.of(10, 12), null))
                .hasMessageContaining("exactly one VLAN");
        assertThatThrownBy(() -> CsoProfile.trunk("generic-trunk", List.of(10, 20), 11))
                .hasMessageContaining("native VLAN 11 is not among");
        assertThatThrownBy(() -> CsoProfile.access("generic-access", 4095)).hasMessageContaining("1..4094");
        assertThatThrownBy(() -> settings("https://cso.example.net").withDeploy(Duration.ofSeconds(10), Duration.ofSeconds(30)))
                .hasMessageContaining("longer than deployDeadline");
        assertThatThrownBy(() -> CsoPaths.defaults().withJob("/job-service/job"))
                .hasMessageContaining("{jobId}");
        assertThatThrownBy(() -> new CsoJobFields("/output/job_id", "/job/status", "/job/message",
                Set.of("done"), Set.of("DONE"))).hasMessageContaining("both");
        assertThatThrownBy(() -> CsoSettings.of(URI.create("https://cso.example.net"), "u", Secret.of("p"), "T", Map.of()))
                .hasMessageContaining("no profile");
    }
}
