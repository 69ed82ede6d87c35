package io.jenkins.plugins.mesa.runtime;

import static io.jenkins.plugins.mesa.runtime.Lab.SITE;
import static io.jenkins.plugins.mesa.runtime.Lab.SW1_MAC;
import static io.jenkins.plugins.mesa.runtime.Lab.SW2_MAC;
import static io.jenkins.plugins.mesa.runtime.Lab.ap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.lab.mist.MistWebhookSender;
import io.jenkins.plugins.mesa.mist.WebhookRejected;
import io.jenkins.plugins.mesa.steps.MesaSteps;
import io.jenkins.plugins.mesa.steps.StepArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The step facade against the lab: exact keys, plain values, the port registry, typed argument errors, no secrets. */
class CoreStepsTest {
    private final Lab lab = new Lab(4);
    private final MesaRuntime runtime = lab.runtime(null);
    private final MesaSteps steps = runtime.steps();

    CoreStepsTest() {
        lab.plug(ap(1), SW1_MAC, "ge-0/0/1");
        lab.plug(ap(2), SW1_MAC, "ge-0/0/2");
        lab.plug(ap(3), SW2_MAC, "ge-0/0/3");
        lab.plug(ap(4), SW2_MAC, "ge-0/0/4");
    }

    @AfterEach
    void closeLab() {
        runtime.close();
        lab.close();
    }

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void lookupPortAnswersFromMistsLldpData() {
        Map<String, Object> r = steps.lookupPort(args("mac", ap(1), "siteId", SITE));

        assertThat(r).containsEntry("found", true).containsEntry("switchName", "sw-1")
                .containsEntry("switchMac", SW1_MAC).containsEntry("managementHost", "127.0.0.1")
                .containsEntry("port", "ge-0/0/1").containsEntry("mistManaged", false).containsEntry("source", "lldp")
                .containsEntry("siteId", SITE).containsEntry("moved", false);
        assertPlain(r);
    }

    @Test
    void lookupPortOfAnApMistHasNoLldpDataForIsNotFound() {
        Map<String, Object> r = steps.lookupPort(args("mac", "5c:5b:35:0e:ff:ff", "siteId", SITE));

        assertThat(r).containsEntry("found", false);
        assertThat((String) r.get("reason")).contains("no LLDP neighbour");
    }

    @Test
    void aChangeNamingTheApIsRememberedSoALaterLookupSeesTheMove() {
        Map<String, Object> applied = steps.junosApplyProfile(args("switch", "sw-1", "port", "ge-0/0/1", "profile", "ap",
                "apMac", ap(1), "comment", "test"));
        assertThat(applied).containsEntry("outcome", "CHANGED").containsEntry("changed", true)
                .containsEntry("failed", false).containsEntry("failedStage", "").containsEntry("comment", "test");
        assertThat((String) applied.get("diff")).contains("ge-0/0/1");
        @SuppressWarnings("unchecked")
        Map<String, Object> timings = (Map<String, Object>) applied.get("timings");
        assertThat(timings).containsKeys("LOCK", "COMMIT");
        assertPlain(applied);

        lab.move(ap(1), SW2_MAC, "ge-0/0/9");
        Map<String, Object> r = steps.lookupPort(args("mac", ap(1), "siteId", SITE));

        assertThat(r).containsEntry("port", "ge-0/0/9").containsEntry("switchName", "sw-2").containsEntry("moved", true)
                .containsEntry("previousSwitchName", "sw-1").containsEntry("previousSwitchMac", "")
                .containsEntry("previousPort", "ge-0/0/1").containsEntry("previousMistManaged", false);
    }

    @Test
    void withoutTheApOrOnADryRunNothingIsRemembered() {
        steps.junosApplyProfile(args("switch", "sw-1", "port", "ge-0/0/1", "profile", "ap"));
        Map<String, Object> dry = steps.junosApplyProfile(args("switch", "sw-1", "port", "ge-0/0/2", "profile", "ap",
                "apMac", ap(2), "dryRun", true));

        assertThat(dry).containsEntry("outcome", "DRY_RUN");
        assertThat(Lab.isSecured(lab.sw1, "ge-0/0/2")).isTrue();
        assertThat(runtime.stores().registry().find(MacAddress.parse(ap(1)))).isEmpty();
        assertThat(runtime.stores().registry().find(MacAddress.parse(ap(2)))).isEmpty();
    }

    @Test
    void aFailedChangeIsReturnedWithItsStageAndTheSwitchsState() {
        lab.sw1.faults().commitError("commit failed: out of flash");

        Map<String, Object> r = steps.junosApplyProfile(args("switch", "sw-1", "port", "ge-0/0/1", "profile", "ap",
                "apMac", ap(1)));

        assertThat(r).containsEntry("outcome", "FAILED").containsEntry("failed", true).containsEntry("changed", false)
                .containsEntry("failedStage", "COMMIT").containsEntry("leftIn", "BEFORE");
        assertThat(runtime.stores().registry().find(MacAddress.parse(ap(1)))).isEmpty();
    }

    @Test
    void checkOutageCountsTheSitesDisconnectedApsFromMist() {
        assertThat(steps.checkOutage(args("siteId", SITE))).containsEntry("outage", false)
                .containsEntry("disconnected", 0).containsEntry("total", 4).containsEntry("windowSeconds", 60L)
                .containsEntry("thresholdCount", 5).containsEntry("thresholdRatio", 0.5);

        lab.unplug(ap(1));
        assertThat(steps.checkOutage(args("siteId", SITE))).containsEntry("outage", false).containsEntry("disconnected", 1);

        lab.world.apLosesCloud(ap(2));
        Map<String, Object> r = steps.checkOutage(args("siteId", SITE));
        assertThat(r).containsEntry("outage", true).containsEntry("disconnected", 2);
        assertThat((String) r.get("explanation")).startsWith("site outage at " + SITE + ": 2 of 4 APs disconnected");
    }

