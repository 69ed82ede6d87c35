package io.jenkins.plugins.mesa.mist;

import io.jenkins.plugins.mesa.MesaException;

/**
 * A webhook body MESA refuses. {@link #httpStatus()} is what an HTTP endpoint should answer and
 * {@link #reason()} the short code for its JSON body: {@code too-large} (413), {@code no-secret}
 * (403), {@code missing-signature} / {@code bad-signature} (401), {@code malformed-json},
 * {@code bad-shape}, {@code bad-topic}, {@code missing-mac}, {@code bad-mac},
 * {@code bad-timestamp}, {@code bad-id} (all 400). Nothing is processed from a rejected body.
 */
public final class WebhookRejected extends MesaException {
    private final int httpStatus;

    public WebhookRejected(int httpStatus, String reason, String message) {
        super(reason, message);
        if (httpStatus < 400 || httpStatus > 499) {
            throw new IllegalArgumentException("a rejection is a 4xx, was " + httpStatus);
        }
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    static WebhookRejected badRequest(String reason, String message) {
        return new WebhookRejected(400, reason, message);
    }
}
