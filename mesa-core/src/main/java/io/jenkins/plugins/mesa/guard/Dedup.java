package io.jenkins.plugins.mesa.guard;

import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Recognises a webhook event that was already handled. Mist may deliver an event twice (retries,
 * or an org and a site webhook pointing at the same URL), and acting twice would mean two changes.
 */
public final class Dedup {
    public static final String NAME = "dedup";
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    private final Duration window;

    public Dedup(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new InvalidSettingException("dedup window must be positive, was " + window);
        }
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /**
     * The key under which an event is remembered. The type and AP are part of it because an
     * {@code audit_id} names an admin action, and one action (e.g. "restart these 10 APs") may
     * produce several events sharing it.
     */
    public static String key(ApEvent event) {
        return event.eventId() + "|" + event.type() + "|" + event.ap();
    }

    /**
     * @param firstSeen when this key was first accepted, if it is remembered
     * @return STOP for a duplicate (seen at most {@link #window()} ago, inclusive), PROCEED otherwise
     */
    public Decision check(ApEvent event, Optional<Instant> firstSeen, Instant now) {
        if (firstSeen.isEmpty()) {
            return Decision.proceed(NAME, Decision.figures("eventId", event.eventId(), "window", window),
                    "first delivery of event " + event.eventId());
        }
        Instant seen = firstSeen.get();
        var figures = Decision.figures("eventId", event.eventId(), "firstSeen", seen, "window", window);
        if (!now.isAfter(seen.plus(window))) {
            return Decision.stop(NAME, figures, "event " + event.eventId() + " was already received at " + seen
                    + " (within the " + Durations.text(window) + " dedup window): duplicate, handled once");
        }
        return Decision.proceed(NAME, figures, "event " + event.eventId() + " was last seen at " + seen
                + ", outside the " + Durations.text(window) + " dedup window: handled as new");
    }
}
