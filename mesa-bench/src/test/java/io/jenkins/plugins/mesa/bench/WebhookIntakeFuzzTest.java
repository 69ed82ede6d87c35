package io.jenkins.plugins.mesa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.mist.ApEvent;
import io.jenkins.plugins.mesa.mist.IgnoredEvent;
import io.jenkins.plugins.mesa.mist.WebhookBatch;
import io.jenkins.plugins.mesa.mist.WebhookIntake;
import io.jenkins.plugins.mesa.mist.WebhookRejected;
import io.jenkins.plugins.mesa.mist.WebhookSettings;
import io.jenkins.plugins.mesa.mist.WebhookSignature;
import java.util.Set;
import java.util.function.Function;

/**
 * Any webhook request, whatever its body and signature headers, becomes a {@link WebhookBatch} or
 * a {@link WebhookRejected} with a known 4xx reason — never another exception, never a secret in a
 * message, never a multi-line message, never an accepted event with a non-canonical MAC.
 *
 * <p>In a normal build ({@code ./mvnw verify}) Jazzer replays only the seed corpus under
 * {@code src/test/resources/io/jenkins/plugins/mesa/bench/WebhookIntakeFuzzTestInputs/} (regression
 * mode). To fuzz one target for real, for a bounded time:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -pl mesa-bench -am test -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest='WebhookIntakeFuzzTest#anySignedBodyIsABatchOrARejection' -Djazzer.max_duration=2m \
 *     -Djazzer.hooks=true '-Djazzer.instrumentation_includes=io.jenkins.plugins.mesa.**:com.fasterxml.jackson.core.**'
 * </pre>
 * (or {@code #anyRequestIsABatchOrARejection}). Instrumenting Jackson's parser as well as MESA lets
 * coverage guide the fuzzer through the JSON grammar. A finding is written next to the seeds (a
 * {@code crash-…} file) and then replays in every build; {@code crash-8c103f…} is the infinite
 * timestamp found this way. The seed replay in {@code verify} runs without Jazzer's sanitizer hooks
 * (see the pom).
 */
class WebhookIntakeFuzzTest {
    private static final String SECRET = "fuzz-webhook-SECRET-q8Zr";
    private static final Set<String> REASONS = Set.of("too-large", "no-secret", "missing-signature", "bad-signature",
            "malformed-json", "bad-shape", "bad-topic", "missing-mac", "bad-mac", "bad-timestamp", "bad-id");

    private static final WebhookIntake STRICT = new WebhookIntake(WebhookSettings.of(Secret.of(SECRET)));
    private static final WebhookIntake LEGACY = new WebhookIntake(WebhookSettings.of(Secret.of(SECRET))
            .withLegacySha1(true).withMaxBodyBytes(2048));

    /** The parser behind a valid signature: the fuzzer's bytes are signed, so every one reaches the JSON checks. */
    @FuzzTest(maxDuration = "2m")
    void anySignedBodyIsABatchOrARejection(byte[] body) {
        String signature = WebhookSignature.sign(Secret.of(SECRET), body);
        check(() -> STRICT.accept(body, name -> WebhookSignature.V2_HEADER.equalsIgnoreCase(name) ? signature : null),
                body);
    }

    /** Signature handling: the fuzzer picks the headers (sometimes a real signature, sometimes not) and the body. */
    @FuzzTest(maxDuration = "2m")
    void anyRequestIsABatchOrARejection(FuzzedDataProvider data) {
        WebhookIntake intake = data.consumeBoolean() ? STRICT : LEGACY;
        int mode = data.consumeInt(0, 3);
        String v2 = data.consumeBoolean() ? data.consumeString(140) : null;
        String v1 = data.consumeBoolean() ? data.consumeString(100) : null;
        byte[] body = data.consumeBoolean() ? null : data.consumeRemainingAsBytes();
        if (body != null && mode == 1) {
            v2 = WebhookSignature.sign(Secret.of(SECRET), body);
        } else if (body != null && mode == 2) {
            v2 = WebhookSignature.sign(Secret.of(SECRET), body).toUpperCase(java.util.Locale.ROOT);
        }
        String signatureV2 = v2;
        String legacy = v1;
        Function<String, String> headers = name -> WebhookSignature.V2_HEADER.equalsIgnoreCase(name) ? signatureV2
                : WebhookSignature.LEGACY_HEADER.equalsIgnoreCase(name) ? legacy : null;
        check(() -> intake.accept(body, headers), body);
    }

    private static void check(java.util.function.Supplier<WebhookBatch> accept, byte[] body) {
        WebhookBatch batch;
        try {
            batch = accept.get();
        } catch (WebhookRejected e) {
            assertThat(e.httpStatus()).isBetween(400, 499);
            assertThat(REASONS).contains(e.reason());
            assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("\n").doesNotContain("\r");
            return;
        }
        assertThat(body).isNotNull();
        for (ApEvent e : batch.events()) {
            assertThat(e.ap().value()).matches("[0-9a-f]{12}");
            assertThat(e.eventId()).isNotEmpty();
            assertThat(e.orgId()).matches("[A-Za-z0-9_-]{0,64}");
            assertThat(e.siteId()).matches("[A-Za-z0-9_-]{0,64}");
        }
        for (IgnoredEvent i : batch.ignored()) {
            assertThat(i.why()).doesNotContain("\n").doesNotContain("\r").hasSizeLessThan(300);
        }
    }
}
