package io.jenkins.plugins.mesa.guard;

import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Waits before acting on an {@code AP_DISCONNECTED}: the event means the AP lost the cloud, which
 * a reboot, an upgrade or a short WAN blip also cause. If the AP comes back ({@code AP_CONNECTED}
 * or {@code AP_RESTARTED}) before the revert has run, the revert is cancelled.
 *
 * <p>The hold-down counts from when the AP went away according to Mist (the event's timestamp),
 * but never from later than we received the event, so a late retry of an old event is not held
 * again and a skewed clock cannot postpone it.
 */
public final class HoldDown {
    public static final String NAME = "hold-down";
    public static final Duration DEFAULT = Duration.ofSeconds(60);

    private final Duration period;

    public HoldDown(Duration period) {
        Objects.requireNonNull(period, "period");
        if (period.isNegative()) {
            throw new InvalidSettingException("hold-down must not be negative, was " + period);
        }
        this.period = period;
    }

    public Duration period() {
        return period;
    }

    /** When the AP went away: the event's timestamp, or the receive time if that is earlier. */
    public static Instant wentAway(ApEvent disconnect, Instant receivedAt) {
        return disconnect.timestamp().isBefore(receivedAt) ? disconnect.timestamp() : receivedAt;
    }

    public Instant dueAt(ApEvent disconnect, Instant receivedAt) {
        return wentAway(disconnect, receivedAt).plus(period);
    }

    /** The decision taken when the disconnect arrives: wait until due. */
    public Decision start(ApEvent disconnect, Instant receivedAt) {
        Instant due = dueAt(disconnect, receivedAt);
        return Decision.waitUntilDue(NAME, figures(disconnect, receivedAt),
                "revert held for " + Durations.text(period) + " in case the AP comes back; due at " + due);
    }

    /** At {@code now}: PROCEED once the hold-down is over (due time inclusive), WAIT before. */
    public Decision expired(ApEvent disconnect, Instant receivedAt, Instant now) {
        Instant due = dueAt(disconnect, receivedAt);
        var figures = figures(disconnect, receivedAt);
        figures.put("now", now.toString());
        if (now.isBefore(due)) {
            return Decision.waitUntilDue(NAME, figures, "hold-down runs until " + due);
        }
        return Decision.proceed(NAME, figures, "no AP_CONNECTED or AP_RESTARTED within the "
                + Durations.text(period) + " hold-down (AP gone since " + wentAway(disconnect, receivedAt) + ")");
    }

    /**
     * The AP reported back while its revert is still pending. STOP (the revert is cancelled) when the
     * comeback is not older than the disconnect; PROCEED (the revert stays pending) when the comeback
     * is an out-of-order delivery of an event from before the disconnect.
     */
    public Decision comeback(ApEvent disconnect, Instant receivedAt, ApEvent comeback) {
        var figures = figures(disconnect, receivedAt);
        figures.put("comebackType", comeback.type());
        figures.put("comebackAt", comeback.timestamp().toString());
        Duration after = Duration.between(disconnect.timestamp(), comeback.timestamp());
        if (after.isNegative()) {
            return Decision.proceed(NAME, figures, comeback.type() + " at " + comeback.timestamp()
                    + " is older than the AP_DISCONNECTED at " + disconnect.timestamp()
                    + ": out-of-order delivery, the revert stays pending");
        }
        return Decision.stop(NAME, figures, comeback.type() + " at " + comeback.timestamp() + ", "
                + Durations.text(after) + " after the disconnect, before the revert was due: revert cancelled");
    }

    private java.util.Map<String, String> figures(ApEvent disconnect, Instant receivedAt) {
        return Decision.figures("holdDown", period, "disconnectedAt", disconnect.timestamp(),
                "receivedAt", receivedAt, "dueAt", dueAt(disconnect, receivedAt));
    }
}
