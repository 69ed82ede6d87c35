package io.jenkins.plugins.mesa.lab.mist;

import static io.jenkins.plugins.mesa.lab.mist.LabFixture.AP_1;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.AP_2;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.AP_3;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.AP_B;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.ORG;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.SITE_A;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.SITE_B;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.SW_A1;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.SW_A2;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.SW_B1;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.TOKEN;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.deviceId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each endpoint's paths, field names and paging against the Mist reference, over real HTTP on 127.0.0.1. */
class MistCloudSimulatorTest {
    private LabFixture lab;
    private MistCloudSimulator mist;
    private MistApi api;

    @BeforeEach
    void start() {
        lab = new LabFixture();
        mist = MistCloudSimulator.start(lab.world, TOKEN);
        api = new MistApi(mist.baseUri(), TOKEN);
    }

    @AfterEach
    void stop() {
        mist.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(mist.boundHost()).isEqualTo("127.0.0.1");
        assertThat(api.get("/api/v1/sites/" + SITE_A).status()).isEqualTo(200);
    }

    @Test
    void everyCallNeedsTheConfiguredToken() {
        String path = "/api/v1/sites/" + SITE_A + "/stats";

        MistApi.Answer none = api.getWithAuthorization(path, null);
        MistApi.Answer wrong = api.getWithAuthorization(path, "Token not-the-token");
        MistApi.Answer bearer = api.getWithAuthorization(path, "Bearer " + TOKEN);
        MistApi.Answer right = api.get(path);

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().path("detail").asText()).isEqualTo("Authentication credentials were not provided.");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("detail").asText()).isEqualTo("Invalid token.");
        assertThat(bearer.status()).isEqualTo(401);
        assertThat(right.status()).isEqualTo(200);
        assertThat(wrong.raw()).doesNotContain(TOKEN);
        assertThat(mist.toString()).doesNotContain(TOKEN);
    }

    @Test
    void unknownPathsAndObjectsAreJson404() {
        MistApi.Answer path = api.get("/api/v1/nothing/here");
        MistApi.Answer site = api.get("/api/v1/sites/00000000-0000-0000-0000-000000000000/stats");
        MistApi.Answer device = api.get("/api/v1/sites/" + SITE_A + "/stats/devices/" + deviceId("aabbccddeeff"));

        for (MistApi.Answer a : List.of(path, site, device)) {
            assertThat(a.status()).isEqualTo(404);
            assertThat(a.header("Content-Type")).startsWith("application/json");
            assertThat(a.json().path("detail").asText()).isEqualTo("Not Found");
        }
    }

    @Test
    void apStatsCarryStatusLastSeenAndLldpStatOfTheUpstreamSwitch() {
        lab.world.plugAp(AP_1, SW_A1, "ge-0/0/3");

        MistApi.Answer a = api.get("/api/v1/sites/" + SITE_A + "/stats/devices/" + deviceId(AP_1));

        assertThat(a.status()).isEqualTo(200);
        JsonNode ap = a.json();
        assertThat(ap.path("id").asText()).isEqualTo("00000000-0000-0000-1000-5c5b350e0001");
        assertThat(ap.path("mac").asText()).isEqualTo(AP_1);
        assertThat(ap.path("name").asText()).isEqualTo("ap-lobby");
        assertThat(ap.path("type").asText()).isEqualTo("ap");
        assertThat(ap.path("site_id").asText()).isEqualTo(SITE_A);
        assertThat(ap.path("org_id").asText()).isEqualTo(ORG);
        assertThat(ap.path("status").asText()).isEqualTo("connected");
        assertThat(ap.path("last_seen").asLong()).isEqualTo(LabFixture.START.getEpochSecond());
        assertThat(ap.has("uptime")).isTrue();
        assertThat(ap.path("port_stat").path("eth0").path("up").asBoolean()).isTrue();
        JsonNode lldp = ap.path("lldp_stat");
        assertThat(lldp.path("system_name").asText()).isEqualTo("sw-a1");
        assertThat(lldp.path("chassis_id").asText()).isEqualTo("5c:45:27:a9:65:80");
        assertThat(lldp.path("port_id").asText()).isEqualTo("ge-0/0/3");
        assertThat(lldp.path("port_desc").asText()).isEqualTo("ge-0/0/3");
        assertThat(lldp.path("mgmt_addr").asText()).isEqualTo("10.0.0.11");
        assertThat(lldp.path("system_desc").asText()).contains("JUNOS");
        assertThat(lldp.has("power_request_count")).isTrue();
        assertThat(ap.has("lldp_stats")).as("lldp_stats only with several neighbours").isFalse();
    }

    @Test
    void anApWithTwoUplinksHasLldpStatsKeyedByInterfaceAndLldpStatIsTheFirst() {
        lab.world.plugAp(AP_1, "eth0", SW_A1, "ge-0/0/1");
        lab.world.plugAp(AP_1, "eth1", SW_A2, "ge-0/0/2");

        JsonNode ap = api.get("/api/v1/sites/" + SITE_A + "/stats/devices/" + deviceId(AP_1)).json();

        assertThat(ap.path("lldp_stats").path("eth0").path("system_name").asText()).isEqualTo("sw-a1");
        assertThat(ap.path("lldp_stats").path("eth1").path("system_name").asText()).isEqualTo("sw-a2");
        assertThat(ap.path("lldp_stats").path("eth1").path("port_id").asText()).isEqualTo("ge-0/0/2");
        assertThat(ap.path("lldp_stat").path("system_name").asText()).isEqualTo("sw-a1");
    }

    @Test
    void aSwitchAdvertisingIfIndexPortIdsNamesTheInterfaceOnlyInPortDesc() {
        MistWorld world = lab.world;
        world.addSwitch(SwitchSpec.of(SITE_A, "5c4527a96999", "sw-old", "10.0.0.99", 4)
                .withPortIdSubtype(SwitchSpec.LldpPortIdSubtype.LOCALLY_ASSIGNED));
        world.plugAp(AP_2, "5c4527a96999", "ge-0/0/2");

        JsonNode lldp = api.get("/api/v1/sites/" + SITE_A + "/stats/devices/" + deviceId(AP_2)).json()
                .path("lldp_stat");

        assertThat(lldp.path("port_id").asText()).isEqualTo("515");
        assertThat(lldp.path("port_desc").asText()).isEqualTo("ge-0/0/2");
    }

    @Test
    void switchStatsCarryIpStatusAndOneClientPerLldpNeighbour() {
        lab.world.plugAp(AP_1, SW_A1, "ge-0/0/3");

        JsonNode sw = api.get("/api/v1/sites/" + SITE_A + "/stats/devices/" + deviceId(SW_A1)).json();

        assertThat(sw.path("type").asText()).isEqualTo("switch");
        assertThat(sw.path("mac").asText()).isEqualTo(SW_A1);
        assertThat(sw.path("name").asText()).isEqualTo("sw-a1");
        assertThat(sw.path("status").asText()).isEqualTo("connected");
        assertThat(sw.path("ip").asText()).isEqualTo("10.0.0.11");
        assertThat(sw.path("clients")).hasSize(1);
        assertThat(sw.path("clients").get(0).path("mac").asText()).isEqualTo(AP_1);
        assertThat(sw.path("clients").get(0).path("port_id").asText()).isEqualTo("ge-0/0/3");
    }

    @Test
    void aDeviceAskedForAtAnotherSiteIsNotFound() {
        MistApi.Answer a = api.get("/api/v1/sites/" + SITE_B + "/stats/devices/" + deviceId(AP_1));

        assertThat(a.status()).isEqualTo(404);
    }

    @Test
    void deviceStatsListDefaultsToApsAndFiltersOnTypeAndStatus() {
        lab.world.plugAp(AP_1, SW_A1, "ge-0/0/1");
        String base = "/api/v1/sites/" + SITE_A + "/stats/devices";

        assertThat(macs(api.get(base).json())).containsExactly(AP_1, AP_2, AP_3);
        assertThat(macs(api.get(base + "?type=switch").json())).containsExactly(SW_A1, SW_A2);
        assertThat(macs(api.get(base + "?type=all").json())).containsExactlyInAnyOrder(AP_1, AP_2, AP_3, SW_A1, SW_A2);
        assertThat(macs(api.get(base + "?type=ap&status=connected").json())).containsExactly(AP_1);
        assertThat(macs(api.get(base + "?type=all&status=disconnected").json())).containsExactly(AP_2, AP_3);
        assertThat(api.get(base + "?status=sleepy").status()).isEqualTo(400);
    }

    @Test
    void listCallsPageWithLimitAndPageAndSayTheTotalInHeaders() {
        String base = "/api/v1/sites/" + SITE_A + "/stats/devices?type=all&limit=2";

        MistApi.Answer p1 = api.get(base + "&page=1");
        MistApi.Answer p3 = api.get(base + "&page=3");
        MistApi.Answer p4 = api.get(base + "&page=4");

        assertThat(p1.json()).hasSize(2);
        assertThat(p1.header("X-Page-Limit")).isEqualTo("2");
        assertThat(p1.header("X-Page-Page")).isEqualTo("1");
        assertThat(p1.header("X-Page-Total")).isEqualTo("5");
        assertThat(p3.json()).hasSize(1);
        assertThat(p3.header("X-Page-Page")).isEqualTo("3");
        assertThat(p4.json()).isEmpty();
        List<String> all = new ArrayList<>(macs(p1.json()));
        all.addAll(macs(api.get(base + "&page=2").json()));
        all.addAll(macs(p3.json()));
        assertThat(all).containsExactlyInAnyOrder(AP_1, AP_2, AP_3, SW_A1, SW_A2);
    }

    @Test
    void inventoryDefaultsToApsAndFindsASwitchByMacOnlyWithTypeSwitch() {
        String base = "/api/v1/orgs/" + ORG + "/inventory";

        MistApi.Answer aps = api.get(base);
        MistApi.Answer switchAsAp = api.get(base + "?mac=" + SW_A1);
        MistApi.Answer sw = api.get(base + "?type=switch&mac=" + SW_A1);

        assertThat(macs(aps.json())).containsExactly(AP_1, AP_2, AP_3, AP_B);
        assertThat(aps.header("X-Page-Total")).isEqualTo("4");
        assertThat(switchAsAp.json()).isEmpty();
        JsonNode item = sw.json().get(0);
        assertThat(item.path("id").asText()).isEqualTo(deviceId(SW_A1));
        assertThat(item.path("mac").asText()).isEqualTo(SW_A1);
        assertThat(item.path("type").asText()).isEqualTo("switch");
        assertThat(item.path("name").asText()).isEqualTo("sw-a1");
        assertThat(item.path("site_id").asText()).isEqualTo(SITE_A);
        assertThat(item.path("org_id").asText()).isEqualTo(ORG);
        assertThat(item.path("connected").asBoolean()).isTrue();
        assertThat(item.has("serial")).isTrue();
        assertThat(item.has("model")).isTrue();
    }

    @Test
    void inventoryShowsVirtualChassisMembersOnlyWithVcTrueAndTheirVcMacLeadsToTheDeviceId() {
        lab.world.addSwitch(SwitchSpec.of(SITE_B, "5c4527a98800", "sw-vc", "10.1.0.20", 4)
                .withVcMac("020003a98800"));
        String base = "/api/v1/orgs/" + ORG + "/inventory?type=switch";

        MistApi.Answer member = api.get(base + "&vc=true&mac=5c4527a98800");
        MistApi.Answer memberWithoutVc = api.get(base + "&mac=5c4527a98800");
        String vcMac = member.json().get(0).path("vc_mac").asText();
        MistApi.Answer chassis = api.get(base + "&mac=" + vcMac);

        assertThat(memberWithoutVc.json()).isEmpty();
        assertThat(vcMac).isEqualTo("020003a98800");
        assertThat(chassis.json().get(0).path("id").asText()).isEqualTo(deviceId("020003a98800"));
        assertThat(chassis.json().get(0).path("site_id").asText()).isEqualTo(SITE_B);
        assertThat(api.get("/api/v1/sites/" + SITE_B + "/stats/devices/" + deviceId("020003a98800")).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/sites/" + SITE_B + "/stats/devices/" + deviceId("5c4527a98800")).status())
                .as("a VC has no device under its member MAC").isEqualTo(404);
    }

    @Test
    void inventoryOfAnUnknownOrgIsNotFound() {
        assertThat(api.get("/api/v1/orgs/00000000-0000-0000-0000-00000000beef/inventory").status()).isEqualTo(404);
    }

    @Test
    void siteStatsCountApsAndSwitchesAndTheConnectedOnes() {
        lab.world.plugAp(AP_1, SW_A1, "ge-0/0/1");
        lab.world.plugAp(AP_2, SW_A1, "ge-0/0/2");

        JsonNode stats = api.get("/api/v1/sites/" + SITE_A + "/stats").json();

        assertThat(stats.path("id").asText()).isEqualTo(SITE_A);
        assertThat(stats.path("name").asText()).isEqualTo("HQ");
        assertThat(stats.path("org_id").asText()).isEqualTo(ORG);
        assertThat(stats.path("num_ap").asInt()).isEqualTo(3);
        assertThat(stats.path("num_ap_connected").asInt()).isEqualTo(2);
        assertThat(stats.path("num_switch").asInt()).isEqualTo(2);
        assertThat(stats.path("num_switch_connected").asInt()).isEqualTo(2);
        assertThat(stats.path("num_gateway").asInt()).isZero();
        assertThat(stats.path("num_gateway_connected").asInt()).isZero();
        assertThat(stats.path("num_devices").asInt()).isEqualTo(5);
        assertThat(stats.path("num_devices_connected").asInt()).isEqualTo(4);
        assertThat(stats.has("num_clients")).isTrue();
    }

    @Test
    void portSearchFindsOnePortByMacAndPortIdInMistsEnvelope() {
        lab.world.plugAp(AP_1, SW_A1, "ge-0/0/3");

        MistApi.Answer a = api.get("/api/v1/sites/" + SITE_A + "/stats/ports/search?mac=" + SW_A1
                + "&port_id=ge-0/0/3");

        JsonNode body = a.json();
        assertThat(body.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("results", "limit", "start", "end", "total", "next");
        assertThat(body.path("total").asInt()).isEqualTo(1);
        assertThat(body.path("limit").asInt()).isEqualTo(100);
        assertThat(body.path("next").isNull()).isTrue();
        assertThat(body.path("end").asLong() - body.path("start").asLong()).isPositive();
        JsonNode port = body.path("results").get(0);
        assertThat(port.path("port_id").asText()).isEqualTo("ge-0/0/3");
        assertThat(port.path("mac").asText()).isEqualTo(SW_A1);
        assertThat(port.path("site_id").asText()).isEqualTo(SITE_A);
        assertThat(port.path("org_id").asText()).isEqualTo(ORG);
        assertThat(port.path("up").asBoolean()).isTrue();
        assertThat(port.path("neighbor_mac").asText()).isEqualTo(AP_1);
        assertThat(port.path("neighbor_system_name").asText()).isEqualTo("ap-lobby");
        assertThat(port.path("neighbor_port_desc").asText()).isEqualTo("eth0");
        assertThat(port.path("port_usage").asText()).isEqualTo("default");
        assertThat(port.path("poe_on").asBoolean()).isTrue();
        assertThat(port.has("speed")).isTrue();
        assertThat(port.has("last_flapped")).isTrue();
    }

    @Test
    void portSearchFiltersOnNeighbourMacAndUp() {
        lab.world.plugAp(AP_1, SW_A1, "ge-0/0/3");
        String base = "/api/v1/sites/" + SITE_A + "/stats/ports/search";

        JsonNode byNeighbour = api.get(base + "?neighbor_mac=" + AP_1).json();
        JsonNode up = api.get(base + "?up=true").json();
        JsonNode down = api.get(base + "?up=false&mac=" + SW_A1).json();

        assertThat(byNeighbour.path("total").asInt()).isEqualTo(1);
        assertThat(byNeighbour.path("results").get(0).path("port_id").asText()).isEqualTo("ge-0/0/3");
        assertThat(up.path("total").asInt()).isEqualTo(1);
        assertThat(down.path("total").asInt()).isEqualTo(7);
        assertThat(down.path("results").get(0).has("neighbor_mac")).isFalse();
    }

    @Test
    void searchPagesAreChainedThroughNextUntilItIsNull() {
        String path = "/api/v1/sites/" + SITE_A + "/stats/ports/search?mac=" + SW_A1 + "&limit=3";
        List<String> ports = new ArrayList<>();
        int pages = 0;

        while (path != null) {
            JsonNode body = api.get(path).json();
            assertThat(body.path("total").asInt()).isEqualTo(8);
            body.path("results").forEach(p -> ports.add(p.path("port_id").asText()));
            path = body.path("next").isNull() ? null : body.path("next").asText();
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(ports).containsExactlyElementsOf(SwitchSpec.gePorts(8));
    }

    @Test
    void orgPortSearchCoversEverySiteOfTheOrg() {
        lab.world.plugAp(AP_B, SW_B1, "ge-0/0/0");

        JsonNode body = api.get("/api/v1/orgs/" + ORG + "/stats/ports/search?neighbor_mac=" + AP_B).json();

        assertThat(body.path("results").get(0).path("site_id").asText()).isEqualTo(SITE_B);
    }

    @Test
    void orgDeviceSearchFindsAnApByMacWithFlattenedLldpFields() {
        lab.world.plugAp(AP_B, SW_B1, "ge-0/0/2");

        JsonNode body = api.get("/api/v1/orgs/" + ORG + "/devices/search?type=ap&mac=" + AP_B).json();

        assertThat(body.path("total").asInt()).isEqualTo(1);
        JsonNode ap = body.path("results").get(0);
        assertThat(ap.path("mac").asText()).isEqualTo(AP_B);
        assertThat(ap.path("site_id").asText()).isEqualTo(SITE_B);
        assertThat(ap.path("org_id").asText()).isEqualTo(ORG);
        assertThat(ap.path("hostname").get(0).asText()).isEqualTo("ap-branch");
        assertThat(ap.path("lldp_system_name").asText()).isEqualTo("sw-b1");
        assertThat(ap.path("lldp_port_id").asText()).isEqualTo("ge-0/0/2");
        assertThat(ap.path("lldp_port_desc").asText()).isEqualTo("ge-0/0/2");
        assertThat(ap.path("lldp_mgmt_addr").asText()).isEqualTo("10.1.0.11");
        assertThat(ap.has("lldp_system_desc")).isTrue();
        assertThat(ap.has("lldp_power_draw")).isTrue();
    }

    @Test
    void deviceSearchFiltersOnLldpSystemNameToListTheApsOfASwitch() {
        lab.world.plugAp(AP_1, SW_A1, "ge-0/0/1");
        lab.world.plugAp(AP_2, SW_A1, "ge-0/0/2");
        lab.world.plugAp(AP_3, SW_A2, "ge-0/0/1");

        JsonNode body = api.get("/api/v1/orgs/" + ORG + "/devices/search?lldp_system_name=sw-a1").json();
        JsonNode site = api.get("/api/v1/sites/" + SITE_B + "/devices/search?type=ap").json();

        assertThat(macs(body.path("results"))).containsExactly(AP_1, AP_2);
        assertThat(macs(site.path("results"))).containsExactly(AP_B);
    }

    @Test
    void theSwitchDeviceObjectSaysWhetherMistManagesIt() {
        JsonNode managed = api.get("/api/v1/sites/" + SITE_A + "/devices/" + deviceId(SW_A2)).json();
        JsonNode unmanaged = api.get("/api/v1/sites/" + SITE_A + "/devices/" + deviceId(SW_A1)).json();

        assertThat(managed.path("type").asText()).isEqualTo("switch");
        assertThat(managed.path("id").asText()).isEqualTo(deviceId(SW_A2));
        assertThat(managed.path("managed").asBoolean()).isTrue();
        assertThat(managed.path("disable_auto_config").asBoolean()).isFalse();
        assertThat(managed.path("port_config").isObject()).isTrue();
        assertThat(unmanaged.path("managed").asBoolean()).isFalse();
        assertThat(unmanaged.path("disable_auto_config").asBoolean()).isTrue();
    }

    private static List<String> macs(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path("mac").asText()));
        return out;
    }
}
