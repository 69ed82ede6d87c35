package io.jenkins.plugins.mesa.mist;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.http.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MistClientTest {
    static final String TOKEN = "tok-1234567890abcdef";
    static final String ORG = "2818e386-8dec-2562-9ede-5b8a0fbbdc71";
    static final String SITE = "978c48e6-6ef6-11e6-8bbf-02e208b2d34f";
    static final String SITE_B = "4ac1dcf4-9d8b-7211-65c4-057819f0862b";
    static final MacAddress AP = new MacAddress("5c5b350e55c8");
    static final String AP_STATS = "/api/v1/sites/" + SITE + "/stats/devices/00000000-0000-0000-1000-5c5b350e55c8";

    // One server for the class (started once: it is the slow part), reset before each test.
    private static final WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    private final List<Duration> waits = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
    private MistClient client;

    @BeforeAll
    static void startServer() {
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        client = client(settings());
    }

    private MistSettings settings() {
        return MistSettings.of(URI.create("http://127.0.0.1:" + server.port()), Secret.of(TOKEN))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    private MistClient client(MistSettings s) {
        return MistClient.create(s, new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30)), waits::add, clock);
    }

    static String neighbour(String name, String chassis, String portId, String portDesc) {
        return """
                {"system_name": "%s", "system_desc": "Juniper Networks, Inc. ex4300-48p Ethernet Switch, kernel JUNOS 20.4R3-S7.2",
                 "chassis_id": "%s", "port_id": "%s", "port_desc": "%s", "mgmt_addr": "10.20.0.2",
                 "lldp_med_supported": true, "power_allocated": 25500, "power_draw": 9100, "power_request_count": 1}
                """.formatted(name, chassis, portId, portDesc);
    }

    static String apStats(String lldpStat, String lldpStats) {
        return """
                {"mac": "5c5b350e55c8", "name": "ap-lobby-1", "model": "AP45", "type": "ap", "status": "connected",
                 "site_id": "%s", "org_id": "%s", "ip": "10.20.1.33", "uptime": 3600, "last_seen": 1764411000,
                 "port_stat": {"eth0": {"up": true, "speed": 2500, "full_duplex": true}},
                 "lldp_stat": %s%s}
                """.formatted(SITE, ORG, lldpStat, lldpStats == null ? "" : ", \"lldp_stats\": " + lldpStats);
    }

    @Test
    void apUplinkFromLldpStatWithTheTokenHeader() {
        server.stubFor(get(AP_STATS).willReturn(okJson(apStats(
                neighbour("sw-hq-1", "2c:21:31:1c:be:ef", "ge-0/0/4", "2/20"), null))));

        ApUplink up = client.apUplink(ORG, SITE, AP).orElseThrow();

        assertThat(up.switchName()).isEqualTo("sw-hq-1");
        assertThat(up.switchMac().value()).isEqualTo("2c21311cbeef");
        assertThat(up.port().value()).isEqualTo("ge-0/0/4");
        assertThat(up.mgmtAddress()).isEqualTo("10.20.0.2");
        assertThat(up.siteId()).isEqualTo(SITE);
        server.verify(getRequestedFor(urlPathEqualTo(AP_STATS)).withHeader("Authorization", equalTo("Token " + TOKEN)));
    }

    @Test
    void multipleNeighboursPickTheLowestNumberedApPortWithAUsableNeighbour() {
        String eth0 = neighbour("sw-a", "2c21311c0001", "ge-0/0/4", "");
        String eth1 = neighbour("sw-b", "2c21311c0002", "ge-0/0/9", "");
        String eth10 = neighbour("sw-c", "2c21311c0003", "ge-0/0/1", "");
        server.stubFor(get(AP_STATS).willReturn(okJson(apStats(eth1,
                "{\"eth10\": " + eth10 + ", \"eth1\": " + eth1 + ", \"eth0\": " + eth0 + "}"))));
        assertThat(client.apUplink(ORG, SITE, AP).orElseThrow().switchName()).isEqualTo("sw-a");

        String eth0WithoutChassis = neighbour("sw-a", "", "ge-0/0/4", "");
        server.stubFor(get(AP_STATS).willReturn(okJson(apStats(eth0WithoutChassis,
                "{\"eth2\": " + eth10 + ", \"eth1\": " + eth1 + ", \"eth0\": " + eth0WithoutChassis + "}"))));
        ApUplink second = client.apUplink(ORG, SITE, AP).orElseThrow();
        assertThat(second.switchName()).isEqualTo("sw-b");
        assertThat(second.port().value()).isEqualTo("ge-0/0/9");
    }

    @Test
    void portDescIsUsedOnlyWhenItNamesAnInterfaceAndPortIdDoesNot() {
        server.stubFor(get(AP_STATS).willReturn(okJson(apStats(neighbour("sw", "2c21311cbeef", "515", "ge-0/0/12"), null))));
        assertThat(client.apUplink(ORG, SITE, AP).orElseThrow().port().value()).isEqualTo("ge-0/0/12");

        server.stubFor(get(AP_STATS).willReturn(okJson(apStats(neighbour("sw", "2c21311cbeef", "ge-0/0/4.0", "ge-0/0/12"), null))));
        assertThat(client.apUplink(ORG, SITE, AP).orElseThrow().port().value()).as("port_id wins, unit dropped")
                .isEqualTo("ge-0/0/4");

        server.stubFor(get(AP_STATS).willReturn(okJson(apStats(neighbour("sw", "2c21311cbeef", "515", "Lobby AP; vlan 42"), null))));
        assertThat(client.apUplink(ORG, SITE, AP)).as("a description is never taken for a port").isEmpty();
    }

    @Test
    void anApThatMovedSiteIsFoundThroughTheFilteredInventoryAndLookedUpThere() {
        server.stubFor(get(AP_STATS).willReturn(aResponse().withStatus(404)
                .withBody("{\"detail\":\"device not found\"}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/orgs/" + ORG + "/inventory")).willReturn(okJson("""
                [{"mac": "5c5b350e55c8", "serial": "A07112222", "model": "AP45", "type": "ap", "name": "ap-lobby-1",
                  "site_id": "%s", "org_id": "%s", "connected": true, "id": "00000000-0000-0000-1000-5c5b350e55c8"}]
                """.formatted(SITE_B, ORG)).withHeader("X-Page-Total", "1").withHeader("X-Page-Limit", "100")
                .withHeader("X-Page-Page", "1")));
        server.stubFor(get("/api/v1/sites/" + SITE_B + "/stats/devices/00000000-0000-0000-1000-5c5b350e55c8")
                .willReturn(okJson(apStats(neighbour("sw-branch", "2c21311cbe01", "ge-0/0/7", ""), null))));

        ApUplink up = client.apUplink(ORG, SITE, AP).orElseThrow();

        assertThat(up.siteId()).isEqualTo(SITE_B);
        assertThat(up.switchName()).isEqualTo("sw-branch");
        server.verify(getRequestedFor(urlPathEqualTo("/api/v1/orgs/" + ORG + "/inventory"))
                .withQueryParam("mac", equalTo("5c5b350e55c8")));
    }

    @Test
    void anOrgLevelEventWithoutSiteGoesStraightToTheInventory() {
        server.stubFor(get(urlPathEqualTo("/api/v1/orgs/" + ORG + "/inventory")).willReturn(okJson("""
                [{"mac": "5c5b350e55c8", "type": "ap", "site_id": "%s", "id": "00000000-0000-0000-1000-5c5b350e55c8"}]
                """.formatted(SITE_B))));
        server.stubFor(get("/api/v1/sites/" + SITE_B + "/stats/devices/00000000-0000-0000-1000-5c5b350e55c8")
                .willReturn(okJson(apStats(neighbour("sw-branch", "2c21311cbe01", "ge-0/0/7", ""), null))));

        assertThat(client.apUplink(ORG, "", AP).orElseThrow().siteId()).isEqualTo(SITE_B);
        server.verify(0, getRequestedFor(urlPathMatching("/api/v1/sites/" + SITE + "/.*")));
    }

    @Test
    void anApInNoOtherSiteIsNotFoundAfterOneFallback() {
        server.stubFor(get(AP_STATS).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlPathEqualTo("/api/v1/orgs/" + ORG + "/inventory")).willReturn(okJson("[]")
                .withHeader("X-Page-Total", "0")));

        assertThat(client.apUplink(ORG, SITE, AP)).isEmpty();
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/orgs/" + ORG + "/inventory")));
    }

    @Test
    void inventoryIsReadPastTheFirstPage() {
        StringBuilder page1 = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            page1.append(i == 0 ? "" : ",").append("{\"mac\":\"%s\",\"type\":\"switch\",\"site_id\":\"%s\"}"
                    .formatted(String.format("aabbcc%06x", i), SITE));
        }
        page1.append(']');
        String inv = "/api/v1/orgs/" + ORG + "/inventory";
        server.stubFor(get(urlPathEqualTo(inv)).withQueryParam("page", equalTo("1")).willReturn(okJson(page1.toString())
                .withHeader("X-Page-Total", "101").withHeader("X-Page-Limit", "100").withHeader("X-Page-Page", "1")));
        server.stubFor(get(urlPathEqualTo(inv)).withQueryParam("page", equalTo("2")).willReturn(okJson("""
                [{"mac": "2c21311cbeef", "type": "switch", "model": "EX4300-48P", "name": "sw-hq-1", "site_id": "%s",
                  "id": "00000000-0000-0000-1000-2c21311cbeef"}]""".formatted(SITE))
                .withHeader("X-Page-Total", "101").withHeader("X-Page-Limit", "100").withHeader("X-Page-Page", "2")));
        MistClient pinned = client(settings().withSwitchOverrides(
                Map.of("2C:21:31:1C:BE:EF", new MistSettings.SwitchOverride("sw-hq-1.mgmt.example", false))));

        SwitchInfo sw = pinned.switchByMac(ORG, MacAddress.parse("2c:21:31:1c:be:ef")).orElseThrow();

        assertThat(sw.deviceId()).isEqualTo("00000000-0000-0000-1000-2c21311cbeef");
        assertThat(sw.managementHost()).isEqualTo("sw-hq-1.mgmt.example");
        assertThat(sw.mistManaged()).isFalse();
        server.verify(getRequestedFor(urlPathEqualTo(inv)).withQueryParam("vc", equalTo("true"))
                .withQueryParam("page", equalTo("2")));
        server.verify(0, getRequestedFor(urlPathMatching("/api/v1/sites/.*")));
    }

    @Test
    void aVirtualChassisMemberResolvesToTheVcDeviceWithMistData() {
        String inv = "/api/v1/orgs/" + ORG + "/inventory";
        String vcId = "00000000-0000-0000-1000-020003aabbcc";
        server.stubFor(get(urlPathEqualTo(inv)).withQueryParam("mac", equalTo("2c21311c0002")).willReturn(okJson("""
                [{"mac": "2c21311c0002", "type": "switch", "model": "EX4300-48P", "serial": "PE3719AA0002",
                  "name": "", "site_id": "%s", "vc_mac": "020003aabbcc", "id": "00000000-0000-0000-1000-2c21311c0002"}]
                """.formatted(SITE))));
        server.stubFor(get(urlPathEqualTo(inv)).withQueryParam("mac", equalTo("020003aabbcc")).willReturn(okJson("""
                [{"mac": "020003aabbcc", "type": "switch", "model": "EX4300-48P", "name": "sw-vc-core",
                  "site_id": "%s", "vc_mac": "020003aabbcc", "id": "%s"}]""".formatted(SITE, vcId))));
        server.stubFor(get("/api/v1/sites/" + SITE + "/devices/" + vcId).willReturn(okJson("""
                {"id": "%s", "name": "sw-vc-core", "type": "switch", "managed": true, "disable_auto_config": false,
                 "port_config": {"ge-0/0/4": {"usage": "default"}}}""".formatted(vcId))));
        server.stubFor(get("/api/v1/sites/" + SITE + "/stats/devices/" + vcId).willReturn(okJson("""
                {"mac": "020003aabbcc", "name": "sw-vc-core", "type": "switch", "status": "connected",
                 "ip": "10.20.0.9", "vc_mac": "020003aabbcc", "version": "22.4R3-S2.11"}""")));

        SwitchInfo sw = client.switchByMac(ORG, new MacAddress("2c21311c0002")).orElseThrow();

        assertThat(sw.deviceId()).isEqualTo(vcId);
        assertThat(sw.siteId()).isEqualTo(SITE);
        assertThat(sw.name()).isEqualTo("sw-vc-core");
        assertThat(sw.mac().value()).isEqualTo("2c21311c0002");
        assertThat(sw.managementHost()).isEqualTo("10.20.0.9");
        assertThat(sw.mistManaged()).isTrue();
    }

    @Test
    void disableAutoConfigMeansNotMistManaged() {
        String inv = "/api/v1/orgs/" + ORG + "/inventory";
        String id = "00000000-0000-0000-1000-2c21311cbeef";
        server.stubFor(get(urlPathEqualTo(inv)).willReturn(okJson("""
                [{"mac": "2c21311cbeef", "type": "switch", "name": "sw-hq-1", "site_id": "%s", "id": "%s"}]"""
                .formatted(SITE, id))));
        server.stubFor(get("/api/v1/sites/" + SITE + "/devices/" + id).willReturn(okJson("""
                {"id": "%s", "type": "switch", "managed": true, "disable_auto_config": true}""".formatted(id))));
        server.stubFor(get("/api/v1/sites/" + SITE + "/stats/devices/" + id).willReturn(aResponse().withStatus(404)));

        SwitchInfo sw = client.switchByMac(ORG, new MacAddress("2c21311cbeef")).orElseThrow();
        assertThat(sw.mistManaged()).isFalse();
        assertThat(sw.managementHost()).isEmpty();
        assertThat(client.switchByMac(ORG, new MacAddress("2c21311c9999"))).as("not in inventory").isEmpty();
        // Mist's inventory lists APs unless told otherwise: a switch is only found with type=switch
        server.verify(getRequestedFor(urlPathEqualTo(inv)).withQueryParam("type", equalTo("switch"))
                .withQueryParam("mac", equalTo("2c21311cbeef")));
    }

    @Test
    void siteApCountsFromSiteStats() {
        server.stubFor(get("/api/v1/sites/" + SITE + "/stats").willReturn(okJson("""
                {"id": "%s", "name": "HQ", "num_ap": 24, "num_ap_connected": 21, "num_switch": 2,
                 "num_switch_connected": 2, "num_clients": 310}""".formatted(SITE))));
        assertThat(client.siteApCounts(SITE)).isEqualTo(new SiteApCounts(SITE, 24, 21));

        server.stubFor(get("/api/v1/sites/" + SITE + "/stats").willReturn(okJson("{\"num_ap\": \"24\"}")));
        assertThatThrownBy(() -> client.siteApCounts(SITE)).isInstanceOf(MistApiException.class)
                .extracting(e -> ((MistApiException) e).reason()).isEqualTo("bad-response");
    }

    @Test
    void switchPortFollowsNextLinksAndReadsUpByValue() {
        String search = "/api/v1/sites/" + SITE + "/stats/ports/search";
        server.stubFor(get(urlPathEqualTo(search)).withQueryParam("search_after", equalTo("p2")).willReturn(okJson("""
                {"results": [{"port_id": "ge-0/0/4", "mac": "2c21311cbeef", "up": false, "neighbor_mac": "5c:5b:35:0e:55:c8",
                  "neighbor_system_name": "ap-lobby-1", "poe_on": true, "port_usage": "ap", "speed": 1000}],
                 "limit": 1, "start": 1764400000, "end": 1764411000, "total": 2, "next": null}""")));
        server.stubFor(get(urlPathEqualTo(search)).atPriority(10).willReturn(okJson("""
                {"results": [{"port_id": "ge-0/0/40", "mac": "2c21311cbeef", "up": true}],
                 "limit": 1, "total": 2,
                 "next": "/api/v1/sites/%s/stats/ports/search?mac=2c21311cbeef&port_id=ge-0%%2F0%%2F4&search_after=p2"}"""
                .formatted(SITE))));

        SwitchPortStatus st = client.switchPort(SITE, new MacAddress("2c21311cbeef"), new InterfaceName("ge-0/0/4"))
                .orElseThrow();

        assertThat(st.up()).as("up:false is down even though the key is present").isFalse();
        assertThat(st.neighbourMac()).isEqualTo(AP);
        assertThat(st.source()).isEqualTo("mist-port-stats");
        server.verify(getRequestedFor(urlPathEqualTo(search)).withQueryParam("port_id", equalTo("ge-0/0/4"))
                .withQueryParam("mac", equalTo("2c21311cbeef")));
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowed() {
        String search = "/api/v1/sites/" + SITE + "/stats/ports/search";
        server.stubFor(get(urlPathEqualTo(search)).willReturn(okJson("""
                {"results": [{"port_id": "ge-0/0/1", "mac": "2c21311cbeef", "up": true}],
                 "next": "https://attacker.example/api/v1/steal"}""")));
        assertThatThrownBy(() -> client.switchPort(SITE, new MacAddress("2c21311cbeef"), new InterfaceName("ge-0/0/4")))
                .isInstanceOf(MistApiException.class).hasMessageContaining("not following");
    }

    @Test
    void retries429And503ThroughTheSharedRetryPolicyWithoutSleeping() {
        String stats = "/api/v1/sites/" + SITE + "/stats";
        server.stubFor(get(stats).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"detail\": \"Too Many Request. The API Token used for "
                        + "the request reached the 5000 API Calls per hour threshold\"}")).willSetStateTo("two"));
        server.stubFor(get(stats).inScenario("s").whenScenarioStateIs("two")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("three"));
        server.stubFor(get(stats).inScenario("s").whenScenarioStateIs("three")
                .willReturn(okJson("{\"num_ap\": 3, \"num_ap_connected\": 3}")));

        assertThat(client.siteApCounts(SITE).connected()).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void persistentRateLimitIsATypedError() {
        server.stubFor(get("/api/v1/sites/" + SITE + "/stats").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "5")));
        assertThatThrownBy(() -> client.siteApCounts(SITE)).isInstanceOf(MistApiException.class)
                .hasMessageContaining("GET /api/v1/sites/" + SITE + "/stats")
                .extracting(e -> ((MistApiException) e).reason()).isEqualTo("rate-limited");
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void aSlowMistTimesOutAsUnreachable() {
        server.stubFor(get("/api/v1/sites/" + SITE + "/stats").willReturn(okJson("{}").withFixedDelay(1_500)));
        MistClient impatient = MistClient.create(settings().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(150)),
                new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(1)), waits::add, clock);

        assertThatThrownBy(() -> impatient.siteApCounts(SITE)).isInstanceOf(MistApiException.class)
                .hasMessageContaining("no answer")
                .extracting(e -> ((MistApiException) e).reason()).isEqualTo("unreachable");
        assertThat(waits).hasSize(1);
    }

    @Test
    void unauthorizedAndForbiddenAreTypedAndNeverCarryTheToken() {
        server.stubFor(get("/api/v1/sites/" + SITE + "/stats").willReturn(aResponse().withStatus(401)
                .withBody("{\"detail\": \"Invalid token " + TOKEN + "\"}")));
        MistApiException e = (MistApiException) org.assertj.core.api.Assertions.catchThrowable(() -> client.siteApCounts(SITE));
        assertThat(e.reason()).isEqualTo("unauthorized");
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("GET /api/v1/sites/" + SITE + "/stats").doesNotContain(TOKEN);
        assertThat(waits).as("401 is not retried").isEmpty();

        server.stubFor(get("/api/v1/sites/" + SITE + "/stats").willReturn(aResponse().withStatus(403)));
        assertThatThrownBy(() -> client.siteApCounts(SITE)).extracting(x -> ((MistApiException) x).reason())
                .isEqualTo("forbidden");
    }

    @Test
    void idsThatCouldAlterThePathAreRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> client.siteApCounts("../../orgs/x")).isInstanceOf(MistApiException.class)
                .extracting(e -> ((MistApiException) e).reason()).isEqualTo("bad-id");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aNonJsonAnswerIsABadResponse() {
        server.stubFor(get("/api/v1/sites/" + SITE + "/stats").willReturn(aResponse().withStatus(200)
                .withBody("<html>502 Bad Gateway</html>")));
        assertThatThrownBy(() -> client.siteApCounts(SITE)).extracting(e -> ((MistApiException) e).reason())
                .isEqualTo("bad-response");
    }

    @Test
    void plainHttpIsRefusedForANonLoopbackHost() {
        assertThatThrownBy(() -> MistSettings.of(URI.create("http://api.mist.com"), Secret.of(TOKEN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThat(MistSettings.of(URI.create("https://api.eu.mist.com/"), Secret.of(TOKEN)).baseUrl())
                .hasToString("https://api.eu.mist.com");
    }
}
