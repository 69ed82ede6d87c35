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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a scenario does to the world (plug, unplug, lose the cloud, move, outage) and what the API then shows. */
class MistWorldScenarioTest {
    private LabFixture lab;
    private MistWorld world;
    private MistCloudSimulator mist;
    private MistApi api;

    @BeforeEach
    void start() {
        lab = new LabFixture();
        world = lab.world;
        mist = MistCloudSimulator.start(world, TOKEN);
        api = new MistApi(mist.baseUri(), TOKEN);
    }

    @AfterEach
    void stop() {
        mist.close();
    }

    @Test
    void unpluggingTakesThePortDownButTheApKeepsItsStaleLldpStat() {
        world.plugAp(AP_1, SW_A1, "ge-0/0/5");
        lab.clock.advance(Duration.ofMinutes(10));
        long unpluggedAt = lab.clock.instant().getEpochSecond();

        world.unplugAp(AP_1);
        lab.clock.advance(Duration.ofMinutes(3));

        JsonNode port = port(SW_A1, "ge-0/0/5");
        assertThat(port.path("up").asBoolean()).isFalse();
        assertThat(port.has("neighbor_mac")).isFalse();
        assertThat(port.path("poe_on").asBoolean()).isFalse();
        JsonNode ap = apStats(SITE_A, AP_1);
        assertThat(ap.path("status").asText()).isEqualTo("disconnected");
        assertThat(ap.path("last_seen").asLong()).isEqualTo(unpluggedAt);
        assertThat(ap.path("port_stat").path("eth0").path("up").asBoolean()).isFalse();
        assertThat(ap.path("lldp_stat").path("system_name").asText()).isEqualTo("sw-a1");
        assertThat(ap.path("lldp_stat").path("port_id").asText()).isEqualTo("ge-0/0/5");
        assertThat(api.get("/api/v1/sites/" + SITE_A + "/stats/ports/search?neighbor_mac=" + AP_1).json()
                .path("total").asInt()).isZero();
    }

    @Test
    void anApThatLostTheCloudIsDisconnectedButStillTheLldpNeighbourOfItsPort() {
        world.plugAp(AP_2, SW_A1, "ge-0/0/2");

        world.apLosesCloud(AP_2);

        assertThat(apStats(SITE_A, AP_2).path("status").asText()).isEqualTo("disconnected");
        assertThat(apStats(SITE_A, AP_2).path("lldp_stat").path("port_id").asText()).isEqualTo("ge-0/0/2");
        JsonNode port = port(SW_A1, "ge-0/0/2");
        assertThat(port.path("up").asBoolean()).isTrue();
        assertThat(port.path("neighbor_mac").asText()).isEqualTo(AP_2);

        world.apRegainsCloud(AP_2);
        assertThat(apStats(SITE_A, AP_2).path("status").asText()).isEqualTo("connected");
    }

    @Test
    void movingAnApFreesTheOldPortAndPointsLldpAtTheNewOne() {
        world.plugAp(AP_1, SW_A1, "ge-0/0/1");

        world.moveAp(AP_1, SW_A2, "ge-0/0/3");

        assertThat(port(SW_A1, "ge-0/0/1").path("up").asBoolean()).isFalse();
        assertThat(port(SW_A2, "ge-0/0/3").path("neighbor_mac").asText()).isEqualTo(AP_1);
        JsonNode ap = apStats(SITE_A, AP_1);
        assertThat(ap.path("status").asText()).isEqualTo("connected");
        assertThat(ap.path("lldp_stat").path("system_name").asText()).isEqualTo("sw-a2");
        assertThat(ap.path("lldp_stat").path("port_id").asText()).isEqualTo("ge-0/0/3");
    }

