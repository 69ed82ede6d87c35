package io.jenkins.plugins.mesa.cli.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Instant;

/**
 * An {@link ApEvent} as stored in the pending and held tables: a flat JSON object with the record's field names,
 * written field by field so that the stored form does not change when the record gains a method.
 */
final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    static String write(ApEvent e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("eventId", e.eventId());
        n.put("type", e.type());
        n.put("ap", e.ap().value());
        n.put("apName", e.apName());
        n.put("orgId", e.orgId());
        n.put("siteId", e.siteId());
        n.put("siteName", e.siteName());
        n.put("timestamp", e.timestamp().toString());
        n.put("auditId", e.auditId());
        n.put("reason", e.reason());
        n.put("text", e.text());
        return n.toString();
    }

    /** @throws StoreCorruptException when the text is not a stored event; {@code where} names the row */
    static ApEvent read(String json, String where) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return new ApEvent(required(n, "eventId"), required(n, "type"), new MacAddress(required(n, "ap")),
                    n.path("apName").asText(""), n.path("orgId").asText(""), n.path("siteId").asText(""),
                    n.path("siteName").asText(""), Instant.parse(required(n, "timestamp")),
                    n.path("auditId").asText(""), n.path("reason").asText(""), n.path("text").asText(""));
        } catch (JsonProcessingException e) {
            throw new StoreCorruptException(where + ": malformed event JSON: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            throw new StoreCorruptException(where + ": not a stored event: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field " + field + " missing");
        }
        return v.asText();
    }
}
