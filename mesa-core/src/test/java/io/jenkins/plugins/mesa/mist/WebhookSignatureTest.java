package io.jenkins.plugins.mesa.mist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jenkins.plugins.mesa.Secret;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class WebhookSignatureTest {
    static final String SECRET = "mist-webhook-secret-for-tests";
    static final byte[] BODY = ("{\"topic\":\"device-events\",\"events\":[{\"type\":\"AP_CONNECTED\","
            + "\"mac\":\"5c5b350e55c8\",\"org_id\":\"2818e386-8dec-2562-9ede-5b8a0fbbdc71\","
            + "\"timestamp\":1764411000}]}").getBytes(StandardCharsets.UTF_8);

    private final WebhookSettings settings = WebhookSettings.of(Secret.of(SECRET));

    /** Independent of the product code: the JDK's Mac over the raw bytes, lowercase hex. */
    static String hmac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Function<String, String> headers(Map<String, String> values) {
        return name -> values.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static WebhookRejected rejection(Runnable r) {
        try {
            r.run();
        } catch (WebhookRejected e) {
            return e;
        }
        throw new AssertionError("expected a WebhookRejected");
    }

    @Test
    void knownVectorMatchesTheProductSigner() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        String rfc = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        assertThat(hmac("HmacSHA256", "Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(rfc);
        assertThat(WebhookSignature.sign(Secret.of("Jefe"), "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(rfc);
    }

    @Test
    void acceptsTheCorrectV2SignatureInLowerAndUpperCaseHex() {
        String sig = hmac("HmacSHA256", SECRET, BODY);
        assertThatCode(() -> WebhookSignature.verify(BODY, headers(Map.of("X-Mist-Signature-v2", sig)), settings))
                .doesNotThrowAnyException();
        assertThatCode(() -> WebhookSignature.verify(BODY,
                headers(Map.of("x-mist-signature-v2", sig.toUpperCase(Locale.ROOT))), settings))
                .doesNotThrowAnyException();
    }

    @Test
    void aOneByteChangedBodyIsRejected() {
        String sig = hmac("HmacSHA256", SECRET, BODY);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 5] ^= 1;

        WebhookRejected e = rejection(() -> WebhookSignature.verify(tampered, sig, null, settings));
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.reason()).isEqualTo("bad-signature");
    }

    @Test
    void aTruncatedOrNonHexHeaderIsRejected() {
        String sig = hmac("HmacSHA256", SECRET, BODY);
        for (String bad : new String[] {sig.substring(0, 63), sig.substring(0, 62), sig + "00", "zz" + sig.substring(2),
                "sha256=" + sig}) {
            WebhookRejected e = rejection(() -> WebhookSignature.verify(BODY, bad, null, settings));
            assertThat(e.reason()).as(bad).isEqualTo("bad-signature");
            assertThat(e.httpStatus()).isEqualTo(401);
        }
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRejected() {
        String sig = hmac("HmacSHA256", SECRET + "x", BODY);
        assertThat(rejection(() -> WebhookSignature.verify(BODY, sig, null, settings)).reason())
                .isEqualTo("bad-signature");
    }

    @Test
    void aMissingOrBlankHeaderIsRejectedAsMissing() {
        assertThat(rejection(() -> WebhookSignature.verify(BODY, headers(Map.of()), settings)).reason())
                .isEqualTo("missing-signature");
        WebhookRejected blank = rejection(() -> WebhookSignature.verify(BODY, "  ", null, settings));
        assertThat(blank.reason()).isEqualTo("missing-signature");
        assertThat(blank.httpStatus()).isEqualTo(401);
    }

    @Test
    void legacySha1IsRefusedUnlessEnabled() {
        String sha1 = hmac("HmacSHA1", SECRET, BODY);
        WebhookRejected e = rejection(() -> WebhookSignature.verify(BODY,
                headers(Map.of("X-Mist-Signature", sha1)), settings));
        assertThat(e.reason()).isEqualTo("missing-signature");
        assertThat(e.getMessage()).contains("legacy");

        WebhookSettings legacy = settings.withLegacySha1(true);
        assertThatCode(() -> WebhookSignature.verify(BODY, headers(Map.of("X-Mist-Signature", sha1)), legacy))
                .doesNotThrowAnyException();
        assertThat(rejection(() -> WebhookSignature.verify(BODY,
                headers(Map.of("X-Mist-Signature", hmac("HmacSHA1", "other", BODY))), legacy)).reason())
                .isEqualTo("bad-signature");
    }

    @Test
    void aBadV2IsNotRescuedByAGoodSha1() {
        String sha1 = hmac("HmacSHA1", SECRET, BODY);
        String wrongV2 = hmac("HmacSHA256", "other", BODY);
        assertThat(rejection(() -> WebhookSignature.verify(BODY, wrongV2, sha1, settings.withLegacySha1(true))).reason())
                .isEqualTo("bad-signature");
    }

    @Test
    void aMissingBodyIsATypedRejectionForStandaloneCallers() {
        assertThat(rejection(() -> WebhookSignature.verify(null, "00", null, settings)).reason())
                .isEqualTo("malformed-json");
    }

    @Test
    void noSecretConfiguredIsForbidden() {
        WebhookSettings none = new WebhookSettings(null, false, false, WebhookSettings.DEFAULT_MAX_BODY_BYTES);
        WebhookRejected e = rejection(() -> WebhookSignature.verify(BODY, hmac("HmacSHA256", SECRET, BODY), null, none));
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.reason()).isEqualTo("no-secret");
    }

    @Test
    void insecureLabModeAcceptsUnsignedBodiesAndWarnsEachTime() {
        Logger logger = (Logger) LoggerFactory.getLogger(WebhookSignature.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            WebhookSignature.verify(BODY, headers(Map.of()), WebhookSettings.insecureForLab());
            WebhookSignature.verify(BODY, headers(Map.of()), WebhookSettings.insecureForLab());
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).hasSize(2).allSatisfy(ev -> {
            assertThat(ev.getLevel().toString()).isEqualTo("WARN");
            assertThat(ev.getFormattedMessage()).contains("INSECURE");
        });
    }

    @Test
    void insecureSwitchIsIgnoredWhenASecretIsConfigured() {
        WebhookSettings both = new WebhookSettings(Secret.of(SECRET), false, true, 1024);
        assertThat(rejection(() -> WebhookSignature.verify(BODY, null, null, both)).reason())
                .isEqualTo("missing-signature");
    }

    @Test
    void rejectsBeforeParsingSoAnUnsignedGarbageBodyIsAnAuthError() {
        WebhookIntake intake = new WebhookIntake(settings);
        byte[] garbage = "not json at all".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> intake.accept(garbage, headers(Map.of())))
                .isInstanceOf(WebhookRejected.class)
                .extracting(e -> ((WebhookRejected) e).reason()).isEqualTo("missing-signature");
    }
}