    @Test
    void movingAnApToAnotherSiteMovesItInInventoryAndItsStatsAnswerOnlyAtTheNewSite() {
        world.plugAp(AP_3, SW_A1, "ge-0/0/1");

        world.moveAp(AP_3, SW_B1, "ge-0/0/1");

        assertThat(api.get("/api/v1/sites/" + SITE_A + "/stats/devices/" + deviceId(AP_3)).status()).isEqualTo(404);
        assertThat(apStats(SITE_B, AP_3).path("lldp_stat").path("system_name").asText()).isEqualTo("sw-b1");
        JsonNode inventory = api.get("/api/v1/orgs/" + ORG + "/inventory?mac=" + AP_3).json();
        assertThat(inventory.get(0).path("site_id").asText()).isEqualTo(SITE_B);
        assertThat(world.ap(AP_3).siteId()).isEqualTo(SITE_B);
    }

    @Test
    void aSiteOutageDisconnectsEveryApAndSwitchThereAtOnceAndLeavesLldpIntact() {
        world.plugAp(AP_1, SW_A1, "ge-0/0/1");
        world.plugAp(AP_2, SW_A1, "ge-0/0/2");
        world.plugAp(AP_3, SW_A2, "ge-0/0/1");
        world.plugAp(AP_B, SW_B1, "ge-0/0/1");

        int dropped = world.siteOutage(SITE_A);

        assertThat(dropped).isEqualTo(3);
        JsonNode stats = api.get("/api/v1/sites/" + SITE_A + "/stats").json();
        assertThat(stats.path("num_ap").asInt()).isEqualTo(3);
        assertThat(stats.path("num_ap_connected").asInt()).isZero();
        assertThat(stats.path("num_switch_connected").asInt()).isZero();
        assertThat(api.get("/api/v1/sites/" + SITE_A + "/stats/devices?type=all&status=disconnected").json())
                .hasSize(5);
        assertThat(api.get("/api/v1/sites/" + SITE_B + "/stats").json().path("num_ap_connected").asInt())
                .isEqualTo(1);
        assertThat(port(SW_A1, "ge-0/0/1").path("neighbor_mac").asText()).isEqualTo(AP_1);

        world.siteRecovers(SITE_A);
        assertThat(api.get("/api/v1/sites/" + SITE_A + "/stats").json().path("num_ap_connected").asInt())
                .isEqualTo(3);
    }

    @Test
    void anApPluggedInAgainReportsOnlyItsNewNeighbours() {
        world.plugAp(AP_1, "eth0", SW_A1, "ge-0/0/1");
        world.unplugAp(AP_1);

        world.plugAp(AP_1, "eth1", SW_A2, "ge-0/0/2");

        JsonNode ap = apStats(SITE_A, AP_1);
        assertThat(ap.has("lldp_stats")).isFalse();
        assertThat(ap.path("lldp_stat").path("system_name").asText()).isEqualTo("sw-a2");
    }

    @Test
    void aRestartFlapsTheLinkAndRestartsUptimeWithTheSameNeighbour() {
        world.plugAp(AP_1, SW_A1, "ge-0/0/1");
        lab.clock.advance(Duration.ofHours(1));

        world.restartAp(AP_1);
        lab.clock.advance(Duration.ofSeconds(30));

        JsonNode ap = apStats(SITE_A, AP_1);
        assertThat(ap.path("uptime").asLong()).isEqualTo(30);
        assertThat(ap.path("status").asText()).isEqualTo("connected");
        JsonNode port = port(SW_A1, "ge-0/0/1");
        assertThat(port.path("last_flapped").asLong()).isEqualTo(lab.clock.instant().getEpochSecond() - 30);
        assertThat(port.path("neighbor_mac").asText()).isEqualTo(AP_1);
    }

    @Test
    void lastSeenFollowsTheClockWhileConnected() {
        world.plugAp(AP_1, SW_A1, "ge-0/0/1");
        lab.clock.advance(Duration.ofSeconds(90));

        JsonNode ap = apStats(SITE_A, AP_1);

        assertThat(ap.path("last_seen").asLong()).isEqualTo(lab.clock.instant().getEpochSecond());
        assertThat(ap.path("uptime").asLong()).isEqualTo(90);
    }

