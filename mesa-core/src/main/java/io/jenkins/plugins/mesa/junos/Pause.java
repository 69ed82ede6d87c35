package io.jenkins.plugins.mesa.junos;

import java.time.Duration;

/** Waits between retries. Production uses {@link #sleeping()}; tests inject one that records and returns. */
@FunctionalInterface
public interface Pause {
    void pause(Duration duration) throws InterruptedException;

    static Pause sleeping() {
        return d -> Thread.sleep(d.toMillis());
    }
}
