package io.jenkins.plugins.mesa.mist;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WebhookIntakeTest {
    static final String SECRET = "intake-secret";
    static final String ORG = "2818e386-8dec-2562-9ede-5b8a0fbbdc71";
    static final String SITE = "978c48e6-6ef6-11e6-8bbf-02e208b2d34f";

    private final WebhookIntake intake = new WebhookIntake(WebhookSettings.of(Secret.of(SECRET)));

    static String event(String type, String macField, String mac, long ts) {
        return "{\"device_name\":\"ap-lobby-1\",\"device_type\":\"ap\",\"ev_type\":\"notice\",\"" + macField + "\":\""
                + mac + "\",\"org_id\":\"" + ORG + "\",\"site_id\":\"" + SITE + "\",\"site_name\":\"HQ\","
                + "\"timestamp\":" + ts + ",\"type\":\"" + type + "\"}";
    }

    static String batch(String topic, String... events) {
        return "{\"topic\":\"" + topic + "\",\"events\":[" + String.join(",", events) + "]}";
    }

    private static Function<String, String> signed(byte[] body) {
        String sig = WebhookSignatureTest.hmac("HmacSHA256", SECRET, body);
        return name -> name.equalsIgnoreCase("X-Mist-Signature-v2") ? sig : null;
    }

    private WebhookBatch accept(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return intake.accept(bytes, signed(bytes));
    }

    private WebhookRejected reject(String body) {
        return reject(body.getBytes(StandardCharsets.UTF_8));
    }

    private WebhookRejected reject(byte[] bytes) {
        try {
            intake.accept(bytes, signed(bytes));
        } catch (WebhookRejected e) {
            return e;
        }
        throw new AssertionError("expected a WebhookRejected for " + new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void parsesActionableEventsAndNamesEveryIgnoredType() {
        WebhookBatch b = accept(batch("device_events",
                event("AP_CONNECTED", "mac", "5c5b350e55c8", 1764411000),
                "{\"type\":\"AP_CONFIGURED\",\"mac\":\"5c5b350e0001\",\"org_id\":\"" + ORG + "\",\"timestamp\":1}",
                event("AP_DISCONNECTED", "mac", "5C:5B:35:0E:55:C9", 1764411001),
                "{\"type\":\"SW_PORT_DOWN\",\"port_id\":\"ge-0/0/2\",\"text\":{\"nested\":true}}",
                event("AP_RESTARTED", "ap", "5c5b350e55ca", 1764411002)));

        assertThat(b.topic()).isEqualTo("device_events");
        assertThat(b.events()).extracting(ApEvent::type)
                .containsExactly("AP_CONNECTED", "AP_DISCONNECTED", "AP_RESTARTED");
        ApEvent first = b.events().get(0);
        assertThat(first.ap()).isEqualTo(new MacAddress("5c5b350e55c8"));
        assertThat(first.apName()).isEqualTo("ap-lobby-1");
        assertThat(first.orgId()).isEqualTo(ORG);
        assertThat(first.siteId()).isEqualTo(SITE);
        assertThat(first.siteName()).isEqualTo("HQ");
        assertThat(first.timestamp()).isEqualTo(Instant.ofEpochSecond(1764411000));
        assertThat(b.events().get(1).ap().value()).as("colon form normalised").isEqualTo("5c5b350e55c9");
        assertThat(b.events().get(2).ap().value()).as("legacy ap field").isEqualTo("5c5b350e55ca");
        assertThat(b.ignored()).extracting(IgnoredEvent::index, IgnoredEvent::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "AP_CONFIGURED"),
                        org.assertj.core.groups.Tuple.tuple(3, "SW_PORT_DOWN"));
        assertThat(b.ignored()).allSatisfy(i -> assertThat(i.why()).contains(i.type()));
    }

    @Test
    void acceptsTheHyphenatedTopicAndRefusesOthers() {
        assertThat(accept(batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1))).events()).hasSize(1);
        WebhookRejected e = reject(batch("alarms", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1)));
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.reason()).isEqualTo("bad-topic");
        assertThat(reject("{\"events\":[" + event("AP_CONNECTED", "mac", "5c5b350e55c8", 1) + "]}").reason())
                .isEqualTo("bad-topic");
    }

    @Test
    void eventIdIsStableForRedeliveryAndDistinctPerApAndAuditAction() {
        String one = batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1764411000));
        String again = accept(one).events().get(0).eventId();
        assertThat(accept(one).events().get(0).eventId()).isEqualTo(again).hasSize(32);
        assertThat(accept(batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c9", 1764411000)))
                .events().get(0).eventId()).isNotEqualTo(again);
        assertThat(accept(batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1764411001)))
                .events().get(0).eventId()).isNotEqualTo(again);

        String audit = "\"audit_id\":\"7ca51f8c-2cd7-4a0b-bc5c-0d3bf0e1a6b4\",";
        WebhookBatch bulk = accept(batch("device-events",
                event("AP_RESTARTED", "mac", "5c5b350e55c8", 5).replace("{", "{" + audit),
                event("AP_RESTARTED", "mac", "5c5b350e55c9", 5).replace("{", "{" + audit)));
        assertThat(bulk.events()).extracting(ApEvent::auditId).containsOnly("7ca51f8c-2cd7-4a0b-bc5c-0d3bf0e1a6b4");
        assertThat(bulk.events().get(0).eventId()).startsWith("7ca51f8c-2cd7-4a0b-bc5c-0d3bf0e1a6b4")
                .isNotEqualTo(bulk.events().get(1).eventId());
    }

    @Test
    void eachBadInputHasItsTypedReason() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("not json", "malformed-json");
        cases.put("", "malformed-json");
        cases.put("{\"topic\":\"device-events\",\"events\":[]} trailing", "malformed-json");
        cases.put("[1,2]", "bad-shape");
        cases.put("{\"topic\":\"device-events\"}", "bad-shape");
        cases.put("{\"topic\":\"device-events\",\"events\":[]}", "bad-shape");
        cases.put("{\"topic\":\"device-events\",\"events\":{}}", "bad-shape");
        cases.put("{\"topic\":\"device-events\",\"events\":[42]}", "bad-shape");
        cases.put("{\"topic\":\"device-events\",\"events\":[{\"mac\":\"5c5b350e55c8\"}]}", "bad-shape");
        cases.put("{\"topic\":\"device-events\",\"events\":[{\"type\":7}]}", "bad-shape");
        cases.put("{\"topic\":42,\"events\":[]}", "bad-topic");
        cases.put(batch("device-events", event("AP_CONNECTED", "serial", "FXLH2015150025", 1)), "missing-mac");
        cases.put(batch("device-events", event("AP_CONNECTED", "mac", "not-a-mac", 1)), "bad-mac");
        cases.put(batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1).replace("1,\"type", "\"x\",\"type")),
                "bad-timestamp");
        cases.put(batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1764411000000L)), "bad-timestamp");
        cases.put(batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", -1)), "bad-timestamp");
        cases.put(batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1).replace("\"timestamp\":1,", "")),
                "bad-timestamp");
        cases.put(batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1).replace(SITE, "../../orgs/x")),
                "bad-id");
        cases.put(batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1)
                .replace("\"site_name\":\"HQ\"", "\"site_name\":{\"a\":1}")), "bad-shape");
        cases.put("{\"topic\":\"device-events\",\"topic\":\"device-events\",\"events\":["
                + event("AP_CONNECTED", "mac", "5c5b350e55c8", 1) + "]}", "malformed-json");
        cases.put(batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1)
                .replace("\"type\":", "\"mac\":\"5c5b350e55c9\",\"type\":")), "malformed-json");

        cases.forEach((body, reason) -> {
            WebhookRejected e = reject(body);
            assertThat(e.reason()).as(body).isEqualTo(reason);
            assertThat(e.httpStatus()).as(body).isEqualTo(400);
            assertThat(e.getMessage()).as(body).isNotBlank().doesNotContain("\n");
        });
    }

    @Test
    void aBodyOverTheCapIsRefusedWith413BeforeTheSignatureIsChecked() {
        WebhookIntake small = new WebhookIntake(WebhookSettings.of(Secret.of(SECRET)).withMaxBodyBytes(100));
        byte[] body = batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1)).getBytes(StandardCharsets.UTF_8);
        try {
            small.accept(body, name -> "00");
            throw new AssertionError("expected a rejection");
        } catch (WebhookRejected e) {
            assertThat(e.httpStatus()).isEqualTo(413);
            assertThat(e.reason()).isEqualTo("too-large");
        }
        assertThat(reject(new byte[WebhookSettings.DEFAULT_MAX_BODY_BYTES + 1]).reason()).isEqualTo("too-large");
    }

    @Test
    void hostileStructuresAreTypedRejections() {
        String deep = "{\"topic\":\"device-events\",\"events\":[" + "[".repeat(5000) + "]".repeat(5000) + "]}";
        assertThat(reject(deep).reason()).isEqualTo("malformed-json");

        String huge = batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1)
                .replace("ap-lobby-1", "x".repeat(200_000)));
        assertThat(reject(huge).reason()).isEqualTo("malformed-json");

        String longNumber = batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1)
                .replace("\"timestamp\":1", "\"timestamp\":1" + "0".repeat(500)));
        assertThat(reject(longNumber).reason()).isEqualTo("malformed-json");

        byte[] badUtf8 = batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1))
                .getBytes(StandardCharsets.UTF_8);
        badUtf8[badUtf8.length / 2] = (byte) 0xC3;
        badUtf8[badUtf8.length / 2 + 1] = (byte) 0x28;
        assertThat(reject(badUtf8).httpStatus()).isEqualTo(400);
    }

    @Test
    void tenThousandEventsInOneBodyAreAllAccountedFor() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(i % 2 == 0
                    ? "{\"type\":\"AP_CONNECTED\",\"mac\":\"" + String.format("5c5b35%06x", i) + "\",\"timestamp\":" + i + "}"
                    : "{\"type\":\"AP_RRM_ACTION\"}");
        }
        WebhookBatch b = accept("{\"topic\":\"device-events\",\"events\":[" + sb + "]}");
        assertThat(b.events()).hasSize(5_000);
        assertThat(b.ignored()).hasSize(5_000);
        assertThat(b.events()).extracting(ApEvent::eventId).doesNotHaveDuplicates();
    }

    @Test
    void unicodeTextSurvivesIntact() {
        String body = batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1)
                .replace("\"HQ\"", "\"Zürich – 東京 🚀\"").replace("ap-lobby-1", "\\u00e9t\\u00e9"));
        ApEvent e = accept(body).events().get(0);
        assertThat(e.siteName()).isEqualTo("Zürich – 東京 🚀");
        assertThat(e.apName()).isEqualTo("été");
    }

    @Test
    void randomlyMutatedBodiesNeverEscapeAsAnotherExceptionType() {
        byte[] seed = batch("device-events", event("AP_CONNECTED", "mac", "5c5b350e55c8", 1764411000),
                "{\"type\":\"AP_CONFIGURED\",\"reason\":\"x\"}").getBytes(StandardCharsets.UTF_8);
        byte[] alphabet = "{}[]\":,0123456789aeflnrstu\\ -.\u0000".getBytes(StandardCharsets.ISO_8859_1);
        Random random = new Random(20261129L);
        int accepted = 0;
        for (int run = 0; run < 2_000; run++) {
            byte[] body = seed.clone();
            int edits = 1 + random.nextInt(4);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(body.length);
                body[at] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            try {
                intake.accept(body, signed(body));
                accepted++;
            } catch (WebhookRejected e) {
                assertThat(e.httpStatus()).isBetween(400, 499);
                assertThat(e.reason()).isNotBlank();
            }
        }
        assertThat(accepted).as("some mutations leave a valid body").isPositive();
    }
}
