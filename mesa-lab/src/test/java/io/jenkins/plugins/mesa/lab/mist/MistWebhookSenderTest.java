package io.jenkins.plugins.mesa.lab.mist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed device-events deliveries, checked by an independent receiver on 127.0.0.1. */
class MistWebhookSenderTest {
    private static final String SECRET = "webhook-secret-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Received(byte[] body, String signatureV2, String signatureV1, String contentType,
                            String userAgent) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private Javalin receiver;
    private URI url;

    @BeforeEach
    void startReceiver() {
        receiver = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/mist", ctx -> {
                received.add(new Received(ctx.bodyAsBytes(), ctx.header("X-Mist-Signature-v2"),
                        ctx.header("X-Mist-Signature"), ctx.header("Content-Type"), ctx.header("User-Agent")));
                ctx.status(202).result("queued");
            });
        }).start("127.0.0.1", 0);
        url = URI.create("http://127.0.0.1:" + receiver.port() + "/mist");
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void signatureV2IsHexHmacSha256OfTheRawBody() {
        // RFC 4231, test case 2
        String sig = MistWebhookSender.signatureV2("Jefe",
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));

        assertThat(sig).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void aDeliveryCarriesMistsEnvelopeFieldsAndHeadersAndVerifies() throws Exception {
        MistWebhookSender sender = new MistWebhookSender(SECRET, Duration.ofSeconds(10));
        DeviceEvent event = DeviceEvent.ap("AP_CONNECTED", "5C:5B:35:0E:00:01", "ap-lobby",
                LabFixture.ORG, LabFixture.SITE_A, "HQ", Instant.parse("2026-11-29T01:02:03Z"));

        WebhookDelivery delivery = sender.send(url, event);

        assertThat(delivery.status()).isEqualTo(202);
        assertThat(delivery.accepted()).isTrue();
        assertThat(delivery.body()).isEqualTo("queued");
        Received r = received.get(0);
        assertThat(r.signatureV2()).isEqualTo(hmac("HmacSHA256", r.body()));
        assertThat(r.signatureV1()).isEqualTo(hmac("HmacSHA1", r.body()));
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.userAgent()).isEqualTo("Mist-webhook");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("topic").asText()).isEqualTo("device-events");
        JsonNode ev = body.path("events").get(0);
        assertThat(ev.path("type").asText()).isEqualTo("AP_CONNECTED");
        assertThat(ev.path("mac").asText()).isEqualTo("5c5b350e0001");
        assertThat(ev.path("device_name").asText()).isEqualTo("ap-lobby");
        assertThat(ev.path("device_type").asText()).isEqualTo("ap");
        assertThat(ev.path("org_id").asText()).isEqualTo(LabFixture.ORG);
        assertThat(ev.path("site_id").asText()).isEqualTo(LabFixture.SITE_A);
        assertThat(ev.path("site_name").asText()).isEqualTo("HQ");
        assertThat(ev.path("timestamp").isIntegralNumber()).isTrue();
        assertThat(ev.path("timestamp").asLong()).isEqualTo(Instant.parse("2026-11-29T01:02:03Z").getEpochSecond());
        assertThat(ev.path("ev_type").asText()).isEqualTo("notice");
    }

    @Test
    void severalEventsTravelInOneBatchAndExtraFieldsAreKept() throws Exception {
        MistWebhookSender sender = new MistWebhookSender(SECRET, Duration.ofSeconds(10));
        Instant t = Instant.parse("2026-11-29T01:00:00Z");
        DeviceEvent down = DeviceEvent.ap("AP_DISCONNECTED", "5c5b350e0001", "a1", LabFixture.ORG,
                LabFixture.SITE_A, "HQ", t);
        DeviceEvent restart = DeviceEvent.ap("AP_RESTARTED", "5c5b350e0002", "a2", LabFixture.ORG,
                LabFixture.SITE_A, "HQ", t).with("reason", "upgrade");

        sender.send(url, List.of(down, restart));

        JsonNode events = JSON.readTree(received.get(0).body()).path("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("ev_type").asText()).isEqualTo("warn");
        assertThat(events.get(1).path("reason").asText()).isEqualTo("upgrade");
    }

    @Test
    void theSameBodyCanBeDeliveredTwiceByteForByte() {
        MistWebhookSender sender = new MistWebhookSender(SECRET, Duration.ofSeconds(10));
        byte[] body = sender.body(List.of(DeviceEvent.ap("AP_CONNECTED", "5c5b350e0001", "a1", LabFixture.ORG,
                LabFixture.SITE_A, "HQ", Instant.parse("2026-11-29T01:00:00Z"))));

        sender.sendBody(url, body);
        sender.sendBody(url, body);

        assertThat(received).hasSize(2);
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body()).isEqualTo(body);
        assertThat(received.get(1).signatureV2()).isEqualTo(received.get(0).signatureV2());
    }

    @Test
    void forgedAndUnsignedDeliveriesCanBeSentOnPurpose() {
        MistWebhookSender sender = new MistWebhookSender(SECRET, Duration.ofSeconds(10));
        byte[] body = "{\"topic\":\"device-events\",\"events\":[]}".getBytes(StandardCharsets.UTF_8);

        sender.sendWithSignature(url, body, "00ff");
        sender.sendWithSignature(url, body, null);

        assertThat(received.get(0).signatureV2()).isEqualTo("00ff");
        assertThat(received.get(1).signatureV2()).isNull();
        assertThat(received.get(1).signatureV1()).isNull();
    }

    @Test
    void anUnreachableReceiverIsAnErrorNamingTheUrlNotTheSecret() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        MistWebhookSender sender = new MistWebhookSender(SECRET, Duration.ofSeconds(5));
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/mist");

        assertThatThrownBy(() -> sender.send(nowhere, DeviceEvent.ap("AP_CONNECTED", "5c5b350e0001", "a1",
                LabFixture.ORG, LabFixture.SITE_A, "HQ", Instant.EPOCH)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(nowhere.toString())
                .hasMessageNotContaining(SECRET);
        assertThat(sender.toString()).doesNotContain(SECRET);
    }

    @Test
    void theTopicCanBeSpelledAsInMistsOwnSamples() throws Exception {
        MistWebhookSender sender = new MistWebhookSender(SECRET, Duration.ofSeconds(5), "device_events");

        byte[] body = sender.body(List.of(DeviceEvent.ap("AP_CONNECTED", "5c5b350e0001", "a1", LabFixture.ORG,
                LabFixture.SITE_A, "HQ", Instant.EPOCH)));

        assertThat(JSON.readTree(body).path("topic").asText()).isEqualTo("device_events");
    }

    @Test
    void anEmptySecretIsRefused() {
        assertThatThrownBy(() -> new MistWebhookSender("", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyBatchIsRefused() {
        MistWebhookSender sender = new MistWebhookSender(SECRET, Duration.ofSeconds(5));

        assertThatThrownBy(() -> sender.send(url, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(received).isEmpty();
    }

    private static String hmac(String algorithm, byte[] body) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), algorithm));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
