package io.jenkins.plugins.mesa.mist;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.change.ChangeRequest;
import io.jenkins.plugins.mesa.change.ChangeResult;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.change.SwitchPort;
import io.jenkins.plugins.mesa.http.RetryPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The Mist token and the webhook secret never reach exceptions, toString() or MESA's logs. */
class MistSecretLeakTest {
    static final String TOKEN = "tok-LEAKCANARY-7f3e9a";
    static final String WEBHOOK_SECRET = "whsec-LEAKCANARY-51bd";

    private final Logger mesaLogger = (Logger) LoggerFactory.getLogger("io.jenkins.plugins.mesa");
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<String> seen = new ArrayList<>();
    private Level previous;

    @BeforeEach
    void captureEverythingMesaLogs() {
        previous = mesaLogger.getLevel();
        mesaLogger.setLevel(Level.TRACE);
        logs.start();
        mesaLogger.addAppender(logs);
    }

    @AfterEach
    void release() {
        mesaLogger.detachAppender(logs);
        mesaLogger.setLevel(previous);
    }

    private void record(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        seen.add(w.toString());
        seen.add(String.valueOf(t));
    }

    private void run(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            record(e);
        }
    }

    @Test
    void secretsAppearNowhere() throws Exception {
        Secret token = Secret.of(TOKEN);
        Secret webhookSecret = Secret.of(WEBHOOK_SECRET);
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        try {
            // Mist answers 401 and echoes the token in its detail; then 429 until retries run out.
            server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
                    .withBody("{\"detail\": \"Invalid token " + TOKEN + "\"}")));
            MistSettings settings = MistSettings.of(URI.create("http://127.0.0.1:" + server.port()), token)
                    .withSwitchOverrides(Map.of("sw-hq-1", new MistSettings.SwitchOverride("10.0.0.1", null)));
            MistClient client = MistClient.create(settings, new RetryPolicy(2, Duration.ZERO, Duration.ZERO), d -> { },
                    Clock.systemUTC());
            MacAddress sw = new MacAddress("2c21311cbeef");
            run(() -> client.siteApCounts("978c48e6-6ef6-11e6-8bbf-02e208b2d34f"));
            run(() -> client.apUplink("2818e386-8dec-2562-9ede-5b8a0fbbdc71", "978c48e6-6ef6-11e6-8bbf-02e208b2d34f",
                    new MacAddress("5c5b350e55c8")));
            server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)
                    .withBody("{\"detail\": \"limit for " + TOKEN + "\"}")));
            run(() -> client.switchByMac("2818e386-8dec-2562-9ede-5b8a0fbbdc71", sw));
            ChangeResult failed = new MistPortConfigurator(client, "2818e386-8dec-2562-9ede-5b8a0fbbdc71",
                    MistPortUsages.defaults(), Clock.systemUTC()).apply(ChangeRequest.of(
                    new SwitchPort("sw-hq-1", sw, new InterfaceName("ge-0/0/4")), "ap", "test"));
            seen.add(failed.toString());
            MistClient unreachable = MistClient.create(MistSettings.of(URI.create("http://127.0.0.1:" + closedPort), token),
                    new RetryPolicy(2, Duration.ZERO, Duration.ZERO), d -> { }, Clock.systemUTC());
            run(() -> unreachable.siteApCounts("978c48e6-6ef6-11e6-8bbf-02e208b2d34f"));
            seen.add(settings.toString());
            seen.add(client.toString());
            seen.add(token.toString());

            WebhookSettings ws = WebhookSettings.of(webhookSecret).withLegacySha1(true);
            seen.add(ws.toString());
            WebhookIntake intake = new WebhookIntake(ws);
            byte[] body = "{\"topic\":\"device-events\",\"events\":[{\"type\":\"AP_CONNECTED\"}]}".getBytes(StandardCharsets.UTF_8);
            run(() -> intake.accept(body, name -> "deadbeef"));
            run(() -> intake.accept(body, name -> null));
            run(() -> intake.accept(body, name -> name.equalsIgnoreCase("X-Mist-Signature-v2")
                    ? WebhookSignature.sign(webhookSecret, body) : null));
        } finally {
            server.stop();
        }

        for (ILoggingEvent e : logs.list) {
            seen.add(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                seen.add(t.getMessage());
            }
        }
        assertThat(logs.list).as("the scenario did log (retries, failures)").isNotEmpty();
        assertThat(seen).as("exceptions and results were captured").hasSizeGreaterThan(10);
        assertThat(String.join("\n", seen)).as("Mist's echo of the token reached us, redacted")
                .contains("Invalid token ****");
        assertThat(String.join("\n", seen)).doesNotContain(TOKEN).doesNotContain(WEBHOOK_SECRET)
                .doesNotContain("LEAKCANARY");
    }
}