    @Test
    void anApNeverSeenHasNoLldpStatAndANullLastSeen() {
        JsonNode ap = apStats(SITE_A, AP_3);

        assertThat(ap.path("status").asText()).isEqualTo("disconnected");
        assertThat(ap.has("lldp_stat")).isFalse();
        assertThat(ap.get("last_seen").isNull()).isTrue();
    }

    @Test
    void scenarioMistakesAreRefusedAndChangeNothing() {
        world.plugAp(AP_1, SW_A1, "ge-0/0/1");

        assertThatThrownBy(() -> world.plugAp(AP_2, SW_A1, "ge-0/0/1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("taken");
        assertThatThrownBy(() -> world.plugAp(AP_2, SW_A1, "xe-9/9/9"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> world.plugAp("not-a-mac", SW_A1, "ge-0/0/2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> world.apRegainsCloud(AP_3)).isInstanceOf(IllegalStateException.class);

        assertThat(world.port(SW_A1, "ge-0/0/1").neighbourMac()).isEqualTo(AP_1);
        assertThat(world.ap(AP_2).plugged()).isFalse();
    }

    @Test
    void macsAreAcceptedInAnyNotation() {
        world.plugAp("5C:5B:35:0E:00:01", "5c45.27a9.6580", "ge-0/0/4");

        assertThat(world.port(SW_A1, "ge-0/0/4").neighbourMac()).isEqualTo(AP_1);
        assertThat(world.ap(AP_1).lldpSwitchMac()).isEqualTo(SW_A1);
        assertThat(world.ap(AP_1).lldpPortId()).isEqualTo("ge-0/0/4");
    }

    @Test
    void theWholeWorldCanBeReadBackForAnExpectedVersusActualTable() {
        world.configurePortUsage(SW_A2, "ge-0/0/1", "ap");
        world.plugAp(AP_1, SW_A2, "ge-0/0/1");

        assertThat(world.portStates()).hasSize(8 + 4 + 4);
        assertThat(world.portStates()).contains(new MistWorld.PortState(SW_A2, "ge-0/0/1", true, AP_1, "ap"));
        assertThat(world.portStates()).contains(new MistWorld.PortState(SW_A1, "ge-0/0/7", false, null, "default"));
        assertThat(world.apStates()).extracting(MistWorld.ApState::mac).containsExactly(AP_1, AP_2, AP_3, AP_B);
        assertThat(world.apStates().get(0).connected()).isTrue();
        assertThat(world.apStates().get(1).connected()).isFalse();
    }

    @Test
    void apEventDescribesTheApWhereTheWorldHasIt() {
        world.plugAp(AP_B, SW_B1, "ge-0/0/1");

        DeviceEvent event = world.apEvent("AP_DISCONNECTED", AP_B);

        assertThat(event.mac()).isEqualTo(AP_B);
        assertThat(event.deviceName()).isEqualTo("ap-branch");
        assertThat(event.deviceType()).isEqualTo("ap");
        assertThat(event.orgId()).isEqualTo(ORG);
        assertThat(event.siteId()).isEqualTo(SITE_B);
        assertThat(event.siteName()).isEqualTo("Branch");
        assertThat(event.evType()).isEqualTo("warn");
        assertThat(event.timestamp()).isEqualTo(lab.clock.instant());
    }

    private JsonNode apStats(String siteId, String mac) {
        MistApi.Answer a = api.get("/api/v1/sites/" + siteId + "/stats/devices/" + deviceId(mac));
        assertThat(a.status()).isEqualTo(200);
        return a.json();
    }

    private JsonNode port(String switchMac, String portId) {
        JsonNode body = api.get("/api/v1/orgs/" + ORG + "/stats/ports/search?mac=" + switchMac + "&port_id="
                + portId).json();
        assertThat(body.path("total").asInt()).isEqualTo(1);
        return body.path("results").get(0);
    }
}
