package io.jenkins.plugins.mesa.mist;

import io.jenkins.plugins.mesa.Secret;

/**
 * How MESA authenticates and bounds incoming Mist webhooks.
 *
 * @param secret              the webhook secret configured on the Mist webhook; {@code null} when none
 * @param allowLegacySha1     accept the legacy {@code X-Mist-Signature} (HMAC-SHA1) when the
 *                            {@code X-Mist-Signature-v2} header is absent; off by default
 * @param insecureNoSignature lab only: with no secret configured, accept unsigned bodies (a WARN is
 *                            logged for every body accepted this way); ignored when a secret is set
 * @param maxBodyBytes        bodies larger than this are refused with 413 before anything else is done
 */
public record WebhookSettings(Secret secret, boolean allowLegacySha1, boolean insecureNoSignature, int maxBodyBytes) {

    /** 1 MiB: far above any real Mist batch, small enough that a hostile body costs little. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    public WebhookSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
    }

    /** Production settings: the secret, SHA-256 signatures only, 1 MiB cap. */
    public static WebhookSettings of(Secret secret) {
        return new WebhookSettings(secret, false, false, DEFAULT_MAX_BODY_BYTES);
    }

    public WebhookSettings withLegacySha1(boolean allow) {
        return new WebhookSettings(secret, allow, insecureNoSignature, maxBodyBytes);
    }

    public WebhookSettings withMaxBodyBytes(int max) {
        return new WebhookSettings(secret, allowLegacySha1, insecureNoSignature, max);
    }

    /** Lab only: no secret, unsigned bodies accepted, loudly logged. */
    public static WebhookSettings insecureForLab() {
        return new WebhookSettings(null, false, true, DEFAULT_MAX_BODY_BYTES);
    }
}
