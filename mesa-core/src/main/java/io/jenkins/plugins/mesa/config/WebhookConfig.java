package io.jenkins.plugins.mesa.config;

import io.jenkins.plugins.mesa.Secret;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How Mist's webhooks are received and authenticated ({@code webhook:}).
 *
 * @param secret              the secret set on the Mist webhook; bodies are verified with
 *                            {@code X-Mist-Signature-v2} (HMAC-SHA256) before they are parsed
 * @param path                HTTP path of the webhook endpoint of {@code mesa serve}
 * @param allowLegacySha1     also accept the legacy {@code X-Mist-Signature} (HMAC-SHA1)
 * @param maxBodyBytes        larger bodies are refused (413) before anything else happens
 * @param insecureNoSignature lab only: accept unsigned bodies when no secret is configured
 */
public record WebhookConfig(Optional<Secret> secret, String path, boolean allowLegacySha1, int maxBodyBytes,
                            boolean insecureNoSignature) {
    public static final String DEFAULT_PATH = "/mist/webhook";
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/-]{0,200}");

    public WebhookConfig {
        Objects.requireNonNull(secret, "webhook.secret");
        Objects.requireNonNull(path, "webhook.path");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("webhook.maxBodyBytes must be positive");
        }
    }

    /** Production settings: this secret, SHA-256 only, 1 MiB. */
    public static WebhookConfig of(Secret secret) {
        return new WebhookConfig(Optional.of(secret), DEFAULT_PATH, false, DEFAULT_MAX_BODY_BYTES, false);
    }

    static WebhookConfig read(Section s) {
        Optional<Secret> secret = s.secret("secret");
        String path = s.matching("path", PATH, "an absolute URL path such as /mist/webhook").orElse(DEFAULT_PATH);
        boolean sha1 = s.bool("allowLegacySha1", false);
        int max = (int) s.size("maxBodyBytes", DEFAULT_MAX_BODY_BYTES, 1024, 64L << 20);
        boolean insecure = s.bool("insecureNoSignature", false);
        boolean secretGiven = s.has("secret");
        s.finish();
        if (!secretGiven && !insecure) {
            s.missing("secret", "the secret of the Mist webhook, e.g. ${env:MIST_WEBHOOK_SECRET}; unsigned"
                    + " webhooks are accepted only with insecureNoSignature: true, in a lab");
        }
        if (secretGiven && insecure) {
            s.error("insecureNoSignature", "cannot be true when a secret is configured; remove one of them");
        }
        if (insecure) {
            s.warn("insecureNoSignature", "INSECURE: unsigned webhooks are accepted; anyone who can reach"
                    + " the endpoint can reconfigure switch ports. Lab use only");
        }
        if (sha1) {
            s.warn("allowLegacySha1", "legacy HMAC-SHA1 signatures are accepted");
        }
        return new WebhookConfig(secret, path, sha1, max, insecure);
    }
}
