package io.jenkins.plugins.mesa.guard;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.mist.ApEvent;
import java.time.Instant;

/** Events and MACs for the guard tests. */
final class GuardFixtures {
    static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private GuardFixtures() {
    }

    static MacAddress ap(int n) {
        return MacAddress.parse(String.format("5c5b350e%04x", n));
    }

    static ApEvent event(String type, int apNumber, Instant at) {
        return new ApEvent("ev-" + type + "-" + apNumber + "-" + at.getEpochSecond(), type, ap(apNumber),
                "ap-" + apNumber, "org-1", "site-1", "HQ", at, "", "", "");
    }
}
