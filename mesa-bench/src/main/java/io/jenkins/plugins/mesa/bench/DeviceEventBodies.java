package io.jenkins.plugins.mesa.bench;

import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.mist.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Realistic, signed Mist {@code device-events} bodies for benchmarks and load: AP_CONNECTED and
 * AP_DISCONNECTED alternating, every event with its own AP MAC and {@code audit_id}, so that every
 * event MESA accepts has a distinct event id and none is a redelivery of another. Thread-safe: the
 * sequence is shared by all callers.
 */
public final class DeviceEventBodies {
    static final String ORG = "2818e386-8dec-2562-9ede-5b8a0fbbdc71";
    static final String SITE = "978c48e6-6ef6-11e6-8bbf-02e208b2d34f";
    private static final long TIMESTAMP = 1_795_912_200L; // 2026-11-29, epoch seconds as Mist sends them

    private final Secret secret;
    private final int eventsPerBody;
    private final AtomicLong sequence;

    /**
     * @param secret        the webhook secret the receiver is configured with
     * @param eventsPerBody events in each body (Mist batches events; 1 to a few hundred)
     * @param firstSequence the first event number; give separate generators disjoint ranges
     */
    public DeviceEventBodies(Secret secret, int eventsPerBody, long firstSequence) {
        if (eventsPerBody < 1) {
            throw new IllegalArgumentException("eventsPerBody must be at least 1, was " + eventsPerBody);
        }
        this.secret = secret;
        this.eventsPerBody = eventsPerBody;
        this.sequence = new AtomicLong(firstSequence);
    }

    /** The next body, with fresh event ids, signed. */
    public SignedBody next() {
        long first = sequence.getAndAdd(eventsPerBody);
        StringBuilder sb = new StringBuilder(80 + eventsPerBody * 330);
        sb.append("{\"topic\":\"device-events\",\"events\":[");
        for (int i = 0; i < eventsPerBody; i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendEvent(sb, first + i);
        }
        sb.append("]}");
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        return new SignedBody(body, WebhookSignature.sign(secret, body), eventsPerBody);
    }

    private static void appendEvent(StringBuilder sb, long n) {
        String mac = String.format("5c5b35%06x", n & 0xFFFFFFL);
        sb.append("{\"audit_id\":\"").append(String.format("bench-%012x", n))
                .append("\",\"device_name\":\"ap-bench-").append(n)
                .append("\",\"device_type\":\"ap\",\"ev_type\":\"notice\",\"mac\":\"").append(mac)
                .append("\",\"org_id\":\"").append(ORG)
                .append("\",\"site_id\":\"").append(SITE)
                .append("\",\"site_name\":\"Bench HQ\",\"timestamp\":").append(TIMESTAMP + n % 3600)
                .append(",\"type\":\"").append(n % 2 == 0 ? "AP_DISCONNECTED" : "AP_CONNECTED")
                .append("\"}");
    }
}
