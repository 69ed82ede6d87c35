package io.jenkins.plugins.mesa.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dedup and outage decisions on boundary values, with time injected and state reloaded from disk. */
class EventGateTest {
    private static final EventGate.OutageRule RULE = new EventGate.OutageRule(Duration.ofSeconds(300), 3);

    @TempDir
    Path home;

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-29T08:00:00Z"));

    private File stateFile() {
        return home.resolve("mesa-state.xml").toFile();
    }

    @Test
    void aDeliveryIsADuplicateInsideTheWindowAndNewAgainAfterIt() {
        EventGate gate = new EventGate(new MesaState(stateFile()), clock);

        assertThat(gate.firstDelivery("ev-1", Duration.ofMinutes(60))).isTrue();
        clock.advance(Duration.ofMinutes(59));
        assertThat(gate.firstDelivery("ev-1", Duration.ofMinutes(60))).isFalse();
        clock.advance(Duration.ofMinutes(61));
        assertThat(gate.firstDelivery("ev-1", Duration.ofMinutes(60))).isTrue();
    }

    @Test
    void dedupIdsAreReadBackFromTheJenkinsHome() {
        new EventGate(new MesaState(stateFile()), clock).firstDelivery("ev-1", Duration.ofMinutes(60));

        EventGate afterRestart = new EventGate(new MesaState(stateFile()), clock);

        assertThat(afterRestart.firstDelivery("ev-1", Duration.ofMinutes(60))).isFalse();
    }

    @Test
    void theThirdDistinctApInTheWindowDeclaresTheOutageOnce() {
        EventGate gate = new EventGate(new MesaState(stateFile()), clock);

        assertThat(gate.recordDisconnect("site", "ap1", RULE).outage()).isFalse();
        clock.advance(Duration.ofSeconds(10));
        assertThat(gate.recordDisconnect("site", "ap1", RULE).outage())
                .as("same AP again")
                .isFalse();
        assertThat(gate.recordDisconnect("site", "ap2", RULE).outage()).isFalse();
        EventGate.OutageStatus third = gate.recordDisconnect("site", "ap3", RULE);
        EventGate.OutageStatus fourth = gate.recordDisconnect("site", "ap4", RULE);

        assertThat(third.outage()).isTrue();
        assertThat(third.newlyDeclared()).isTrue();
        assertThat(third.aps()).containsExactly("ap1", "ap2", "ap3");
        assertThat(fourth.outage()).isTrue();
        assertThat(fourth.newlyDeclared()).isFalse();
        assertThat(fourth.declaredAtMillis()).isEqualTo(third.declaredAtMillis());
        assertThat(gate.recordDisconnect("other-site", "ap9", RULE).outage())
                .as("sites are separate")
                .isFalse();
    }

    @Test
    void disconnectsOutsideTheWindowDoNotCountAndAQuietWindowEndsTheOutage() {
        EventGate gate = new EventGate(new MesaState(stateFile()), clock);
        gate.recordDisconnect("site", "ap1", RULE);
        gate.recordDisconnect("site", "ap2", RULE);
        clock.advance(Duration.ofSeconds(301));

        assertThat(gate.recordDisconnect("site", "ap3", RULE).outage())
                .as("ap1 and ap2 left the window")
                .isFalse();

        gate.recordDisconnect("site", "ap4", RULE);
        assertThat(gate.recordDisconnect("site", "ap5", RULE).newlyDeclared()).isTrue();
        clock.advance(Duration.ofSeconds(301));
        EventGate.OutageStatus later = gate.recordDisconnect("site", "ap6", RULE);
        assertThat(later.outage()).isFalse();
        assertThat(later.aps()).containsExactly("ap6");
    }

    @Test
    void aReconnectedApLeavesItsSitesBurstAndWindowsSurviveARestart() {
        EventGate gate = new EventGate(new MesaState(stateFile()), clock);
        gate.recordDisconnect("site", "ap1", RULE);
        gate.recordDisconnect("site", "ap2", RULE);
        gate.recordReconnect("site", "ap1");

        EventGate afterRestart = new EventGate(new MesaState(stateFile()), clock);

        assertThat(afterRestart.recordDisconnect("site", "ap3", RULE).aps()).containsExactly("ap2", "ap3");
    }

    /** A clock tests move forward by hand. */
    private static final class SteppedClock extends Clock {
        private Instant now;

        SteppedClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