    @Test
    void validateLldpComparesTheNeighbourWithTheAp() {
        Map<String, Object> present = steps.validateLldp(args("switchMac", SW1_MAC, "port", "ge-0/0/1", "apMac", ap(1),
                "siteId", SITE));
        assertThat(present).containsEntry("apPresent", true).containsEntry("portUp", true)
                .containsEntry("neighbourMac", ap(1)).containsEntry("source", "mist-port-stats");

        Map<String, Object> other = steps.validateLldp(args("switchMac", SW1_MAC, "port", "ge-0/0/2", "apMac", ap(1)));
        assertThat(other).containsEntry("apPresent", false).containsEntry("neighbourMac", ap(2));

        lab.unplug(ap(1));
        Map<String, Object> gone = steps.validateLldp(args("switchMac", SW1_MAC, "port", "ge-0/0/1", "apMac", ap(1)));
        assertThat(gone).containsEntry("apPresent", false).containsEntry("portUp", false).containsEntry("neighbourMac", "");
        assertThat((String) gone.get("explanation")).contains("is down");
    }

    @Test
    void parseEventVerifiesTheSignatureAndReturnsPlainEventMaps() {
        byte[] body = lab.webhook("AP_DISCONNECTED", ap(3));
        String payload = new String(body, StandardCharsets.UTF_8);

        Map<String, Object> r = steps.parseEvent(payload, MistWebhookSender.signatureV2(Lab.SECRET, body));

        assertThat(r).containsEntry("topic", "device-events");
        assertThat((List<?>) r.get("events")).singleElement().satisfies(e -> assertThat(asMap(e))
                .containsEntry("type", "AP_DISCONNECTED").containsEntry("apMac", ap(3)).containsEntry("apName", "ap-03")
                .containsEntry("siteId", SITE).containsEntry("siteName", "HQ").containsEntry("orgId", Lab.ORG)
                .containsKeys("eventId", "timestamp"));
        assertPlain(r);
        assertThatThrownBy(() -> steps.parseEvent(payload, "00".repeat(32))).isInstanceOf(WebhookRejected.class);
        assertThatThrownBy(() -> steps.parseEvent(payload, null)).isInstanceOf(WebhookRejected.class);
    }

    @Test
    void badOrMissingArgumentsAreTypedErrorsNamingTheArgumentAndChangeNothing() {
        assertThatThrownBy(() -> steps.lookupPort(args("siteId", SITE)))
                .isInstanceOf(StepArgumentException.class).hasMessage("mac is required");
        assertThatThrownBy(() -> steps.lookupPort(args("mac", "not-a-mac")))
                .isInstanceOf(StepArgumentException.class).hasMessageStartingWith("mac must be a MAC address");
        assertThatThrownBy(() -> steps.junosApplyProfile(args("switch", "sw-1", "port", "eth0; rm", "profile", "ap")))
                .isInstanceOf(StepArgumentException.class).hasMessageStartingWith("port must be");
        assertThatThrownBy(() -> steps.junosApplyProfile(args("switch", "sw-1", "port", "ge-0/0/1", "profile", "ap",
                "dryRun", "yes"))).isInstanceOf(StepArgumentException.class).hasMessage("dryRun must be true or false");
        assertThatThrownBy(() -> steps.junosApplyProfile(args("switch", "sw-1", "port", "ge-0/0/1", "profile", "ap",
                "confirmMinutes", 70_000))).isInstanceOf(StepArgumentException.class)
                .hasMessage("confirmMinutes must be 0..65535");
        assertThatThrownBy(() -> steps.checkOutage(args())).isInstanceOf(StepArgumentException.class)
                .hasMessage("siteId is required");
        assertThatThrownBy(() -> steps.csoStartDeploy(args("device", "sw-1", "port", "ge-0/0/1", "profile", "ap")))
                .isInstanceOf(StepArgumentException.class).hasMessageContaining("cso back-end");
        assertThat(lab.sw1.commits()).isEmpty();
    }

    @Test
    void noReturnedValueCarriesASecret() {
        String all = String.valueOf(steps.lookupPort(args("mac", ap(1), "siteId", SITE)))
                + steps.checkOutage(args("siteId", SITE))
                + steps.validateLldp(args("switchMac", SW1_MAC, "port", "ge-0/0/1", "apMac", ap(1)))
                + steps.junosApplyProfile(args("switch", "sw-1", "port", "ge-0/0/1", "profile", "ap"))
                + steps.mistApplyPortProfile(args("switchMac", Lab.SWM_MAC, "port", "ge-0/0/1", "profile", "ap"));

        assertThat(all).doesNotContain(Lab.TOKEN, Lab.SECRET, Lab.SWITCH_PASSWORD);
        assertThat(runtime.toString() + runtime.mist()).doesNotContain(Lab.TOKEN);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** Only String, Boolean, Number, List and Map of those: usable in the Groovy sandbox without approval. */
    private static void assertPlain(Object v) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> {
                assertThat(k).isInstanceOf(String.class);
                assertPlain(x);
            });
        } else if (v instanceof List<?> l) {
            l.forEach(CoreStepsTest::assertPlain);
        } else {
            assertThat(v).isInstanceOfAny(String.class, Boolean.class, Number.class);
        }
    }
}
