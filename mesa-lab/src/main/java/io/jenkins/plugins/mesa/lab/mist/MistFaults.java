package io.jenkins.plugins.mesa.lab.mist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Misbehaviour a test can switch on in the simulated Mist cloud: answer 429 (rate limit, with Mist's body) or
 * 503 the next N times, optionally only on one route, and hold every answer back for a while. Faults apply after
 * authentication, in the order they were added.
 */
public final class MistFaults {
    /** Mist's documented body for HTTP 429. */
    public static final String RATE_LIMIT_DETAIL = "Too Many Request. The API Token used for the request reached the"
            + " 5000 API Calls per hour threshold";
    static final String UNAVAILABLE_DETAIL = "Service Unavailable";

    /** One armed fault: answer {@code status} to the next {@code remaining} matching requests. */
    record Fault(int status, String detail) {
    }

    private static final class Rule {
        final Fault fault;
        final String route;
        int remaining;

        Rule(Fault fault, String route, int remaining) {
            this.fault = fault;
            this.route = route;
            this.remaining = remaining;
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private Duration delay = Duration.ZERO;
    private CountDownLatch release = new CountDownLatch(0);

    /** Answer the next {@code times} requests (any route) with 429 and Mist's rate-limit body. */
    public MistFaults rateLimit(int times) {
        return add(new Fault(429, RATE_LIMIT_DETAIL), null, times);
    }

    /** As {@link #rateLimit(int)}, only for one route, e.g. {@link MistCloudSimulator#SITE_STATS}. */
    public MistFaults rateLimit(int times, String route) {
        return add(new Fault(429, RATE_LIMIT_DETAIL), Objects.requireNonNull(route, "route"), times);
    }

    /** Answer the next {@code times} requests (any route) with 503. */
    public MistFaults unavailable(int times) {
        return add(new Fault(503, UNAVAILABLE_DETAIL), null, times);
    }

    public MistFaults unavailable(int times, String route) {
        return add(new Fault(503, UNAVAILABLE_DETAIL), Objects.requireNonNull(route, "route"), times);
    }

    /**
     * Hold every answer back for up to {@code delay} (until {@link #releaseDelayed()}), e.g. to drive a client
     * into its timeout. {@link Duration#ZERO} switches it off.
     */
    public synchronized MistFaults delay(Duration holdFor) {
        if (holdFor.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        release.countDown();
        delay = holdFor;
        release = new CountDownLatch(holdFor.isZero() ? 0 : 1);
        return this;
    }

    /** Lets every held-back answer go now and stops delaying. */
    public synchronized void releaseDelayed() {
        delay(Duration.ZERO);
    }

    /** Clears every fault and the delay. */
    public synchronized void reset() {
        rules.clear();
        releaseDelayed();
    }

    private synchronized MistFaults add(Fault fault, String route, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("negative count");
        }
        rules.add(new Rule(fault, route, times));
        return this;
    }

    /** Consumes and returns the fault for this request, if one is armed for its route. */
    synchronized Optional<Fault> next(String route) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.remaining <= 0) {
                it.remove();
            } else if (rule.route == null || rule.route.equals(route)) {
                rule.remaining--;
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    /** Blocks the request thread for the configured delay, or until released. */
    void holdBack() throws InterruptedException {
        CountDownLatch latch;
        Duration wait;
        synchronized (this) {
            latch = release;
            wait = delay;
        }
        if (!wait.isZero()) {
            latch.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
