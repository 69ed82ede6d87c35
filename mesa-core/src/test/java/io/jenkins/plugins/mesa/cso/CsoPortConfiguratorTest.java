package io.jenkins.plugins.mesa.cso;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.mesa.cso.FakeCso.JOB;
import static io.jenkins.plugins.mesa.cso.FakeCso.PROFILE_ACCESS;
import static io.jenkins.plugins.mesa.cso.FakeCso.PROFILE_TRUNK;
import static io.jenkins.plugins.mesa.cso.FakeCso.SEG_AP;
import static io.jenkins.plugins.mesa.cso.FakeCso.SEG_CORP;
import static io.jenkins.plugins.mesa.cso.FakeCso.SEG_GUEST;
import static io.jenkins.plugins.mesa.cso.FakeCso.SW1;
import static io.jenkins.plugins.mesa.cso.FakeCso.device;
import static io.jenkins.plugins.mesa.cso.FakeCso.devices;
import static io.jenkins.plugins.mesa.cso.FakeCso.job;
import static io.jenkins.plugins.mesa.cso.FakeCso.portProfiles;
import static io.jenkins.plugins.mesa.cso.FakeCso.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.change.ChangeRequest;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.StageTiming;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.change.SwitchState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CsoPortConfiguratorTest {
    private final FakeCso cso = new FakeCso().login(FakeCso.TOKEN).inventory().writes();

    @AfterEach
    void stop() {
        cso.close();
    }

    static ChangeRequest request(String switchName, String port, String profile) {
        return ChangeRequest.of(new SwitchPort(switchName, null, InterfaceName.parse(port)), profile,
                "MESA: AP_CONNECTED 5c5b350e55c8");
    }

    @Test
    void apProfileIsAssignedWithEverySegmentAndTheNativeOneThenDeployedAndPolledToSuccess() {
        cso.jobAnswers(job("in-progress", 40), job("success", 100));

        ChangeResult result = cso.configurator().apply(request("sw1.site1.example.net", "ge-0/0/4", "ap"));

        assertThat(result.outcome()).isEqualTo(ChangeResult.Outcome.CHANGED);
        assertThat(result.backend()).isEqualTo("cso");
        assertThat(result.leftIn()).isEqualTo(SwitchState.AFTER);
        assertThat(result.remoteRef()).isEqualTo(JOB);
        assertThat(result.comment()).isEqualTo("MESA: AP_CONNECTED 5c5b350e55c8");
        assertThat(result.diff()).isEqualTo("sw1.site1.example.net ge-0/0/4: port profile generic-access -> generic-trunk,"
                + " LAN segments [corp(10), ap-mgmt(11), guest(12)], native VLAN 11");
        assertThat(result.timings()).extracting(StageTiming::stage)
                .containsExactly(Stage.CONNECT, Stage.LOOKUP, Stage.LOAD, Stage.COMMIT, Stage.POLL);
        // Two polls, 25 s apart on the injected clock: the POLL stage took 50 s and nothing slept.
        assertThat(result.timings().get(4).took()).hasSeconds(50);

        cso.server.verify(postRequestedFor(urlEqualTo("/v3/auth/tokens")).withRequestBody(equalToJson("""
                {"auth":{"identity":{"methods":["password"],
                  "password":{"user":{"domain":{"id":"default"},"name":"mesa-svc","password":"%s"}}},
                  "scope":{"project":{"domain":{"id":"default"},"name":"MY_CORP"}}}}""".formatted(FakeCso.PASSWORD))));
        cso.server.verify(getRequestedFor(urlEqualTo("/data-view-central/device")).withHeader("X-Auth-Token", equalTo(FakeCso.TOKEN)));
        cso.server.verify(postRequestedFor(urlEqualTo("/topology-service/lan-segment/_filter")).withRequestBody(equalToJson("""
                {"query":{"bool":{"must":[{"term":{"parent_uuid._raw":"%s"}}]}},"detail":true}""".formatted(SW1))));
        cso.server.verify(postRequestedFor(urlEqualTo("/tssm/apply-port-config-association"))
                .withHeader("X-Auth-Token", equalTo(FakeCso.TOKEN)).withRequestBody(equalToJson("""
                {"input":{"port_config_association":[{"device_uuid":"%s","port_name":"ge-0/0/4",
                  "port_configuration":"%s","configuration_type":"profile",
                  "lan_segment":["%s","%s","%s"],"native_lan":"%s"}]}}"""
                .formatted(SW1, PROFILE_TRUNK, SEG_CORP, SEG_AP, SEG_GUEST, SEG_AP))));
        cso.server.verify(postRequestedFor(urlEqualTo("/tssm/deploy-port-config-association")).withRequestBody(equalToJson("""
                {"input":{"port_config_association":[{"device_uuid":"%s","port_name":"ge-0/0/4"}]}}""".formatted(SW1))));
        assertThat(cso.count("GET", FakeCso.JOB_PATH)).isEqualTo(2);
    }

    @Test
    void securedProfileAssignsOnlyTheAccessSegmentAndNoNative() {
        cso.jobAnswers(job("success", 100));

        ChangeResult result = cso.configurator().apply(request("sw1.site1", "ge-0/0/3", "secured"));

        assertThat(result.outcome()).isEqualTo(ChangeResult.Outcome.CHANGED);
        assertThat(result.diff()).isEqualTo("sw1.site1 ge-0/0/3: port profile generic-trunk -> generic-access,"
                + " LAN segments [guest(12)]");
        cso.server.verify(postRequestedFor(urlEqualTo("/tssm/apply-port-config-association")).withRequestBody(equalToJson("""
                {"input":{"port_config_association":[{"device_uuid":"%s","port_name":"ge-0/0/3",
                  "port_configuration":"%s","configuration_type":"profile",
                  "lan_segment":["%s"],"native_lan":null}]}}""".formatted(SW1, PROFILE_ACCESS, SEG_GUEST))));
    }

    @Test
    void aTrunkWithConfiguredVlansCarriesOnlyThoseSegments() {
        cso.jobAnswers(job("success", 100));
        CsoSettings settings = cso.settings();
        var custom = new CsoSettings(settings.baseUri(), settings.user(), settings.password(), settings.userDomain(),
                settings.project(), settings.projectDomain(), settings.connectTimeout(), settings.requestTimeout(),
                settings.deployDeadline(), settings.pollInterval(), settings.tokenMargin(), settings.paths(),
                settings.jobFields(), Map.of("ap", CsoProfile.trunk("generic-trunk", List.of(11, 10), 11)));

        ChangeResult result = cso.configurator(custom).apply(request("sw1", "ge-0/0/4", "ap"));

        assertThat(result.outcome()).isEqualTo(ChangeResult.Outcome.CHANGED);
        cso.server.verify(postRequestedFor(urlEqualTo("/tssm/apply-port-config-association")).withRequestBody(equalToJson("""
                {"input":{"port_config_association":[{"device_uuid":"%s","port_name":"ge-0/0/4",
                  "port_configuration":"%s","configuration_type":"profile",
                  "lan_segment":["%s","%s"],"native_lan":"%s"}]}}"""
                .formatted(SW1, PROFILE_TRUNK, SEG_AP, SEG_CORP, SEG_AP))));
    }

    @Test
    void dryRunLooksEverythingUpAndWritesNothing() {
        ChangeResult result = cso.configurator().apply(request("sw1.site1", "ge-0/0/4", "ap").asDryRun());

        assertThat(result.outcome()).isEqualTo(ChangeResult.Outcome.DRY_RUN);
        assertThat(result.leftIn()).isEqualTo(SwitchState.BEFORE);
        assertThat(result.remoteRef()).isEmpty();
        assertThat(result.diff()).isEqualTo("sw1.site1 ge-0/0/4: port profile generic-access -> generic-trunk,"
                + " LAN segments [corp(10), ap-mgmt(11), guest(12)], native VLAN 11");
        assertThat(result.timings()).extracting(StageTiming::stage).containsExactly(Stage.CONNECT, Stage.LOOKUP);
        cso.server.verify(0, postRequestedFor(urlEqualTo("/tssm/apply-port-config-association")));
        cso.server.verify(0, postRequestedFor(urlEqualTo("/tssm/deploy-port-config-association")));
        cso.server.verify(0, getRequestedFor(urlPathEqualTo(FakeCso.JOB_PATH)));
    }

    @Test
    void deviceIsMatchedByAnExactFqNameElementNotASubstring() {
        // sw10 contains "sw1" as text; only the fq_name element "sw1" is the switch.
        CsoAssignment a = cso.configurator().plan(request("sw1.site1", "ge-0/0/4", "ap"));

        assertThat(a.deviceUuid()).isEqualTo(SW1);
    }

    @Test
    void unknownDeviceFailsTheChangeAtLookupNamingTheDevicesCsoHas() {
        ChangeResult result = cso.configurator().apply(request("sw7.site1", "ge-0/0/4", "ap"));

        assertThat(result.outcome()).isEqualTo(ChangeResult.Outcome.FAILED);
        assertThat(result.failedStage()).isEqualTo(Stage.LOOKUP);
        assertThat(result.leftIn()).isEqualTo(SwitchState.BEFORE);
        assertThat(result.message()).contains("'sw7'", "default-domain:MY_CORP:sw1", "default-domain:MY_CORP:sw10");
        assertThatThrownBy(() -> cso.configurator().plan(request("sw7.site1", "ge-0/0/4", "ap")))
                .isInstanceOfSatisfying(CsoException.class, e -> assertThat(e.reason()).isEqualTo("cso-device-not-found"));
        cso.server.verify(0, postRequestedFor(urlEqualTo("/tssm/apply-port-config-association")));
    }

    @Test
    void aDeviceNameTwoTenantsShareIsAmbiguousAndNamesBoth() {
        cso.server.stubFor(get("/data-view-central/device").willReturn(okJson(devices(
                device(SW1, "sw1"), device("9c3d8e2f-0000-4c1e-9b65-0a1d2c3e4f51", "OTHER_CORP", "sw1")))));

        ChangeResult result = cso.configurator().apply(request("sw1.site1", "ge-0/0/4", "ap"));

        assertThat(result.failedStage()).isEqualTo(Stage.LOOKUP);
        assertThat(result.message()).contains("2 CSO devices", "default-domain:MY_CORP:sw1", "default-domain:OTHER_CORP:sw1");
        assertThatThrownBy(() -> cso.configurator().plan(request("sw1.site1", "ge-0/0/4", "ap")))
                .isInstanceOfSatisfying(CsoException.class, e -> assertThat(e.reason()).isEqualTo("cso-device-ambiguous"));
        cso.server.verify(0, postRequestedFor(urlEqualTo("/tssm/apply-port-config-association")));
    }

    @Test
    void missingOrDuplicatedPortProfileIsATypedLookupFailure() {
        cso.server.stubFor(get("/tssm/port-profile").willReturn(okJson(portProfiles(profile(PROFILE_ACCESS, "generic-access")))));

        ChangeResult result = cso.configurator().apply(request("sw1", "ge-0/0/4", "ap"));

        assertThat(result.failedStage()).isEqualTo(Stage.LOOKUP);
        assertThat(result.message()).contains("'generic-trunk'", "default-domain:MY_CORP:generic-access");
        assertThatThrownBy(() -> cso.configurator().plan(request("sw1", "ge-0/0/4", "ap")))
                .isInstanceOfSatisfying(CsoException.class, e -> assertThat(e.reason()).isEqualTo("cso-profile-not-found"));

        // The original took the last of several matches; MESA refuses to guess.
        cso.server.stubFor(get("/tssm/port-profile").willReturn(okJson(portProfiles(
                profile(PROFILE_TRUNK, "generic-trunk"), profile("7d1f0e2a-cccc-4b3c-9d8e-0f1e2d3c4b5a", "generic-trunk")))));
        assertThatThrownBy(() -> cso.configurator().plan(request("sw1", "ge-0/0/4", "ap")))
                .isInstanceOfSatisfying(CsoException.class, e -> assertThat(e.reason()).isEqualTo("cso-profile-ambiguous"));
        cso.server.verify(0, postRequestedFor(urlEqualTo("/tssm/apply-port-config-association")));
    }

    @Test
    void aNativeVlanWithoutSegmentIsATypedLookupFailure() {
        CsoSettings settings = cso.settings();
        var custom = new CsoSettings(settings.baseUri(), settings.user(), settings.password(), settings.userDomain(),
                settings.project(), settings.projectDomain(), settings.connectTimeout(), settings.requestTimeout(),
                settings.deployDeadline(), settings.pollInterval(), settings.tokenMargin(), settings.paths(),
                settings.jobFields(), Map.of("ap", CsoProfile.trunkAll("generic-trunk", 42)));

        assertThatThrownBy(() -> cso.configurator(custom).plan(request("sw1", "ge-0/0/4", "ap")))
                .isInstanceOfSatisfying(CsoException.class, e -> {
                    assertThat(e.reason()).isEqualTo("cso-segment-not-found");
                    assertThat(e.getMessage()).contains("VLAN 42");
                });
    }

    @Test
    void aPortTheDeviceDoesNotListFailsTheLookup() {
        assertThatThrownBy(() -> cso.configurator().plan(request("sw1", "ge-0/0/30", "ap")))
                .isInstanceOfSatisfying(CsoException.class, e -> {
                    assertThat(e.reason()).isEqualTo("cso-port-not-found");
                    assertThat(e.getMessage()).contains("ge-0/0/30");
                });
    }

    @Test
    void anUnavailablePortListOnlyLosesTheBeforeProfile() {
        cso.server.stubFor(get(urlPathEqualTo("/data-view-central/device-port")).willReturn(aResponse().withStatus(404)));

        CsoAssignment a = cso.configurator().plan(request("sw1", "ge-0/0/4", "ap"));

        assertThat(a.previousProfile()).isNull();
        assertThat(a.summary()).startsWith("sw1 ge-0/0/4: port profile (unknown) -> generic-trunk");
    }

    @Test
    void unknownProfileIsRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> cso.configurator().apply(request("sw1", "ge-0/0/4", "voice")))
                .isInstanceOfSatisfying(CsoException.class, e -> {
                    assertThat(e.reason()).isEqualTo("unknown-profile");
                    assertThat(e.getMessage()).contains("voice", "[ap, secured]");
                });
        assertThat(cso.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusedApplyFailsAtLoadAndNothingIsDeployed() {
        cso.server.stubFor(post("/tssm/apply-port-config-association").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"lan_segment 2c0e4a5f is not attached to device\"}}")));

        ChangeResult result = cso.configurator().apply(request("sw1", "ge-0/0/4", "ap"));

        assertThat(result.failedStage()).isEqualTo(Stage.LOAD);
        assertThat(result.leftIn()).isEqualTo(SwitchState.BEFORE);
        assertThat(result.message()).contains("HTTP 400", "not attached to device");
        cso.server.verify(0, postRequestedFor(urlEqualTo("/tssm/deploy-port-config-association")));
    }

    @Test
    void anApplyAnsweringFailureInsideA200IsNotTakenForSuccess() {
        cso.server.stubFor(post("/tssm/apply-port-config-association").willReturn(okJson("""
                {"output":{"status":"failure","message":"port ge-0/0/4 is part of a LAG"}}""")));

        ChangeResult result = cso.configurator().apply(request("sw1", "ge-0/0/4", "ap"));

        assertThat(result.failedStage()).isEqualTo(Stage.LOAD);
        assertThat(result.message()).contains("part of a LAG");
        cso.server.verify(0, postRequestedFor(urlEqualTo("/tssm/deploy-port-config-association")));
    }

    @Test
    void aDeployAnswerWithoutJobIdFailsAtCommit() {
        cso.server.stubFor(post("/tssm/deploy-port-config-association").willReturn(okJson("{\"output\":{}}")));

        ChangeResult result = cso.configurator().apply(request("sw1", "ge-0/0/4", "ap"));

        assertThat(result.failedStage()).isEqualTo(Stage.COMMIT);
        assertThat(result.leftIn()).isEqualTo(SwitchState.BEFORE);
        assertThat(result.message()).contains("without a job id at /output/job_id");
    }
}
