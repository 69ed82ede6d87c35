package io.jenkins.plugins.mesa.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A lab's one clock, moved by hand: Mist, the switches and the flow share it, so waits elapse at once. */
final class ManualClock extends Clock {
    final Instant start;
    private volatile Instant now;

    ManualClock(Instant start) {
        this.start = start;
        this.now = start;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
