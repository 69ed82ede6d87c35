package io.jenkins.plugins.mesa.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link MesaConfig#describe()}: the configuration as YAML in the file's own schema, with secrets
 * written as {@code ****}. Serialising the records themselves (not a hand-kept list) means a new
 * setting can never be left out of {@code mesa check}'s dump.
 */
final class ConfigDump {
    static final String REDACTED = "****";
    private static final YAMLMapper MAPPER = mapper();

    private ConfigDump() {
    }

    static String yaml(MesaConfig config) {
        StringBuilder sb = new StringBuilder();
        for (String w : config.warnings()) {
            sb.append("# warning: ").append(w.replaceAll("\\p{Cntrl}", " ")).append('\n');
        }
        try {
            return sb.append(MAPPER.writeValueAsString(config)).toString();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static YAMLMapper mapper() {
        SimpleModule m = new SimpleModule("mesa-config-dump");
        m.addSerializer(Secret.class, new JsonSerializer<>() {
            @Override
            public void serialize(Secret value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(REDACTED);
            }
        });
        m.addSerializer(Duration.class, new JsonSerializer<>() {
            @Override
            public void serialize(Duration value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(DurationText.format(value));
            }
        });
        m.addSerializer(Path.class, new JsonSerializer<>() {
            @Override
            public void serialize(Path value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(value.toString());
            }
        });
        m.addSerializer(MacAddress.class, new JsonSerializer<>() {
            @Override
            public void serialize(MacAddress value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(value.colonForm());
            }
        });
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Optional<?>> optional = (Class) Optional.class;
        m.addSerializer(optional, new JsonSerializer<Optional<?>>() {
            @Override
            public void serialize(Optional<?> value, JsonGenerator gen, SerializerProvider p) throws IOException {
                if (value.isPresent()) {
                    p.defaultSerializeValue(value.get(), gen);
                } else {
                    gen.writeNull();
                }
            }
        });
        YAMLMapper mapper = YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
        mapper.registerModule(m);
        return mapper;
    }
}
