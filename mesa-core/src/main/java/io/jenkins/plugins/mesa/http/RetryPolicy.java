package io.jenkins.plugins.mesa.http;

import java.time.Duration;

/**
 * Bounded retries with exponential backoff.
 *
 * @param maxAttempts  total attempts including the first (1 = no retry)
 * @param firstBackoff wait before the second attempt
 * @param maxBackoff   upper bound for any single wait, including a server's Retry-After
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1..10, was " + maxAttempts);
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= first <= max");
        }
    }

    /** Four attempts, 1 s, 2 s, 4 s apart, never more than 30 s per wait. */
    public static RetryPolicy standard() {
        return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** The wait after {@code failedAttempts} failures (1-based): first, 2×first, 4×first … capped. */
    public Duration backoffAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 20);
        Duration d = firstBackoff.multipliedBy(1L << doublings);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    /** A server's Retry-After, bounded by {@link #maxBackoff()}. */
    public Duration bounded(Duration serverAsked) {
        if (serverAsked.isNegative()) {
            return Duration.ZERO;
        }
        return serverAsked.compareTo(maxBackoff) > 0 ? maxBackoff : serverAsked;
    }
}
