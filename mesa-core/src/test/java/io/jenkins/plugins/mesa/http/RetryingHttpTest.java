package io.jenkins.plugins.mesa.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryingHttpTest {
    private final WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    private final List<Duration> waits = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
    private RetryingHttp http;

    @BeforeEach
    void start() {
        server.start();
        // Generous timeout: a cold server on a busy machine must not look like a timeout here.
        http = withRequestTimeout(Duration.ofSeconds(10));
    }

    private RetryingHttp withRequestTimeout(Duration timeout) {
        return new RetryingHttp(RetryingHttp.newClient(Duration.ofSeconds(2)),
                new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30)), waits::add, timeout, clock);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpRequest request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/x")).GET().build();
    }

    @Test
    void retries429And503WithBackoffThenSucceeds() {
        server.stubFor(get("/x").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429)).willSetStateTo("two"));
        server.stubFor(get("/x").inScenario("s").whenScenarioStateIs("two")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("three"));
        server.stubFor(get("/x").inScenario("s").whenScenarioStateIs("three")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        var response = http.send(request());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body())).isEqualTo("ok");
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void honoursRetryAfterInSecondsAndAsDateBoundedByMaxBackoff() {
        server.stubFor(get("/x").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("two"));
        server.stubFor(get("/x").inScenario("s").whenScenarioStateIs("two")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Sun, 29 Nov 2026 10:00:12 GMT"))
                .willSetStateTo("three"));
        server.stubFor(get("/x").inScenario("s").whenScenarioStateIs("three")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")).willSetStateTo("four"));
        server.stubFor(get("/x").inScenario("s").whenScenarioStateIs("four")
                .willReturn(aResponse().withStatus(200)));

        assertThat(http.send(request()).statusCode()).isEqualTo(200);
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(12), Duration.ofSeconds(30));
    }

    @Test
    void givesUpAfterMaxAttemptsAndReturnsTheLastAnswer() {
        server.stubFor(get("/x").willReturn(aResponse().withStatus(503)));

        assertThat(http.send(request()).statusCode()).isEqualTo(503);
        server.verify(4, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/x")));
        assertThat(waits).hasSize(3);
    }

    @Test
    void aPostIsResentOnlyWhenTheServerCannotHaveActedOnIt() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/deploy").inScenario("p")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("two"));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/deploy").inScenario("p")
                .whenScenarioStateIs("two").willReturn(aResponse().withStatus(502)).willSetStateTo("three"));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/deploy").inScenario("p")
                .whenScenarioStateIs("three").willReturn(aResponse().withStatus(200)));
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/deploy"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        // 503 = not processed: resent. 502 = may have been processed: handed back, not resent.
        assertThat(http.send(post).statusCode()).isEqualTo(502);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aPostWhoseConnectionBrokeIsNotResent() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/deploy")
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/deploy"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        assertThatThrownBy(() -> http.send(post)).isInstanceOf(HttpUnreachable.class)
                .hasMessageContaining("not resent");
        assertThat(waits).isEmpty();
    }

    @Test
    void doesNotRetryClientErrors() {
        server.stubFor(get("/x").willReturn(aResponse().withStatus(404)));

        assertThat(http.send(request()).statusCode()).isEqualTo(404);
        assertThat(waits).as("no backoff for a client error").isEmpty();
    }

    @Test
    void aSlowServerTimesOutAndIsReportedUnreachable() {
        server.stubFor(get("/x").willReturn(aResponse().withStatus(200).withFixedDelay(1_500)));

        assertThatThrownBy(() -> withRequestTimeout(Duration.ofMillis(100)).send(request()))
                .isInstanceOf(HttpUnreachable.class)
                .hasMessageContaining("GET 127.0.0.1/x failed after 4 attempts")
                .hasMessageContaining("HttpTimeoutException");
    }

    @Test
    void aBrokenConnectionIsRetried() {
        server.stubFor(get("/x").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("two"));
        server.stubFor(get("/x").inScenario("s").whenScenarioStateIs("two")
                .willReturn(aResponse().withStatus(200)));

        // The JDK client may itself resend an idempotent GET once after a reset; either way the caller gets the answer.
        assertThat(http.send(request()).statusCode()).isEqualTo(200);
        assertThat(waits).hasSizeLessThanOrEqualTo(1);
    }
}
