package io.jenkins.plugins.mesa.cso;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.http.RetryPolicy;
import io.jenkins.plugins.mesa.http.RetryingHttp;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A CSO on 127.0.0.1 (WireMock) answering like a CSO 5.x/6.x tenant with one EX switch {@code sw1}
 * (and a {@code sw10} that a substring match would confuse), three LAN segments and the two port
 * profiles of the original's example configuration.
 */
final class FakeCso implements AutoCloseable {
    static final String PASSWORD = "Pa55-cso-s3cret!";
    static final String TOKEN = "gAAAAABnT0ken-one";
    static final String SW1 = "8f2b7c1e-53aa-4c1e-9b65-0a1d2c3e4f50";
    static final String SEG_CORP = "2c0e4a5f-1111-4d6e-8f70-aa0000000010";
    static final String SEG_AP = "2c0e4a5f-2222-4d6e-8f70-aa0000000011";
    static final String SEG_GUEST = "2c0e4a5f-3333-4d6e-8f70-aa0000000012";
    static final String PROFILE_TRUNK = "7d1f0e2a-aaaa-4b3c-9d8e-0f1e2d3c4b5a";
    static final String PROFILE_ACCESS = "7d1f0e2a-bbbb-4b3c-9d8e-0f1e2d3c4b5a";
    static final String JOB = "4b1e7c2a-9d3f-4e5a-8b6c-7d8e9f0a1b2c";
    static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    static final String JOB_PATH = "/job-service/job/" + JOB;

    final WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    final MutableClock clock = new MutableClock(START);
    final List<Duration> pollWaits = new ArrayList<>();
    final List<Duration> retryWaits = new ArrayList<>();

    FakeCso() {
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    CsoSettings settings() {
        return CsoSettings.of(uri(), "mesa-svc", Secret.of(PASSWORD), "MY_CORP", Map.of(
                        "ap", CsoProfile.trunkAll("generic-trunk", 11),
                        "secured", CsoProfile.access("generic-access", 12)))
                .withDeploy(Duration.ofSeconds(60), Duration.ofSeconds(25));
    }

    RetryingHttp http() {
        return new RetryingHttp(RetryingHttp.newClient(Duration.ofSeconds(5)),
                new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(1)), retryWaits::add,
                Duration.ofSeconds(10), clock);
    }

    CsoPortConfigurator configurator(CsoSettings settings) {
        return new CsoPortConfigurator(settings, http(), clock, d -> {
            pollWaits.add(d);
            clock.advance(d);
        });
    }

    CsoPortConfigurator configurator() {
        return configurator(settings());
    }

    /** Keystone answering 201 with {@code token} in X-Subject-Token, expiring an hour after START. */
    FakeCso login(String token) {
        server.stubFor(post("/v3/auth/tokens").willReturn(tokenAnswer(token)));
        return this;
    }

    static ResponseDefinitionBuilder tokenAnswer(String token) {
        return tokenAnswer(token, "2026-11-29T10:00:00.000000Z", "2026-11-29T11:00:00.000000Z");
    }

