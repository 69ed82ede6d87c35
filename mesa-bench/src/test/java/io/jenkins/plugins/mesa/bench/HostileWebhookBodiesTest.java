package io.jenkins.plugins.mesa.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.change.InterfaceName;
import io.jenkins.plugins.mesa.mist.ApEvent;
import io.jenkins.plugins.mesa.mist.IgnoredEvent;
import io.jenkins.plugins.mesa.mist.WebhookBatch;
import io.jenkins.plugins.mesa.mist.WebhookIntake;
import io.jenkins.plugins.mesa.mist.WebhookRejected;
import io.jenkins.plugins.mesa.mist.WebhookSettings;
import io.jenkins.plugins.mesa.mist.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every body of the hostile catalogue ({@code src/test/resources/hostile/index.tsv}) gets exactly
 * the status and reason the index names, or, where the body is valid and only its content is odd,
 * is accepted with that content kept exactly and none of it usable as a switch interface. No body
 * makes the intake throw anything but a {@link WebhookRejected}.
 */
class HostileWebhookBodiesTest {
    static final String SECRET = "hostile-test-secret-3b9e";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookIntake intake = new WebhookIntake(WebhookSettings.of(Secret.of(SECRET)));

    /**
     * One line of the index.
     *
     * @param file      data file under {@code hostile/}
     * @param signature how to sign it
     * @param status    expected HTTP status (202 for accepted)
     * @param reason    expected reason code, or {@code accepted}
     * @param expect    {@code events=N ignored=M} for accepted bodies
     * @param why       the case in words
     */
    record HostileCase(String file, String signature, int status, String reason, String expect, String why) {
        @Override
        public String toString() {
            return file + " (" + why + ")";
        }

        byte[] body() {
            return read("hostile/" + file, file.endsWith(".gz"));
        }
    }

