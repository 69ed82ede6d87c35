package io.jenkins.plugins.mesa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mesa.audit.Outcome;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The storm benchmark, small: 500 events over 60 s of lab time, 10 sites, 2 of them losing every AP. */
class StormTest {

    @Test
    void everyEventOfAHealthySiteIsHandledOnceAndNoOutageSitePortIsReverted() {
        StormLab.Result r;
        Set<String> normal;
        try (StormLab lab = new StormLab(new StormLab.Plan(10, 2, 1, 500, Duration.ofSeconds(60)))) {
            r = lab.run();
            normal = lab.normalEventIds();
        }
        System.out.printf("storm test: %d events, %d webhooks, outcomes %s, %d ms%n", r.eventsSent(), r.webhooks(),
                r.outcomes(), r.wall().toMillis());

        assertThat(r.eventsSent()).isGreaterThanOrEqualTo(500);
        assertThat(normal).hasSizeGreaterThan(400);
        assertThat(r.notExactlyOnce(normal)).as("events of healthy sites not named by exactly one audit record")
                .isEmpty();
        assertThat(r.outageSiteReverts()).as("audit records with a port change at an outage site").isZero();
        assertThat(r.outageSitePortsStillAp()).as("outage-site ports still in the AP profile")
                .isEqualTo(r.outageSitePorts()).isPositive();
        // every AP of a healthy site went away last and for good: its port is back in the secured profile
        assertThat(r.normalPortsSecured()).isEqualTo(r.normalPorts());
        assertThat(r.outcomes()).containsKeys(Outcome.CHANGED, Outcome.CANCELLED, Outcome.SKIPPED_OUTAGE);
    }
}
