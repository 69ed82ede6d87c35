package io.jenkins.plugins.mesa.cso;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.jenkins.plugins.mesa.cso.CsoPortConfiguratorTest.request;
import static io.jenkins.plugins.mesa.cso.FakeCso.job;
import static io.jenkins.plugins.mesa.cso.FakeCso.tokenAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.Stage;
import io.jenkins.plugins.mesa.change.SwitchState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeystoneTokenTest {
    private static final String AUTH = "/v3/auth/tokens";
    private final FakeCso cso = new FakeCso().inventory().writes().jobAnswers(job("success", 100));

    @AfterEach
    void stop() {
        cso.close();
    }

    /** Keystone hands out tok-1, then tok-2, then tok-3 on successive logins. */
    private void successiveTokens() {
        String state = Scenario.STARTED;
        for (int i = 1; i <= 3; i++) {
            String next = "login-" + (i + 1);
            cso.server.stubFor(post(AUTH).inScenario("login").whenScenarioStateIs(state)
                    .willReturn(tokenAnswer("tok-" + i)).willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void oneLoginServesTwoChanges() {
        cso.login(FakeCso.TOKEN);
        CsoPortConfigurator configurator = cso.configurator();

        ChangeResult first = configurator.apply(request("sw1", "ge-0/0/4", "ap"));
        ChangeResult second = configurator.apply(request("sw1", "ge-0/0/3", "secured"));

        assertThat(first.changed()).isTrue();
        assertThat(second.changed()).isTrue();
        assertThat(cso.count("POST", AUTH)).isEqualTo(1);
        cso.server.verify(2, postRequestedFor(urlEqualTo("/tssm/apply-port-config-association"))
                .withHeader("X-Auth-Token", equalTo(FakeCso.TOKEN)));
    }

    @Test
    void theTokenIsRenewedOnlyOnceWithinTheSafetyMarginOfItsExpiry() {
        successiveTokens(); // each expires at 11:00; renewed from 10:59 (60 s margin)
        CsoPortConfigurator configurator = cso.configurator();

        configurator.apply(request("sw1", "ge-0/0/4", "ap"));
        cso.clock.advance(Duration.between(cso.clock.instant(), FakeCso.START.plusSeconds(57 * 60)));
        configurator.apply(request("sw1", "ge-0/0/4", "ap")); // ends 10:57:25, before 10:59
        assertThat(cso.count("POST", AUTH)).isEqualTo(1);

        cso.clock.advance(Duration.ofSeconds(100)); // 10:59:05
        ChangeResult late = configurator.apply(request("sw1", "ge-0/0/4", "ap"));

        assertThat(late.changed()).isTrue();
        assertThat(cso.count("POST", AUTH)).isEqualTo(2);
        cso.server.verify(1, getRequestedFor(urlEqualTo("/data-view-central/device")).withHeader("X-Auth-Token", equalTo("tok-2")));
    }

    @Test
    void aTokenWithoutExpiryIsUsedForFiveMinutesAtMost() {
        cso.server.stubFor(post(AUTH).willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "tok-x")
                .withHeader("Content-Type", "application/json").withBody("{\"token\":{\"methods\":[\"password\"]}}")));
        CsoPortConfigurator configurator = cso.configurator();

        configurator.apply(request("sw1", "ge-0/0/4", "ap"));
        cso.clock.advance(Duration.ofMinutes(5));
        configurator.apply(request("sw1", "ge-0/0/4", "ap"));

        assertThat(cso.count("POST", AUTH)).isEqualTo(2);
    }

    @Test
    void keystoneClockSkewNeitherForcesALoginPerCallNorKeepsADeadToken() {
        // Keystone's clock is two hours behind: by our clock its expires_at (09:00) has already passed.
        cso.server.stubFor(post(AUTH).willReturn(tokenAnswer("tok-skew", "2026-11-29T08:00:00Z", "2026-11-29T09:00:00Z")));
        CsoPortConfigurator configurator = cso.configurator();

        configurator.apply(request("sw1", "ge-0/0/4", "ap"));
        configurator.apply(request("sw1", "ge-0/0/3", "secured"));
        assertThat(cso.count("POST", AUTH)).isEqualTo(1);

        cso.clock.advance(Duration.ofMinutes(30)); // the token lives an hour from its issue
        configurator.apply(request("sw1", "ge-0/0/4", "ap"));
        assertThat(cso.count("POST", AUTH)).isEqualTo(1);

        cso.clock.advance(Duration.ofMinutes(29)); // past 10:59, a minute before the hour is up
        configurator.apply(request("sw1", "ge-0/0/4", "ap"));
        assertThat(cso.count("POST", AUTH)).isEqualTo(2);
    }

    @Test
    void a401LogsInOnceMoreAndTheChangeGoesThrough() {
        successiveTokens();
        cso.server.stubFor(get("/data-view-central/device").withHeader("X-Auth-Token", equalTo("tok-1"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"token revoked\"}")));

        ChangeResult result = cso.configurator().apply(request("sw1", "ge-0/0/4", "ap"));

        assertThat(result.outcome()).isEqualTo(ChangeResult.Outcome.CHANGED);
        assertThat(cso.count("POST", AUTH)).isEqualTo(2);
        cso.server.verify(postRequestedFor(urlEqualTo("/tssm/deploy-port-config-association"))
                .withHeader("X-Auth-Token", equalTo("tok-2")));
    }

    @Test
    void a401AfterTheFreshLoginFailsTheChangeWithoutAThirdLogin() {
        successiveTokens();
        cso.server.stubFor(get("/data-view-central/device").willReturn(aResponse().withStatus(401)));

        ChangeResult result = cso.configurator().apply(request("sw1", "ge-0/0/4", "ap"));

        assertThat(result.outcome()).isEqualTo(ChangeResult.Outcome.FAILED);
        assertThat(result.failedStage()).isEqualTo(Stage.LOOKUP);
        assertThat(result.leftIn()).isEqualTo(SwitchState.BEFORE);
        assertThat(result.message()).contains("HTTP 401", "fresh token", "mesa-svc");
        assertThat(cso.count("POST", AUTH)).isEqualTo(2);
        assertThat(cso.count("GET", "/data-view-central/device")).isEqualTo(2);
        cso.server.verify(0, postRequestedFor(urlEqualTo("/tssm/apply-port-config-association")));
    }

    @Test
    void aPollRefusedTwiceIsATypedError() {
        successiveTokens();
        cso.server.stubFor(get(FakeCso.JOB_PATH).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> cso.configurator().poll(FakeCso.JOB))
                .isInstanceOfSatisfying(CsoException.class, e -> assertThat(e.reason()).isEqualTo("cso-unauthorized"));
        assertThat(cso.count("POST", AUTH)).isEqualTo(2);
    }

    @Test
    void refusedCredentialsFailAtConnectWithoutRetrying() {
        cso.server.stubFor(post(AUTH).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":401,\"message\":\"The request you have made requires authentication.\","
                        + "\"title\":\"Unauthorized\"}}")));

        ChangeResult result = cso.configurator().apply(request("sw1", "ge-0/0/4", "ap"));

        assertThat(result.failedStage()).isEqualTo(Stage.CONNECT);
        assertThat(result.leftIn()).isEqualTo(SwitchState.BEFORE);
        assertThat(result.message()).isEqualTo("CSO login for user 'mesa-svc' in project 'MY_CORP' refused (HTTP 401)");
        assertThat(cso.count("POST", AUTH)).isEqualTo(1);
        assertThat(cso.count("GET", "/data-view-central/device")).isZero();
    }

    @Test
    void aLoginAnswerWithoutTokenHeaderFailsAtConnect() {
        cso.server.stubFor(post(AUTH).willReturn(aResponse().withStatus(201).withBody("{\"token\":{}}")));

        ChangeResult result = cso.configurator().apply(request("sw1", "ge-0/0/4", "ap"));

        assertThat(result.failedStage()).isEqualTo(Stage.CONNECT);
        assertThat(result.message()).contains("without an X-Subject-Token");
    }

    @Test
    void concurrentChangesShareOneLoginAndNeverInterleaveOnOneSwitch() throws Exception {
        cso.login(FakeCso.TOKEN);
        CsoPortConfigurator configurator = cso.configurator();
        int changes = 6;
        ExecutorService pool = Executors.newFixedThreadPool(changes);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ChangeResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < changes; i++) {
                String port = i % 2 == 0 ? "ge-0/0/3" : "ge-0/0/4";
                results.add(pool.submit(() -> {
                    go.await();
                    return configurator.apply(request("sw1.site1", port, "ap"));
                }));
            }
            go.countDown();
            for (Future<ChangeResult> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS).changed()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(cso.count("POST", AUTH)).isEqualTo(1);
        // Per switch, every association is followed by its own deploy before the next association.
        List<ServeEvent> events = new ArrayList<>(cso.server.getAllServeEvents());
        Collections.reverse(events);
        List<ServeEvent> writes = events.stream().filter(e -> e.getRequest().getUrl().startsWith("/tssm/apply")
                || e.getRequest().getUrl().startsWith("/tssm/deploy")).toList();
        assertThat(writes).hasSize(2 * changes);
        for (int i = 0; i < writes.size(); i += 2) {
            assertThat(writes.get(i).getRequest().getUrl()).isEqualTo("/tssm/apply-port-config-association");
            assertThat(writes.get(i + 1).getRequest().getUrl()).isEqualTo("/tssm/deploy-port-config-association");
            assertThat(port(writes.get(i))).isNotEmpty().isEqualTo(port(writes.get(i + 1)));
        }
    }

    private static String port(ServeEvent write) throws Exception {
        return new ObjectMapper().readTree(write.getRequest().getBodyAsString())
                .at("/input/port_config_association/0/port_name").asText();
    }
}