    static List<HostileCase> catalogue() {
        String index = new String(read("hostile/index.tsv", false), StandardCharsets.UTF_8);
        return index.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> {
            String[] f = l.split("\t", -1);
            return new HostileCase(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4], f[5]);
        }).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eachHostileBodyGetsItsStatusAndReasonOrIsAcceptedAsPlainText(HostileCase c) throws IOException {
        byte[] body = c.body();
        WebhookBatch batch;
        try {
            batch = intake.accept(body, headers(c.signature(), body));
        } catch (WebhookRejected e) {
            assertThat(e.httpStatus()).as("status, rejected with %s: %s", e.reason(), e.getMessage()).isEqualTo(c.status());
            assertThat(e.reason()).as("reason: %s", e.getMessage()).isEqualTo(c.reason());
            assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("\n").hasSizeLessThan(400);
            return;
        }
        // any exception other than WebhookRejected fails the test by propagating
        assertThat(c.status()).as("accepted, but the catalogue expects %s %s", c.status(), c.reason()).isEqualTo(202);
        assertThat("events=" + batch.events().size() + " ignored=" + batch.ignored().size()).isEqualTo(c.expect());
        assertContentKeptExactlyAndInert(batch, body);
    }

    /** Each accepted event's text is what the body said, byte for byte, and none of it names an interface. */
    private static void assertContentKeptExactlyAndInert(WebhookBatch batch, byte[] body) throws IOException {
        JsonNode events = JSON.readTree(body).get("events");
        Set<Integer> ignoredAt = batch.ignored().stream().map(IgnoredEvent::index).collect(Collectors.toSet());
        int n = 0;
        for (int i = 0; i < events.size(); i++) {
            if (ignoredAt.contains(i)) {
                continue;
            }
            JsonNode raw = events.get(i);
            ApEvent e = batch.events().get(n++);
            assertThat(e.type()).isEqualTo(raw.get("type").textValue());
            assertThat(e.apName()).isEqualTo(raw.hasNonNull("device_name")
                    ? raw.get("device_name").textValue() : raw.path("ap_name").asText(""));
            assertThat(e.siteName()).isEqualTo(raw.path("site_name").asText(""));
            assertThat(e.auditId()).isEqualTo(raw.path("audit_id").asText(""));
            assertThat(e.reason()).isEqualTo(raw.path("reason").asText(""));
            assertThat(e.text()).isEqualTo(raw.path("text").asText(""));
            assertThat(e.ap().value()).matches("[0-9a-f]{12}");
            for (String text : List.of(e.apName(), e.siteName(), e.auditId(), e.reason(), e.text(), e.orgId(), e.siteId())) {
                if (hasJunosMetacharacter(text)) {
                    assertThat(InterfaceName.looksLikeInterface(text)).as(text).isFalse();
                    assertThatThrownBy(() -> InterfaceName.parse(text)).isInstanceOf(IllegalArgumentException.class);
                }
            }
        }
        assertThat(n).as("every accepted event matched to its body entry").isEqualTo(batch.events().size());
        for (IgnoredEvent ignored : batch.ignored()) {
            assertThat(ignored.why()).doesNotContain("\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ge-0/0/1; delete", "ge-0/0/1;", "ge-0/0/1\nset interfaces ge-0/0/2 disable", "ge-0/0/1\"",
        "\"ge-0/0/1\"", "ge-0/0/1 }", "{ge-0/0/1}", "ge-0/0/1 | commit", "ge-0/0/1'", "ge-0/0/1`", "ge-0/0/1$(reboot)",
        "ge-0/0/1 ge-0/0/2", "ge-0/0/1\u0000x", "ge-0/0/1\r\nx", "ge-0/0/1/../2", "ge-0/0/1.0; x", "ge-0/0/*",
        "ge-0/0/[1-4]", "interfaces ge-0/0/1", "ge-0/0/1\tunit 0", "ge\u2010" + "0/0/1", "ge-\uff10/0/1", ""})
    void anInterfaceNameWithJunosMetacharactersIsNeverAnInterfaceName(String hostile) {
        assertThat(InterfaceName.looksLikeInterface(hostile)).isFalse();
        assertThatThrownBy(() -> InterfaceName.parse(hostile)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r"));
        assertThatThrownBy(() -> new InterfaceName(hostile)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * {@link InterfaceName#parse} trims surrounding whitespace and control characters (LLDP and RPC
     * replies pad names): the result is the clean name, never one carrying the padding.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ge-0/0/1\n", "ge-0/0/1\r", "\tge-0/0/1 ", "ge-0/0/1\u0000", "ge-0/0/1.0\n"})
    void surroundingWhitespaceIsDroppedNeverKept(String padded) {
        assertThatThrownBy(() -> new InterfaceName(padded)).isInstanceOf(IllegalArgumentException.class);
        assertThat(InterfaceName.parse(padded).value()).isEqualTo("ge-0/0/1");
    }

    @Test
    void theCatalogueCoversEveryCaseTheIssueNames() {
        List<String> files = catalogue().stream().map(HostileCase::file).toList();
        assertThat(files).contains("deep-nesting-arrays.json", "huge-string.json.gz", "mac-is-number.json",
                "unicode-names.json", "duplicate-mac.json", "events-10000.json.gz", "mac-command.json",
                "invalid-utf8-in-string.bin", "empty-body.json", "top-level-array.json", "timestamp-as-string.json",
                "mac-null.json", "topic-missing.json", "topic-wrong.json", "events-empty.json");
        for (String field : List.of("topic", "type", "device-type", "mac", "org-id", "site-id", "device-name",
                "site-name", "audit-id", "reason", "text", "ap-name")) {
            assertThat(files).as("metacharacters in " + field).contains("meta-in-" + field + ".json");
        }
        assertThat(catalogue()).extracting(HostileCase::status).contains(400, 401, 413, 202);
    }

    private static boolean hasJunosMetacharacter(String s) {
        return s.chars().anyMatch(ch -> ";\n\r\"'{}|`$ \t".indexOf(ch) >= 0);
    }

    static Function<String, String> headers(String signature, byte[] body) {
        Map<String, String> h = new HashMap<>();
        switch (signature) {
            case "valid" -> h.put(WebhookSignature.V2_HEADER, WebhookSignature.sign(Secret.of(SECRET), body));
            case "uppercase" -> h.put(WebhookSignature.V2_HEADER,
                    WebhookSignature.sign(Secret.of(SECRET), body).toUpperCase(Locale.ROOT));
            case "wrong-secret" -> h.put(WebhookSignature.V2_HEADER, WebhookSignature.sign(Secret.of("not-the-secret"), body));
            case "garbage" -> h.put(WebhookSignature.V2_HEADER, "sha256=" + SECRET + "; zz");
            case "other-body" -> h.put(WebhookSignature.V2_HEADER,
                    WebhookSignature.sign(Secret.of(SECRET), "{\"topic\":\"device-events\"}".getBytes(StandardCharsets.UTF_8)));
            case "legacy-sha1" -> h.put(WebhookSignature.LEGACY_HEADER, hmacSha1(body));
            case "none" -> { }
            default -> fail("unknown signature mode " + signature);
        }
        return name -> h.entrySet().stream().filter(en -> en.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String hmacSha1(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] read(String resource, boolean gzipped) {
        try (InputStream in = HostileWebhookBodiesTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return (gzipped ? new GZIPInputStream(in) : in).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
