package io.jenkins.plugins.mesa.mist;

import java.util.List;

/**
 * One accepted Mist webhook body.
 *
 * @param topic   the topic as received ({@code device-events} or {@code device_events})
 * @param events  the AP events MESA acts on, in body order
 * @param ignored every other event, each with its type named
 */
public record WebhookBatch(String topic, List<ApEvent> events, List<IgnoredEvent> ignored) {
    public WebhookBatch {
        events = List.copyOf(events);
        ignored = List.copyOf(ignored);
    }
}