    /** Keystone's answer with its own clock's issue and expiry times. */
    static ResponseDefinitionBuilder tokenAnswer(String token, String issuedAt, String expiresAt) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withHeader("X-Subject-Token", token)
                .withBody("""
                        {"token":{"methods":["password"],
                          "user":{"domain":{"id":"default","name":"Default"},"id":"9a1c3e5f7b9d4f1a","name":"mesa-svc",
                                  "password_expires_at":null},
                          "audit_ids":["lP4tYyH0Q0aD7uUw6F1b2A"],
                          "expires_at":"%s","issued_at":"%s",
                          "project":{"domain":{"id":"default","name":"Default"},"id":"d60f49d431044a6a","name":"MY_CORP"},
                          "is_domain":false,
                          "roles":[{"id":"3b5c7d9e","name":"tenant-operator"}],
                          "catalog":[]}}""".formatted(expiresAt, issuedAt));
    }

    /** A tenant with sw1, sw10 and an SRX; sw1 has three LAN segments and ge-0/0/4 in generic-access. */
    FakeCso inventory() {
        server.stubFor(get("/data-view-central/device").willReturn(okJson(devices(
                device(SW1, "sw1"),
                device("8f2b7c1e-53aa-4c1e-9b65-0a1d2c3e4f10", "sw10"),
                device("0a0b0c0d-53aa-4c1e-9b65-0a1d2c3e4f99", "site1-srx")))));
        server.stubFor(post("/topology-service/lan-segment/_filter").willReturn(okJson("""
                {"total":3,"lan-segment":[
                  {"uuid":"%s","name":"corp","fq_name":["default-domain","MY_CORP","site1","corp"],"vlan":10,
                   "parent_uuid":"%s","parent_type":"device","segment_type":"lan"},
                  {"uuid":"%s","name":"ap-mgmt","fq_name":["default-domain","MY_CORP","site1","ap-mgmt"],"vlan":11,
                   "parent_uuid":"%s","parent_type":"device","segment_type":"lan"},
                  {"uuid":"%s","name":"guest","fq_name":["default-domain","MY_CORP","site1","guest"],"vlan":"12",
                   "parent_uuid":"%s","parent_type":"device","segment_type":"lan"}]}"""
                .formatted(SEG_CORP, SW1, SEG_AP, SW1, SEG_GUEST, SW1))));
        server.stubFor(get("/tssm/port-profile").willReturn(okJson(portProfiles(
                profile(PROFILE_TRUNK, "generic-trunk"), profile(PROFILE_ACCESS, "generic-access")))));
        server.stubFor(get(urlPathEqualTo("/data-view-central/device-port")).withQueryParam("parent_id", equalTo(SW1))
                .willReturn(okJson("""
                        {"total":2,"device-port":[
                          {"uuid":"e1f2a3b4-0003","name":"ge-0/0/3","fq_name":["default-domain","MY_CORP","sw1","ge-0/0/3"],
                           "port_profile_refs":[{"to":["default-domain","MY_CORP","generic-trunk"],"uuid":"%s"}]},
                          {"uuid":"e1f2a3b4-0004","name":"ge-0/0/4","fq_name":["default-domain","MY_CORP","sw1","ge-0/0/4"],
                           "port_profile_refs":[{"to":["default-domain","MY_CORP","generic-access"],"uuid":"%s"}]}]}"""
                        .formatted(PROFILE_TRUNK, PROFILE_ACCESS))));
        return this;
    }

    /** Apply accepted, deploy answering {@link #JOB}. */
    FakeCso writes() {
        server.stubFor(post("/tssm/apply-port-config-association").willReturn(okJson("""
                {"output":{"result":"success","message":"Port configuration association saved"}}""")));
        server.stubFor(post("/tssm/deploy-port-config-association").willReturn(okJson("""
                {"output":{"job_id":"%s","status":"success"}}""".formatted(JOB))));
        return this;
    }

    /** The job answers the given statuses in turn, the last one for ever. */
    FakeCso jobAnswers(String... answers) {
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = i + 1 < answers.length ? "poll-" + (i + 1) : state;
            server.stubFor(get(urlEqualTo(JOB_PATH)).inScenario("job").whenScenarioStateIs(state)
                    .willReturn(okJson(answers[i])).willSetStateTo(next));
            state = next;
        }
        return this;
    }

    static String job(String status, int percentage) {
        return """
                {"job":{"uuid":"%s","status":"%s","display_name":"Deploy port config on sw1",
                  "job_type":"csp.tssm.deploy-port-config-association","percentage":%d,
                  "start_time":1795946400,"uri":"/job-service/job/%s","job_timeout":600,
                  "summary":{"task_count":2,"task_tree":{"task_status":"%s","children":[]}}}}"""
                .formatted(JOB, status, percentage, JOB, status);
    }

    static String failedJob() {
        return """
                {"job":{"uuid":"%1$s","status":"failed","display_name":"Deploy port config on sw1",
                  "job_type":"csp.tssm.deploy-port-config-association","percentage":100,
                  "summary":{"fail_count":2,"success_count":1,"task_count":3,"task_tree":{
                    "task_status":"failed","children":[
                      {"path":"%1$s/Resolving Endpoints","task_status":"success","children":[]},
                      {"path":"%1$s/Deployment Task","task_status":"failed","children":[
                        {"path":"%1$s/Deployment Task/sw1_1","task_status":"failed","children":[]}]}]}}}}"""
                .formatted(JOB);
    }

    static String device(String uuid, String name) {
        return """
                {"uuid":"%s","name":"%s","fq_name":["default-domain","MY_CORP","%s"],
                 "href":"/data-view-central/device/%s","device_family":"juniper-ex","management_state":"managed"}"""
                .formatted(uuid, name, name, uuid);
    }

    static String device(String uuid, String tenant, String name) {
        return """
                {"uuid":"%s","name":"%s","fq_name":["default-domain","%s","%s"],"device_family":"juniper-ex"}"""
                .formatted(uuid, name, tenant, name);
    }

    static String devices(String... items) {
        return "{\"total\":" + items.length + ",\"device\":[" + String.join(",", items) + "]}";
    }

    static String profile(String uuid, String name) {
        return """
                {"uuid":"%s","name":"%s","fq_name":["default-domain","MY_CORP","%s"],"port_type":"access"}"""
                .formatted(uuid, name, name);
    }

    static String portProfiles(String... items) {
        return "{\"total\":" + items.length + ",\"port-profile\":[" + String.join(",", items) + "]}";
    }

    int count(String method, String path) {
        return (int) server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().value().equals(method) && e.getRequest().getUrl().startsWith(path))
                .count();
    }

    @Override
    public void close() {
        server.stop();
    }
}
