package io.jenkins.plugins.mesa.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.http.RetryPolicy;
import io.jenkins.plugins.mesa.http.RetryingHttp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class IncomingWebhookChannelTest {
    private static final String HOOK_PATH = "/services/T000/B000/SECRETHOOKtoken42";

    private final WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private RetryingHttp http;
    private Secret url;

    @BeforeEach
    void start() {
        server.start();
        http = new RetryingHttp(RetryingHttp.newClient(Duration.ofSeconds(2)),
                new RetryPolicy(3, Duration.ZERO, Duration.ZERO), d -> { }, Duration.ofSeconds(10), Clock.systemUTC());
        url = Secret.of("http://127.0.0.1:" + server.port() + HOOK_PATH);
        logs.start();
        ((Logger) LoggerFactory.getLogger(IncomingWebhookChannel.class)).addAppender(logs);
        ((Logger) LoggerFactory.getLogger(RetryingHttp.class)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(IncomingWebhookChannel.class)).detachAppender(logs);
        ((Logger) LoggerFactory.getLogger(RetryingHttp.class)).detachAppender(logs);
        server.stop();
    }

    private static Notice changed() {
        return new Notice(Notice.Level.CHANGED, "AP_CONNECTED ap-lobby at HQ: sw1 ge-0/0/4 -> ap (changed)",
                List.of("outage guard: no outage", "commit 'MESA AP_CONNECTED …'"), "https://jenkins.example/job/mesa/7/");
    }

    @Test
    void slackGetsAColouredAttachmentWithTitleLinkAndLines() {
        server.stubFor(post(HOOK_PATH).willReturn(aResponse().withStatus(200).withBody("ok")));

        assertThat(IncomingWebhookChannel.slack(url, http).send(changed())).isTrue();

        server.verify(postRequestedFor(urlEqualTo(HOOK_PATH)).withRequestBody(equalToJson("""
                {"text":"AP_CONNECTED ap-lobby at HQ: sw1 ge-0/0/4 -> ap (changed)",
                 "attachments":[{"fallback":"AP_CONNECTED ap-lobby at HQ: sw1 ge-0/0/4 -> ap (changed)",
                   "color":"good","title":"AP_CONNECTED ap-lobby at HQ: sw1 ge-0/0/4 -> ap (changed)",
                   "title_link":"https://jenkins.example/job/mesa/7/",
                   "text":"outage guard: no outage\\ncommit 'MESA AP_CONNECTED …'"}]}""")));
    }

    @Test
    void teamsGetsAnAdaptiveCard() {
        server.stubFor(post(HOOK_PATH).willReturn(aResponse().withStatus(202)));

        Notice failed = new Notice(Notice.Level.FAILED, "AP_DISCONNECTED ap-1: commit failed", List.of("stage COMMIT"), "");
        assertThat(IncomingWebhookChannel.teams(url, http).send(failed)).isTrue();

        server.verify(postRequestedFor(urlEqualTo(HOOK_PATH))
                .withRequestBody(matchingJsonPath("$.attachments[0].contentType", com.github.tomakehurst.wiremock.client.WireMock.equalTo("application/vnd.microsoft.card.adaptive")))
                .withRequestBody(matchingJsonPath("$.attachments[0].content.body[0].color", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Attention")))
                .withRequestBody(matchingJsonPath("$.attachments[0].content.body[1].text", com.github.tomakehurst.wiremock.client.WireMock.equalTo("stage COMMIT"))));
    }

    @Test
    void aChatOutageIsReportedNotThrownAndTheHookUrlIsNeverLogged() {
        server.stubFor(post(HOOK_PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        IncomingWebhookChannel slack = IncomingWebhookChannel.slack(url, http);

        assertThat(slack.send(changed())).isFalse();
        server.stubFor(post(HOOK_PATH).willReturn(aResponse().withStatus(503)));
        assertThat(slack.send(changed())).isFalse();

        assertThat(logs.list).extracting(ILoggingEvent::getLoggerName).contains(RetryingHttp.class.getName());
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("SECRETHOOK"));
        assertThat(slack.toString()).doesNotContain("SECRETHOOK");
    }

    @Test
    void anUnreachableChannelIsReportedNotThrown() {
        server.stop();
        assertThat(IncomingWebhookChannel.slack(url, http).send(changed())).isFalse();
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("SECRETHOOK"));
    }
}
