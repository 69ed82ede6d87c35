package io.jenkins.plugins.mesa.lab.mist;

/** The receiver's answer to one webhook POST. */
public record WebhookDelivery(int status, String body) {
    public boolean accepted() {
        return status >= 200 && status < 300;
    }
}
