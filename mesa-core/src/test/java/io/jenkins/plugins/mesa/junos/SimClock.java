package io.jenkins.plugins.mesa.junos;

import io.jenkins.plugins.mesa.lab.junos.SimTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The engine's clock in tests: the simulator's manual time, so confirm windows line up on both sides. */
final class SimClock extends Clock {
    private final SimTime time;

    SimClock(SimTime time) {
        this.time = time;
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
        return time.now();
    }
}
