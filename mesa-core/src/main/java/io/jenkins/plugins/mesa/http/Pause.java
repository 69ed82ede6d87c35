package io.jenkins.plugins.mesa.http;

import java.time.Duration;

/**
 * Waits between retries. Injected everywhere MESA backs off, so tests run without sleeping and can
 * assert on the waits that would have happened.
 */
@FunctionalInterface
public interface Pause {

    /** Real waiting. */
    Pause REAL = d -> Thread.sleep(d.toMillis());

    void pause(Duration duration) throws InterruptedException;
}
