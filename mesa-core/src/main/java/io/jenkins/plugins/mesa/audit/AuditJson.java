package io.jenkins.plugins.mesa.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of {@link AuditRecord}: ISO-8601 instants and durations, enum names, unknown
 * fields ignored on reading so that records written by a newer MESA still load.
 */
public final class AuditJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private AuditJson() {
    }

    public static String write(AuditRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit record not serialisable: " + e.getOriginalMessage(), e);
        }
    }

    /** @throws AuditFormatException when the text is not an audit record */
    public static AuditRecord read(String json) {
        try {
            return MAPPER.readValue(json, AuditRecord.class);
        } catch (JsonProcessingException e) {
            throw new AuditFormatException("not an audit record: " + e.getOriginalMessage(), e);
        }
    }
}
