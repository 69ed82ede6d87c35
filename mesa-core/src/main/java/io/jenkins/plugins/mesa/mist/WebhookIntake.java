package io.jenkins.plugins.mesa.mist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.jenkins.plugins.mesa.MacAddress;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns the raw body of a Mist {@code device-events} webhook into a {@link WebhookBatch}: size cap
 * first, then the signature over the raw bytes (see {@link WebhookSignature}), then a bounded,
 * strict parse (nesting depth, string and number lengths, duplicate keys) and a shape check. Every
 * refusal is a {@link WebhookRejected} carrying the HTTP status and reason code; no other exception
 * escapes for any body, and a rejected body yields nothing.
 *
 * <p>{@code AP_CONNECTED}, {@code AP_DISCONNECTED} and {@code AP_RESTARTED} become {@link ApEvent}s;
 * every other type is reported in {@link WebhookBatch#ignored()} with its type named. A body is
 * refused as a whole when any actionable event in it is invalid, so a caller never acts on half a
 * batch it cannot account for.
 */
public final class WebhookIntake {
    private static final int MAX_DEPTH = 16;
    private static final int MAX_STRING = 64 * 1024;
    private static final long MAX_EPOCH_SECONDS = 32503680000L; // year 3000: anything later is not epoch seconds

    private final WebhookSettings settings;
    private final ObjectReader reader;

    public WebhookIntake(WebhookSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_STRING)
                        .maxNameLength(1024)
                        .maxNumberLength(32)
                        .maxDocumentLength(settings.maxBodyBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.reader = new ObjectMapper(factory).readerFor(JsonNode.class)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Checks and parses one webhook body.
     *
     * @param rawBody the request body exactly as received
     * @param header  case-insensitive lookup of a request header by name; {@code null} when absent
     * @throws WebhookRejected for every body MESA refuses (see its reason codes)
     */
    public WebhookBatch accept(byte[] rawBody, Function<String, String> header) {
        if (rawBody == null) {
            throw WebhookRejected.badRequest("malformed-json", "empty body");
        }
        if (rawBody.length > settings.maxBodyBytes()) {
            throw new WebhookRejected(413, "too-large",
                    "body of " + rawBody.length + " bytes exceeds the limit of " + settings.maxBodyBytes() + " bytes");
        }
        WebhookSignature.verify(rawBody, header, settings);
        return parse(rawBody);
    }

    private WebhookBatch parse(byte[] rawBody) {
        JsonNode root;
        try {
            root = reader.readValue(rawBody);
        } catch (JsonProcessingException e) {
            throw WebhookRejected.badRequest("malformed-json", "body is not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            // Jackson reports some malformed input (bad UTF-8, constraint violations) outside JsonProcessingException.
            throw WebhookRejected.badRequest("malformed-json", "body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw WebhookRejected.badRequest("bad-shape", "body must be a JSON object with topic and events");
        }
        JsonNode topicNode = root.get("topic");
        if (topicNode == null || !topicNode.isTextual()) {
            throw WebhookRejected.badRequest("bad-topic", "topic is missing or not a string");
        }
        String topic = topicNode.textValue();
        if (!topic.equals("device-events") && !topic.equals("device_events")) {
            throw WebhookRejected.badRequest("bad-topic",
                    "topic " + MistId.printable(topic) + " is not device-events; subscribe this endpoint to device-events only");
        }
        JsonNode events = root.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw WebhookRejected.badRequest("bad-shape", "events must be a non-empty array");
        }
        List<ApEvent> actionable = new ArrayList<>();
        List<IgnoredEvent> ignored = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            if (!e.isObject()) {
                throw WebhookRejected.badRequest("bad-shape", "events[" + i + "] is not an object");
            }
            JsonNode typeNode = e.get("type");
            if (typeNode == null || !typeNode.isTextual() || typeNode.textValue().isBlank()) {
                throw WebhookRejected.badRequest("bad-shape", "events[" + i + "].type is missing or not a string");
            }
            String type = typeNode.textValue();
            if (!ApEvent.isActionable(type)) {
                // printable: the type is untrusted text and why is meant for logs and audit lines
                ignored.add(new IgnoredEvent(i, type, "type " + MistId.printable(type) + " is not one MESA acts on"));
                continue;
            }
            String deviceType = text(e, i, "device_type");
            if (!deviceType.isEmpty() && !deviceType.equals("ap")) {
                ignored.add(new IgnoredEvent(i, type, "device_type is " + MistId.printable(deviceType) + ", not ap"));
                continue;
            }
            actionable.add(apEvent(e, i, type));
        }
        return new WebhookBatch(topic, actionable, ignored);
    }

    private static ApEvent apEvent(JsonNode e, int i, String type) {
        String macText = text(e, i, "mac");
        if (macText.isEmpty()) {
            macText = text(e, i, "ap"); // deprecated name, still sent by older webhook configurations
        }
        if (macText.isEmpty()) {
            throw WebhookRejected.badRequest("missing-mac", "events[" + i + "] (" + type + ") has no mac");
        }
        MacAddress mac;
        try {
            mac = MacAddress.parse(macText);
        } catch (IllegalArgumentException ex) {
            throw WebhookRejected.badRequest("bad-mac", "events[" + i + "].mac " + MistId.printable(macText)
                    + " is not a MAC address");
        }
        String orgId = id(e, i, "org_id");
        String siteId = id(e, i, "site_id");
        Instant timestamp = timestamp(e, i);
        String apName = text(e, i, "device_name");
        if (apName.isEmpty()) {
            apName = text(e, i, "ap_name");
        }
        String auditId = text(e, i, "audit_id");
        String eventId = eventId(type, mac, timestamp, siteId, auditId);
        return new ApEvent(eventId, type, mac, apName, orgId, siteId, text(e, i, "site_name"), timestamp, auditId,
                text(e, i, "reason"), text(e, i, "text"));
    }

    /**
     * The dedup key. One admin action (one {@code audit_id}) can touch many APs, so the audit id is
     * combined with the type and the AP rather than used alone; without an audit id, a hash of
     * type|mac|timestamp|site identifies a redelivery of the same event.
     */
    static String eventId(String type, MacAddress mac, Instant timestamp, String siteId, String auditId) {
        if (!auditId.isEmpty()) {
            return auditId + ":" + type + ":" + mac.value();
        }
        String key = type + "|" + mac.value() + "|" + timestamp.toEpochMilli() + "|" + siteId;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
        }
    }

    private static Instant timestamp(JsonNode e, int i) {
        JsonNode t = e.get("timestamp");
        if (t == null || t.isNull()) {
            throw WebhookRejected.badRequest("bad-timestamp", "events[" + i + "].timestamp is missing");
        }
        // a short exponent such as 1e999 parses as an infinite double, which has no decimal value
        if (!t.isNumber() || !Double.isFinite(t.doubleValue())) {
            throw WebhookRejected.badRequest("bad-timestamp", "events[" + i + "].timestamp is not a finite number");
        }
        BigDecimal seconds = t.decimalValue();
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_EPOCH_SECONDS)) > 0) {
            throw WebhookRejected.badRequest("bad-timestamp",
                    "events[" + i + "].timestamp " + MistId.printable(seconds.toPlainString())
                            + " is not epoch seconds");
        }
        long millis = seconds.movePointRight(3).longValue();
        return Instant.ofEpochMilli(millis);
    }

    private static String id(JsonNode e, int i, String field) {
        String v = text(e, i, field);
        if (!v.isEmpty() && !MistId.valid(v)) {
            throw WebhookRejected.badRequest("bad-id", "events[" + i + "]." + field + " " + MistId.printable(v)
                    + " is not a Mist id");
        }
        return v;
    }

    /** A string field, or "" when absent or null; any other JSON type is a shape error. */
    private static String text(JsonNode e, int i, String field) {
        JsonNode v = e.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw WebhookRejected.badRequest("bad-shape", "events[" + i + "]." + field + " is not a string");
        }
        return v.textValue();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("");
        line = line.length() > 200 ? line.substring(0, 200) + "…" : line;
        return line.replaceAll("\\p{Cntrl}", "?");
    }
}
