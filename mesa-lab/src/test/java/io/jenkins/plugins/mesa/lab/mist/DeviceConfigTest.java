package io.jenkins.plugins.mesa.lab.mist;

import static io.jenkins.plugins.mesa.lab.mist.LabFixture.AP_1;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.ORG;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.SITE_A;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.SITE_B;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.SW_A2;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.TOKEN;
import static io.jenkins.plugins.mesa.lab.mist.LabFixture.deviceId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The device object: GET, whole-object PUT, local_port_config, and port_usage following them in port stats. */
class DeviceConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICE = "/api/v1/sites/" + SITE_A + "/devices/" + deviceId(SW_A2);

    private LabFixture lab;
    private MistCloudSimulator mist;
    private MistApi api;

    @BeforeEach
    void start() {
        lab = new LabFixture();
        lab.world.plugAp(AP_1, SW_A2, "ge-0/0/1");
        mist = MistCloudSimulator.start(lab.world, TOKEN);
        api = new MistApi(mist.baseUri(), TOKEN);
    }

    @AfterEach
    void stop() {
        mist.close();
    }

    @Test
    void puttingPortConfigBackChangesThePortUsageInPortStats() {
        ObjectNode device = (ObjectNode) api.get(DEVICE).json();
        ((ObjectNode) device.path("port_config")).putObject("ge-0/0/1").put("usage", "ap");

        MistApi.Answer put = api.put(DEVICE, device);

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().path("port_config").path("ge-0/0/1").path("usage").asText()).isEqualTo("ap");
        assertThat(portUsage("ge-0/0/1")).isEqualTo("ap");
        assertThat(portUsage("ge-0/0/2")).isEqualTo("default");
        assertThat(lab.world.portUsage(SW_A2, "ge-0/0/1")).isEqualTo("ap");
    }

    @Test
    void putReplacesTheWholeObjectSoOmittedFieldsAreGone() {
        ObjectNode device = (ObjectNode) api.get(DEVICE).json();
        device.put("notes", "first");
        device.putObject("port_config").putObject("ge-0/0/1").put("usage", "ap");
        api.put(DEVICE, device);

        ObjectNode partial = JSON.createObjectNode();
        partial.put("name", "sw-a2");
        partial.put("managed", true);
        MistApi.Answer put = api.put(DEVICE, partial);

        JsonNode stored = api.get(DEVICE).json();
        assertThat(put.status()).isEqualTo(200);
        assertThat(stored.has("notes")).as("a PUT without notes drops them").isFalse();
        assertThat(stored.has("port_config")).isFalse();
        assertThat(portUsage("ge-0/0/1")).as("no port_config left: back to default").isEqualTo("default");
        assertThat(stored.path("id").asText()).isEqualTo(deviceId(SW_A2));
        assertThat(stored.path("mac").asText()).isEqualTo(SW_A2);
        assertThat(stored.path("site_id").asText()).isEqualTo(SITE_A);
        assertThat(stored.path("org_id").asText()).isEqualTo(ORG);
        assertThat(stored.path("type").asText()).isEqualTo("switch");
    }

    @Test
    void cloudOwnedFieldsCannotBeChangedByPut() {
        ObjectNode device = (ObjectNode) api.get(DEVICE).json();
        long created = device.path("created_time").asLong();
        lab.clock.advance(Duration.ofMinutes(5));
        device.put("id", deviceId("aaaaaaaaaaaa"));
        device.put("site_id", SITE_B);
        device.put("mac", "aaaaaaaaaaaa");
        device.put("created_time", 1);

        JsonNode stored = api.put(DEVICE, device).json();

        assertThat(stored.path("id").asText()).isEqualTo(deviceId(SW_A2));
        assertThat(stored.path("site_id").asText()).isEqualTo(SITE_A);
        assertThat(stored.path("mac").asText()).isEqualTo(SW_A2);
        assertThat(stored.path("created_time").asLong()).isEqualTo(created);
        assertThat(stored.path("modified_time").asLong()).isEqualTo(lab.clock.instant().getEpochSecond());
    }

    @Test
    void aRangeKeyInPortConfigCoversItsPortsAndAnExactKeyWins() {
        ObjectNode device = (ObjectNode) api.get(DEVICE).json();
        ObjectNode portConfig = device.putObject("port_config");
        portConfig.putObject("ge-0/0/0-2").put("usage", "secured");
        portConfig.putObject("ge-0/0/1").put("usage", "ap");
        api.put(DEVICE, device);

        assertThat(portUsage("ge-0/0/0")).isEqualTo("secured");
        assertThat(portUsage("ge-0/0/1")).isEqualTo("ap");
        assertThat(portUsage("ge-0/0/2")).isEqualTo("secured");
        assertThat(portUsage("ge-0/0/3")).isEqualTo("default");
    }

    @Test
    void localPortConfigOverridesUntilDeleted() {
        lab.world.configurePortUsage(SW_A2, "ge-0/0/1", "secured");
        ObjectNode overrides = JSON.createObjectNode();
        overrides.putObject("ge-0/0/1").put("usage", "ap");

        MistApi.Answer put = api.put(DEVICE + "/local_port_config", overrides);

        assertThat(put.status()).isEqualTo(200);
        assertThat(portUsage("ge-0/0/1")).isEqualTo("ap");
        assertThat(api.get(DEVICE).json().path("local_port_config").path("ge-0/0/1").path("usage").asText())
                .isEqualTo("ap");

        assertThat(api.delete(DEVICE + "/local_port_config").status()).isEqualTo(200);
        assertThat(portUsage("ge-0/0/1")).isEqualTo("secured");
        assertThat(api.get(DEVICE).json().has("local_port_config")).isFalse();
    }

    @Test
    void badBodiesAre400AndChangeNothing() {
        lab.world.configurePortUsage(SW_A2, "ge-0/0/1", "secured");

        MistApi.Answer notJson = api.put(DEVICE, "{not json");
        MistApi.Answer array = api.put(DEVICE, "[]");
        MistApi.Answer badOverride = api.put(DEVICE + "/local_port_config", "{\"ge-0/0/1\": \"ap\"}");

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().has("detail")).isTrue();
        assertThat(array.status()).isEqualTo(400);
        assertThat(badOverride.status()).isEqualTo(400);
        assertThat(portUsage("ge-0/0/1")).isEqualTo("secured");
    }

    @Test
    void theManagedFlagFollowsTheStoredObject() {
        ObjectNode device = (ObjectNode) api.get(DEVICE).json();
        assertThat(lab.world.mistManaged(SW_A2)).isTrue();
        device.put("disable_auto_config", true);

        api.put(DEVICE, device);

        assertThat(lab.world.mistManaged(SW_A2)).isFalse();
    }

    @Test
    void putOnAnUnknownDeviceIs404() {
        MistApi.Answer put = api.put("/api/v1/sites/" + SITE_A + "/devices/" + deviceId("aaaaaaaaaaaa"), "{}");

        assertThat(put.status()).isEqualTo(404);
    }

    private String portUsage(String port) {
        JsonNode body = api.get("/api/v1/sites/" + SITE_A + "/stats/ports/search?mac=" + SW_A2 + "&port_id=" + port)
                .json();
        return body.path("results").get(0).path("port_usage").asText();
    }
}
