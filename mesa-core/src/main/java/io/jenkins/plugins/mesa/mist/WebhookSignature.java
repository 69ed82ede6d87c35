package io.jenkins.plugins.mesa.mist;

import io.jenkins.plugins.mesa.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the signature Mist puts on a webhook: {@code X-Mist-Signature-v2}, the hex HMAC-SHA256
 * of the raw body under the webhook secret; and, only when explicitly allowed, the legacy
 * {@code X-Mist-Signature} (hex HMAC-SHA1). Comparison is constant-time over the decoded bytes, so
 * upper- and lowercase hex are both accepted. Usable on its own (the Jenkins {@code mistEvent} step
 * calls it) and by {@link WebhookIntake} before any parsing.
 *
 * <p>Policy: with a secret configured a valid signature is required; the v2 header, when present,
 * decides alone (a bad v2 is not rescued by a good SHA-1). With no secret the body is refused (403)
 * unless the lab-only {@code insecureNoSignature} switch is on, which logs a WARN for each body.
 */
public final class WebhookSignature {
    public static final String V2_HEADER = "X-Mist-Signature-v2";
    public static final String LEGACY_HEADER = "X-Mist-Signature";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSignature.class);
    private static final HexFormat HEX = HexFormat.of();

    private WebhookSignature() {
    }

    /**
     * Verifies {@code rawBody} against the signature headers found through {@code header} (a
     * case-insensitive lookup by header name returning {@code null} when absent).
     *
     * @throws WebhookRejected 403 {@code no-secret}, 401 {@code missing-signature} or {@code bad-signature}
     */
    public static void verify(byte[] rawBody, Function<String, String> header, WebhookSettings settings) {
        verify(rawBody, lookup(header, V2_HEADER), lookup(header, LEGACY_HEADER), settings);
    }

    /**
     * Verifies {@code rawBody} against the given header values ({@code null} when absent).
     *
     * @throws WebhookRejected 403 {@code no-secret}, 401 {@code missing-signature} or {@code bad-signature}
     */
    public static void verify(byte[] rawBody, String signatureV2, String legacySignature, WebhookSettings settings) {
        if (rawBody == null) {
            throw WebhookRejected.badRequest("malformed-json", "empty body");
        }
        Secret secret = settings.secret();
        if (secret == null) {
            if (settings.insecureNoSignature()) {
                LOG.warn("INSECURE: accepting a Mist webhook WITHOUT signature verification "
                        + "(insecureNoSignature is on; lab use only, never in production)");
                return;
            }
            throw new WebhookRejected(403, "no-secret",
                    "no webhook secret is configured, so no webhook can be authenticated; configure the secret "
                            + "set on the Mist webhook");
        }
        String v2 = blankToNull(signatureV2);
        String v1 = blankToNull(legacySignature);
        if (v2 != null) {
            check(v2, hmac("HmacSHA256", secret, rawBody), V2_HEADER);
            return;
        }
        if (v1 != null && settings.allowLegacySha1()) {
            check(v1, hmac("HmacSHA1", secret, rawBody), LEGACY_HEADER);
            return;
        }
        throw new WebhookRejected(401, "missing-signature", v1 != null
                ? "only the legacy " + LEGACY_HEADER + " (SHA-1) header was sent and legacy signatures are not enabled"
                : "the " + V2_HEADER + " header is missing");
    }

    /** The {@code X-Mist-Signature-v2} value Mist would send for {@code rawBody} (lowercase hex). */
    public static String sign(Secret secret, byte[] rawBody) {
        return HEX.formatHex(hmac("HmacSHA256", secret, rawBody));
    }

    private static void check(String headerValue, byte[] expected, String headerName) {
        byte[] given = decodeHex(headerValue.trim());
        // MessageDigest.isEqual is constant-time for equal lengths; a wrong length reveals only the length.
        if (given == null || !MessageDigest.isEqual(given, expected)) {
            throw new WebhookRejected(401, "bad-signature",
                    "the " + headerName + " header does not match the body (wrong secret, altered body, or a "
                            + "proxy that re-encoded it)");
        }
    }

    private static byte[] decodeHex(String hex) {
        if (hex.length() % 2 != 0 || hex.length() > 256) {
            return null;
        }
        try {
            return HEX.parseHex(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] hmac(String algorithm, Secret secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    private static String lookup(Function<String, String> header, String name) {
        String v = header.apply(name);
        return v != null ? v : header.apply(name.toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
