package io.jenkins.plugins.mesa.mist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.change.ChangeRequest;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.ChangeResult.Outcome;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.StageTiming;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.change.SwitchState;
import io.jenkins.plugins.mesa.http.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MistPortConfiguratorTest {
    static final String TOKEN = "tok-port-configurator";
    static final String SW_MAC = "2c21311cbeef";

    private FakeMistSwitches mist;
    private MistClient client;
    private final SwitchLocks locks = new SwitchLocks();
    private String deviceId;

    @BeforeEach
    void start() throws Exception {
        mist = new FakeMistSwitches(TOKEN);
        deviceId = mist.addSwitch(SW_MAC, "sw-hq-1", """
                {"ge-0/0/4": {"usage": "dot1x", "description": "desk 4"}, "ge-0/0/7": {"usage": "dot1x"},
                 "xe-0/1/0": {"usage": "uplink"}}""");
        client = MistClient.create(MistSettings.of(mist.baseUrl(), Secret.of(TOKEN))
                        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20)),
                new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1)), d -> { }, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        mist.close();
    }

    private MistPortConfigurator configurator() {
        return new MistPortConfigurator(client, FakeMistSwitches.ORG, MistPortUsages.defaults(), Clock.systemUTC(), locks,
                MistPortConfigurator.DEFAULT_MAX_ATTEMPTS);
    }

    private static ChangeRequest request(String port, String profile) {
        return ChangeRequest.of(new SwitchPort("sw-hq-1", new MacAddress(SW_MAC), new InterfaceName(port)), profile,
                "MESA AP_CONNECTED 5c5b350e55c8");
    }

    private String usageOf(String port) {
        JsonNode entry = mist.device(deviceId).path("port_config").get(port);
        return entry == null ? null : entry.path("usage").asText();
    }

    @Test
    void setsOnlyThatPortsUsageAndReportsTheChange() {
        ChangeResult r = configurator().apply(request("ge-0/0/4", "ap"));

        assertThat(r.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(r.backend()).isEqualTo("mist");
        assertThat(r.diff()).isEqualTo("ge-0/0/4: usage dot1x -> ap");
        assertThat(r.remoteRef()).isEqualTo(deviceId);
        assertThat(r.leftIn()).isEqualTo(SwitchState.AFTER);
        assertThat(r.comment()).isEqualTo("MESA AP_CONNECTED 5c5b350e55c8");
        assertThat(r.timings()).extracting(StageTiming::stage)
                .containsExactly(Stage.LOOKUP, Stage.LOCK, Stage.DIFF, Stage.LOAD, Stage.VERIFY);
        JsonNode d = mist.device(deviceId);
        assertThat(d.path("port_config").path("ge-0/0/4").path("usage").asText()).isEqualTo("ap");
        assertThat(d.path("port_config").path("ge-0/0/4").path("description").asText()).as("entry's other fields kept")
                .isEqualTo("desk 4");
        assertThat(usageOf("ge-0/0/7")).isEqualTo("dot1x");
        assertThat(d.path("notes").asText()).isEqualTo("closet 2B");
        assertThat(d.path("port_usages").has("dot1x")).isTrue();
    }

    @Test
    void securedRemovesTheOverrideAndAReRunIsUnchanged() {
        ChangeResult r = configurator().apply(request("ge-0/0/7", "secured"));
        assertThat(r.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(r.diff()).isEqualTo("ge-0/0/7: usage dot1x -> (none)");
        assertThat(mist.device(deviceId).path("port_config").has("ge-0/0/7")).isFalse();

        int puts = mist.puts.get();
        ChangeResult again = configurator().apply(request("ge-0/0/7", "secured"));
        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(again.diff()).isEmpty();
        assertThat(mist.puts.get()).as("nothing written when already so").isEqualTo(puts);
    }

    @Test
    void dryRunReportsTheChangeAndWritesNothing() {
        ChangeResult r = configurator().apply(request("ge-0/0/12", "ap").asDryRun());

        assertThat(r.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(r.diff()).isEqualTo("ge-0/0/12: usage (none) -> ap");
        assertThat(r.leftIn()).isEqualTo(SwitchState.BEFORE);
        assertThat(mist.puts.get()).isZero();
        assertThat(usageOf("ge-0/0/12")).isNull();
    }

    @Test
    void fortyEightPortsRequestedAtOnceAllEndWithTheirUsage() throws Exception {
        int n = 48;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ChangeResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String port = "ge-0/0/" + i;
                MistPortConfigurator own = configurator(); // one per event, as the flow builds them; locks are shared
                results.add(pool.submit(() -> {
                    go.await();
                    return own.apply(request(port, "ap"));
                }));
            }
            go.countDown();
            for (Future<ChangeResult> f : results) {
                ChangeResult r = f.get(120, TimeUnit.SECONDS);
                assertThat(r.outcome()).as(r.message()).isIn(Outcome.CHANGED);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < n; i++) {
            assertThat(usageOf("ge-0/0/" + i)).as("ge-0/0/" + i).isEqualTo("ap");
        }
        assertThat(usageOf("xe-0/1/0")).isEqualTo("uplink");
        assertThat(mist.puts.get()).as("one write per port").isEqualTo(n);
    }

    @Test
    void theFakeLosesUpdatesLikeTheRealApiWhenWritersDoNotCoordinate() throws Exception {
        // Guards the test above: a naive read-modify-PUT against this fake does lose a change.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(mist.baseUrl() + "/api/v1/sites/" + FakeMistSwitches.SITE + "/devices/" + deviceId);
        HttpRequest get = HttpRequest.newBuilder(uri).header("Authorization", "Token " + TOKEN).build();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var a = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(http.send(get, HttpResponse.BodyHandlers.ofString()).body());
        var b = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(http.send(get, HttpResponse.BodyHandlers.ofString()).body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) a.get("port_config")).putObject("ge-0/0/1").put("usage", "ap");
        ((com.fasterxml.jackson.databind.node.ObjectNode) b.get("port_config")).putObject("ge-0/0/2").put("usage", "ap");
        for (var body : List.of(a, b)) {
            http.send(HttpRequest.newBuilder(uri).header("Authorization", "Token " + TOKEN)
                    .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(usageOf("ge-0/0/1")).isNull();
        assertThat(usageOf("ge-0/0/2")).isEqualTo("ap");
    }

    @Test
    void aForeignWriteBetweenOurReadAndOurWriteSurvives() {
        mist.afterGet = (id, n) -> {
            if (n == 1) {
                mist.foreignWrite(id, "ge-0/0/9", "camera");
            }
        };

        ChangeResult r = configurator().apply(request("ge-0/0/4", "ap"));

        assertThat(r.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(usageOf("ge-0/0/4")).isEqualTo("ap");
        assertThat(usageOf("ge-0/0/9")).as("the other writer's change is not overwritten").isEqualTo("camera");
    }

    @Test
    void aWriterThatKeepsRevertingOurPortMakesABoundedFailure() {
        mist.afterPut = (id, n) -> mist.foreignWrite(id, "ge-0/0/4", "dot1x");

        ChangeResult r = configurator().apply(request("ge-0/0/4", "ap"));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.failedStage()).isEqualTo(Stage.VERIFY);
        assertThat(r.leftIn()).isEqualTo(SwitchState.UNKNOWN);
        assertThat(r.message()).contains("another writer");
        assertThat(mist.puts.get()).isEqualTo(MistPortConfigurator.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void aRefusedWriteFailsAtLoadLeavingThePortAsItWas() {
        mist.putStatus = 400;

        ChangeResult r = configurator().apply(request("ge-0/0/4", "ap"));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.failedStage()).isEqualTo(Stage.LOAD);
        assertThat(r.leftIn()).isEqualTo(SwitchState.BEFORE);
        assertThat(r.message()).contains("PUT /api/v1/sites/" + FakeMistSwitches.SITE + "/devices/" + deviceId)
                .contains("400");
        assertThat(usageOf("ge-0/0/4")).isEqualTo("dot1x");
    }

    @Test
    void aPortInsideAMultiPortEntryIsRefusedNotSplit() {
        String other = mist.addSwitch("2c21311c0002", "sw-hq-2", "{\"ge-0/0/0-23\": {\"usage\": \"dot1x\"}}");

        ChangeResult r = configurator().apply(new ChangeRequest(new SwitchPort("sw-hq-2", new MacAddress("2c21311c0002"),
                new InterfaceName("ge-0/0/5")), "ap", Map.of(), false, "", 0));

        assertThat(r.failedStage()).isEqualTo(Stage.DIFF);
        assertThat(r.leftIn()).isEqualTo(SwitchState.BEFORE);
        assertThat(r.message()).contains("ge-0/0/0-23");
        assertThat(mist.device(other).path("port_config").has("ge-0/0/5")).isFalse();
        assertThat(MistPortConfigurator.covers("ge-0/0/1,ge-0/0/3-5", "ge-0/0/4")).isTrue();
        assertThat(MistPortConfigurator.covers("ge-0/0/1,ge-0/0/3-5", "ge-0/0/6")).isFalse();
        assertThat(MistPortConfigurator.covers("ge-1/0/0-47", "ge-0/0/4")).isFalse();
    }

    @Test
    void unknownSwitchFailsAtLookupAndUnknownProfileIsRefused() {
        ChangeResult r = configurator().apply(ChangeRequest.of(new SwitchPort("sw-x", new MacAddress("2c21311c9999"),
                new InterfaceName("ge-0/0/1")), "ap", ""));
        assertThat(r.failedStage()).isEqualTo(Stage.LOOKUP);
        assertThat(r.leftIn()).isEqualTo(SwitchState.BEFORE);
        assertThat(r.message()).contains("not in the Mist inventory");

        assertThatThrownBy(() -> configurator().apply(request("ge-0/0/4", "voip")))
                .isInstanceOf(UnknownPortProfile.class)
                .extracting(e -> ((UnknownPortProfile) e).reason()).isEqualTo("unknown-profile");
    }
}
