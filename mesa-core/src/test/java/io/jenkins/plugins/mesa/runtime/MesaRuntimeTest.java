package io.jenkins.plugins.mesa.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.jenkins.plugins.mesa.audit.AuditRecord;
import io.jenkins.plugins.mesa.audit.Outcome;
import io.jenkins.plugins.mesa.flow.FlowStores;
import io.jenkins.plugins.mesa.flow.SwitchPortReader;
import io.jenkins.plugins.mesa.mist.WebhookRejected;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A runtime built from a YAML file that points at the lab's simulated Mist cloud and switches works end to end. */
class MesaRuntimeTest {
    private final Lab lab = new Lab(4);

    @AfterEach
    void closeLab() {
        lab.close();
    }

    @Test
    void aSignedConnectWebhookPutsTheApsPortOnTheRealSwitchIntoTheApProfile() {
        try (MesaRuntime runtime = lab.runtime(null)) {
            lab.plug(Lab.ap(1), Lab.SW1_MAC, "ge-0/0/3");
            lab.deliver(runtime, "AP_CONNECTED", Lab.ap(1));
            List<AuditRecord> written = runtime.flow().runDue();

            assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/3")).isTrue();
            assertThat(Lab.isSecured(lab.sw1, "ge-0/0/4")).isTrue();
            assertThat(written).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.CHANGED);
                assertThat(r.explain()).contains("sw-1 ge-0/0/3", "junos", "Outcome: changed");
            });
            assertThat(lab.sw1.commits()).isNotEmpty();
        }
    }

    @Test
    void aMistManagedSwitchIsChangedThroughTheMistApi() {
        try (MesaRuntime runtime = lab.runtime(null)) {
            lab.plug(Lab.ap(2), Lab.SWM_MAC, "ge-0/0/5");
            lab.deliver(runtime, "AP_CONNECTED", Lab.ap(2));
            List<AuditRecord> written = runtime.flow().runDue();

            assertThat(lab.world.portUsage(Lab.SWM_MAC, "ge-0/0/5")).as(Lab.explanations(runtime).toString())
                    .isEqualTo("ap");
            assertThat(written).singleElement().satisfies(r -> assertThat(r.explain()).contains("via mist"));
            assertThat(lab.sw1.commits()).isEmpty();
            assertThat(lab.sw2.commits()).isEmpty();
        }
    }

    @Test
    void aForgedWebhookIsRefusedAndNothingIsQueued() {
        try (MesaRuntime runtime = lab.runtime(null)) {
            byte[] body = lab.webhook("AP_CONNECTED", Lab.ap(1));
            assertThatThrownBy(() -> runtime.receive(body, name -> "00".repeat(32)))
                    .isInstanceOf(WebhookRejected.class);
            assertThat(runtime.flow().nextDue()).isEmpty();
        }
    }

    @Test
    void eventsOfAnotherMistOrgAreNotActedOn() {
        try (MesaRuntime runtime = lab.runtime(null)) {
            lab.plug(Lab.ap(1), Lab.SW1_MAC, "ge-0/0/3");
            byte[] body = new String(lab.webhook("AP_CONNECTED", Lab.ap(1)), java.nio.charset.StandardCharsets.UTF_8)
                    .replace(Lab.ORG, "00000000-0000-0000-0000-000000000001")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);

            assertThat(runtime.receive(body, Lab.signed(body))).isEmpty();
            assertThat(runtime.flow().runDue()).isEmpty();
            assertThat(lab.sw1.commits()).isEmpty();
        }
    }

    @Test
    void theSwitchesOwnLldpTableIsConsultedOnlyWhenTheGuardSourcesIncludeTheSwitch() {
        String both = Lab.DEFAULT_GUARDS + "  lldp:\n    sources: mist+netconf\n";
        try (MesaRuntime mistOnly = lab.runtime(null); MesaRuntime withSwitch = lab.runtime(both)) {
            assertThat(mistOnly.switchReader()).isSameAs(SwitchPortReader.NONE);
            assertThat(withSwitch.switchReader().source()).isEqualTo("netconf-lldp");
        }
    }

    @Test
    void aConnectIsLookedUpOnlyAfterTheConfiguredLookupDelay() {
        String guards = Lab.DEFAULT_GUARDS + "  lookupDelay: 45s\n";
        try (MesaRuntime runtime = MesaRuntime.create(lab.config(guards), FlowStores.inMemory(), lab.clock,
                MesaRuntime.Options.defaults().withPause(d -> { }))) {
            lab.plug(Lab.ap(1), Lab.SW1_MAC, "ge-0/0/3");
            lab.deliver(runtime, "AP_CONNECTED", Lab.ap(1));

            lab.advance(Duration.ofSeconds(44));
            assertThat(runtime.flow().runDue()).as("still waiting for Mist to learn the AP's LLDP").isEmpty();
            assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/3")).isFalse();

            lab.advance(Duration.ofSeconds(1));
            assertThat(runtime.flow().runDue()).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.CHANGED));
            assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/3")).isTrue();
        }
    }

    @Test
    void aHostsLookupDelayOverridesTheConfiguredOne() {
        String guards = Lab.DEFAULT_GUARDS + "  lookupDelay: 45s\n";
        try (MesaRuntime configured = MesaRuntime.create(lab.config(guards), FlowStores.inMemory(), lab.clock);
             MesaRuntime overridden = lab.runtime(guards)) {
            assertThat(configured.flowSettings().lookupDelay()).hasSeconds(45);
            assertThat(overridden.flowSettings().lookupDelay()).isZero();
        }
    }

    @Test
    void buildingTheRuntimeContactsNoPeer() {
        int before = lab.cloud.totalRequests();
        try (MesaRuntime runtime = MesaRuntime.create(lab.config(null), FlowStores.inMemory(), lab.clock)) {
            assertThat(runtime.backends()).isNotNull();
        }
        assertThat(lab.cloud.totalRequests()).isEqualTo(before);
        assertThat(lab.sw1.sessionsOpened()).isZero();
    }

    @Test
    void eachOutcomeIsAnnouncedOnSlackAndTeamsAndAFailingChannelChangesNothing() {
        WireMockServer chat = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        chat.start();
        try {
            chat.stubFor(post(urlEqualTo("/slack/T0/B0/hooksecret")).willReturn(aResponse().withStatus(200)));
            chat.stubFor(post(urlEqualTo("/teams/hooksecret")).willReturn(aResponse().withStatus(500)));
            String base = "http://127.0.0.1:" + chat.port();
            lab.withYaml("""
                    notify:
                      slack:
                        webhookUrl: ${env:SLACK_URL}
                      teams:
                        webhookUrl: ${env:TEAMS_URL}
                      timeout: 2s
                    """, Map.of("SLACK_URL", base + "/slack/T0/B0/hooksecret", "TEAMS_URL", base + "/teams/hooksecret"));
            MesaRuntime runtime = lab.runtime(null);
            lab.plug(Lab.ap(1), Lab.SW1_MAC, "ge-0/0/3");
            lab.deliver(runtime, "AP_CONNECTED", Lab.ap(1));
            assertThat(runtime.flow().runDue()).extracting(AuditRecord::outcome).containsExactly(Outcome.CHANGED);
            runtime.close(); // sends what is queued

            assertThat(Lab.hasApProfile(lab.sw1, "ge-0/0/3")).isTrue();
            chat.verify(1, postRequestedFor(urlEqualTo("/slack/T0/B0/hooksecret"))
                    .withRequestBody(matchingJsonPath("$.text",
                            com.github.tomakehurst.wiremock.client.WireMock.containing(
                                    "AP_CONNECTED ap-01 (5c5b350e0001) at HQ: sw-1 ge-0/0/3 → ap (changed)")))
                    .withRequestBody(matchingJsonPath("$.attachments[0].color",
                            com.github.tomakehurst.wiremock.client.WireMock.equalTo("good"))));
            chat.verify(postRequestedFor(urlEqualTo("/teams/hooksecret")));
        } finally {
            chat.stop();
        }
    }
}
