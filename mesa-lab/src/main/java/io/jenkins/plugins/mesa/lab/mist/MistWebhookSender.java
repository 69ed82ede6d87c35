package io.jenkins.plugins.mesa.lab.mist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends Mist {@code device-events} webhooks the way Mist does: a JSON body
 * {@code {"topic":"device-events","events":[…]}} POSTed with {@code Content-Type: application/json},
 * {@code User-Agent: Mist-webhook}, {@code X-Mist-Signature-v2} = hex HMAC-SHA256(secret, raw body) and the legacy
 * {@code X-Mist-Signature} = hex HMAC-SHA1. Every POST has a connect and a request timeout; there are no retries
 * (a lab scenario decides itself whether to deliver twice). The secret never appears in {@link #toString()}.
 */
public final class MistWebhookSender {
    /** The subscription's spelling; Mist's own samples send {@code device_events}. Receivers accept both. */
    public static final String TOPIC = "device-events";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] secret;
    private final Duration timeout;
    private final String topic;
    private final HttpClient http;

    /**
     * @param secret  the webhook secret configured in Mist (and in MESA)
     * @param timeout connect timeout and whole-request timeout of each POST
     */
    public MistWebhookSender(String secret, Duration timeout) {
        this(secret, timeout, TOPIC);
    }

    public MistWebhookSender(String secret, Duration timeout, String topic) {
        if (Objects.requireNonNull(secret, "secret").isEmpty()) {
            throw new IllegalArgumentException("webhook secret must not be empty");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** The exact bytes Mist would POST for these events (one batch). */
    public byte[] body(List<DeviceEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a device-events webhook carries at least one event");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("topic", topic);
        ArrayNode array = root.putArray("events");
        for (DeviceEvent e : events) {
            ObjectNode ev = array.addObject();
            ev.put("type", e.type());
            ev.put("mac", e.mac());
            putIfPresent(ev, "device_name", e.deviceName());
            ev.put("device_type", e.deviceType());
            ev.put("org_id", e.orgId());
            putIfPresent(ev, "site_id", e.siteId());
            putIfPresent(ev, "site_name", e.siteName());
            ev.put("timestamp", e.timestamp().getEpochSecond());
            ev.put("ev_type", e.evType());
            for (Map.Entry<String, Object> extra : e.extra().entrySet()) {
                ev.set(extra.getKey(), JSON.valueToTree(extra.getValue()));
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event not serialisable: " + e.getOriginalMessage(), e);
        }
    }

    /** Signs and POSTs one batch of events. */
    public WebhookDelivery send(URI url, List<DeviceEvent> events) {
        return sendBody(url, body(events));
    }

    public WebhookDelivery send(URI url, DeviceEvent... events) {
        return send(url, List.of(events));
    }

    /** Signs and POSTs these exact bytes (e.g. to deliver the same body twice, as Mist may). */
    public WebhookDelivery sendBody(URI url, byte[] body) {
        return post(url, body, hmacHex("HmacSHA256", secret, body), hmacHex("HmacSHA1", secret, body));
    }

    /**
     * POSTs the bytes with the given {@code X-Mist-Signature-v2} value and no legacy header; null sends no
     * signature at all. For tests of a receiver's rejection of forged or unsigned deliveries.
     */
    public WebhookDelivery sendWithSignature(URI url, byte[] body, String signatureV2) {
        return post(url, body, signatureV2, null);
    }

    /** Hex HMAC-SHA256 of the body under the secret: the {@code X-Mist-Signature-v2} value. */
    public static String signatureV2(String secret, byte[] body) {
        return hmacHex("HmacSHA256", secret.getBytes(StandardCharsets.UTF_8), body);
    }

    private WebhookDelivery post(URI url, byte[] body, String signatureV2, String signatureV1) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Mist-webhook")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signatureV2 != null) {
            request.header("X-Mist-Signature-v2", signatureV2);
        }
        if (signatureV1 != null) {
            request.header("X-Mist-Signature", signatureV1);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new WebhookDelivery(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("webhook POST to " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("webhook POST to " + url + " interrupted"));
        }
    }

    private static String hmacHex(String algorithm, byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable in this JDK", e);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    @Override
    public String toString() {
        return "MistWebhookSender[topic=" + topic + ", timeout=" + timeout + ", secret=****]";
    }
}
