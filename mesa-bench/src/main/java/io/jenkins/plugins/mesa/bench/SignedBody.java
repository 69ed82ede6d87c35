package io.jenkins.plugins.mesa.bench;

import io.jenkins.plugins.mesa.mist.WebhookSignature;
import java.util.function.Function;

/**
 * A webhook body together with the {@code X-Mist-Signature-v2} Mist would send with it.
 *
 * @param body      the raw body
 * @param signature lowercase hex HMAC-SHA256 of {@code body}
 * @param events    how many events the body holds
 */
public record SignedBody(byte[] body, String signature, int events) {

    /** The header lookup {@link io.jenkins.plugins.mesa.mist.WebhookIntake#accept} expects. */
    public Function<String, String> headers() {
        return name -> WebhookSignature.V2_HEADER.equalsIgnoreCase(name) ? signature : null;
    }
}
