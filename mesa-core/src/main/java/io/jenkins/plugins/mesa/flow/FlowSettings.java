package io.jenkins.plugins.mesa.flow;

import io.jenkins.plugins.mesa.guard.Dedup;
import io.jenkins.plugins.mesa.guard.HoldDown;
import io.jenkins.plugins.mesa.guard.InvalidSettingException;
import io.jenkins.plugins.mesa.guard.LldpGuard;
import io.jenkins.plugins.mesa.guard.OutageGuard;
import java.time.Duration;
import java.util.Objects;

/**
 * The flow's tunables.
 *
 * @param holdDown        wait after AP_DISCONNECTED before reverting (default 60 s)
 * @param lookupDelay     wait after AP_CONNECTED/AP_RESTARTED before asking Mist where the AP is, so
 *                        that Mist has the AP's fresh LLDP data (default 30 s; 0 = at the next {@code runDue})
 * @param dedupWindow     how long an event id is remembered (default 1 h)
 * @param outage          outage window and thresholds (default 60 s; 5 APs or 50 %)
 * @param lldpWhenUnknown what to do when no switch-side source knows the port (default no change)
 * @param apProfile       profile name for a port with an AP (default {@code ap})
 * @param securedProfile  profile name for a port without one (default {@code secured})
 * @param retries         how often a transiently failed step is tried again (default 3; 0 = never)
 * @param retryBackoff    wait before the first retry, doubled for each further one (default 30 s)
 */
public record FlowSettings(Duration holdDown, Duration lookupDelay, Duration dedupWindow,
                           OutageGuard.Thresholds outage, LldpGuard.WhenUnknown lldpWhenUnknown, String apProfile,
                           String securedProfile, int retries, Duration retryBackoff) {

    public FlowSettings {
        Objects.requireNonNull(outage, "outage");
        Objects.requireNonNull(lldpWhenUnknown, "lldpWhenUnknown");
        if (holdDown == null || holdDown.isNegative()) {
            throw new InvalidSettingException("holdDown must be zero or positive, was " + holdDown);
        }
        if (lookupDelay == null || lookupDelay.isNegative()) {
            throw new InvalidSettingException("lookupDelay must be zero or positive, was " + lookupDelay);
        }
        if (dedupWindow == null || dedupWindow.isNegative() || dedupWindow.isZero()) {
            throw new InvalidSettingException("dedupWindow must be positive, was " + dedupWindow);
        }
        if (apProfile == null || apProfile.isBlank() || securedProfile == null || securedProfile.isBlank()
                || apProfile.equals(securedProfile)) {
            throw new InvalidSettingException("apProfile and securedProfile must be two different non-blank names");
        }
        if (retries < 0 || retries > 10) {
            throw new InvalidSettingException("retries must be 0..10, was " + retries);
        }
        if (retryBackoff == null || retryBackoff.isNegative() || retryBackoff.isZero()) {
            throw new InvalidSettingException("retryBackoff must be positive, was " + retryBackoff);
        }
    }

    public static FlowSettings defaults() {
        return new FlowSettings(HoldDown.DEFAULT, Duration.ofSeconds(30), Dedup.DEFAULT_WINDOW,
                OutageGuard.Thresholds.defaults(), LldpGuard.WhenUnknown.NO_CHANGE, "ap", "secured", 3,
                Duration.ofSeconds(30));
    }

    public FlowSettings withHoldDown(Duration d) {
        return new FlowSettings(d, lookupDelay, dedupWindow, outage, lldpWhenUnknown, apProfile, securedProfile, retries,
                retryBackoff);
    }

    public FlowSettings withLookupDelay(Duration d) {
        return new FlowSettings(holdDown, d, dedupWindow, outage, lldpWhenUnknown, apProfile, securedProfile, retries,
                retryBackoff);
    }

    public FlowSettings withDedupWindow(Duration d) {
        return new FlowSettings(holdDown, lookupDelay, d, outage, lldpWhenUnknown, apProfile, securedProfile, retries,
                retryBackoff);
    }

    public FlowSettings withOutage(OutageGuard.Thresholds t) {
        return new FlowSettings(holdDown, lookupDelay, dedupWindow, t, lldpWhenUnknown, apProfile, securedProfile, retries,
                retryBackoff);
    }

    public FlowSettings withRetries(int n, Duration backoff) {
        return new FlowSettings(holdDown, lookupDelay, dedupWindow, outage, lldpWhenUnknown, apProfile, securedProfile,
                n, backoff);
    }

    /** Wait before retry number {@code attempt + 1}: the backoff doubled per earlier retry. */
    public Duration retryDelay(int attempt) {
        return retryBackoff.multipliedBy(1L << Math.min(attempt, 10));
    }

    public FlowSettings withLldpWhenUnknown(LldpGuard.WhenUnknown w) {
        return new FlowSettings(holdDown, lookupDelay, dedupWindow, outage, w, apProfile, securedProfile, retries,
                retryBackoff);
    }
}
