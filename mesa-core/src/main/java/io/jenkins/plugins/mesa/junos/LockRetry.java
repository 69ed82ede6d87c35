package io.jenkins.plugins.mesa.junos;

import java.time.Duration;

/**
 * How often to retry a configuration lock held by someone else: {@code attempts} tries in all,
 * waiting {@code firstDelay}, then doubling up to {@code maxDelay} between them.
 */
public record LockRetry(int attempts, Duration firstDelay, Duration maxDelay) {
    public LockRetry {
        if (attempts < 1 || attempts > 20) {
            throw new IllegalArgumentException("lock attempts must be 1..20");
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay");
        }
    }

    public static LockRetry defaults() {
        return new LockRetry(4, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    Duration delayBefore(int attempt) {
        Duration d = firstDelay;
        for (int i = 2; i < attempt; i++) {
            d = d.multipliedBy(2);
            if (d.compareTo(maxDelay) >= 0) {
                return maxDelay;
            }
        }
        return d;
    }
}
