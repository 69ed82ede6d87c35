package io.jenkins.plugins.mesa.config;

import io.jenkins.plugins.mesa.http.RetryPolicy;
import java.time.Duration;

/** Reads a {@code retry:} section ({@code maxAttempts}, {@code firstBackoff}, {@code maxBackoff}) into a {@link RetryPolicy}. */
final class Retries {
    private Retries() {
    }

    static RetryPolicy read(Section s, RetryPolicy defaults) {
        int attempts = s.integer("maxAttempts", defaults.maxAttempts(), 1, 10);
        Duration first = s.duration("firstBackoff", defaults.firstBackoff(), Duration.ZERO, Duration.ofMinutes(10));
        Duration max = s.duration("maxBackoff", defaults.maxBackoff(), Duration.ZERO, Duration.ofHours(1));
        s.finish();
        if (max.compareTo(first) < 0) {
            s.error("maxBackoff", "must not be shorter than firstBackoff");
            return defaults;
        }
        return new RetryPolicy(attempts, first, max);
    }
}
