package io.jenkins.plugins.mesa.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.Objects;

/**
 * The safety checks before a port is changed ({@code guards:}).
 *
 * @param holdDown    an AP_DISCONNECTED is acted on only after this long without the AP coming back
 * @param lookupDelay after AP_CONNECTED/AP_RESTARTED, wait this long before asking Mist where the AP is: Mist
 *                    needs time to learn a fresh AP's LLDP neighbour, and asking at once finds the old port or none
 * @param dedupWindow an event id seen within this window is not handled again
 * @param outage      when a site counts as in outage (no port of it is reverted then)
 * @param lldp        how the "AP still plugged in?" check reads the switch port
 */
public record GuardConfig(Duration holdDown, Duration lookupDelay, Duration dedupWindow, Outage outage, Lldp lldp) {
    /** {@code guards.lookupDelay} when the file does not set it. */
    public static final Duration DEFAULT_LOOKUP_DELAY = Duration.ofSeconds(30);

    public GuardConfig {
        Objects.requireNonNull(holdDown, "guards.holdDown");
        Objects.requireNonNull(lookupDelay, "guards.lookupDelay");
        Objects.requireNonNull(dedupWindow, "guards.dedupWindow");
        Objects.requireNonNull(outage, "guards.outage");
        Objects.requireNonNull(lldp, "guards.lldp");
    }

    /** With the {@link #DEFAULT_LOOKUP_DELAY} (for hosts such as the Jenkins plugin that do not set it). */
    public GuardConfig(Duration holdDown, Duration dedupWindow, Outage outage, Lldp lldp) {
        this(holdDown, DEFAULT_LOOKUP_DELAY, dedupWindow, outage, lldp);
    }

    /** 60 s hold-down, 30 s lookup delay, 1 h dedup, {@link Outage#defaults()}, {@link Lldp#defaults()}. */
    public static GuardConfig defaults() {
        return new GuardConfig(Duration.ofSeconds(60), DEFAULT_LOOKUP_DELAY, Duration.ofHours(1), Outage.defaults(),
                Lldp.defaults());
    }

    /**
     * A site is in outage when, within {@code window}, at least {@code minDisconnects} APs went
     * away, or at least {@code minRatio} of the site's APs did.
     */
    public record Outage(Duration window, int minDisconnects, double minRatio) {
        public Outage {
            Objects.requireNonNull(window, "guards.outage.window");
            if (minDisconnects < 2) {
                throw new IllegalArgumentException("guards.outage.minDisconnects must be at least 2");
            }
            if (!(minRatio > 0 && minRatio <= 1)) {
                throw new IllegalArgumentException("guards.outage.minRatio must be in (0, 1]");
            }
        }

        /** 60 s window; 5 APs or half of the site's APs. */
        public static Outage defaults() {
            return new Outage(Duration.ofSeconds(60), 5, 0.5);
        }
    }

    /** Where the LLDP guard reads the port, and what it does when no source knows it. */
    public record Lldp(Sources sources, WhenUnknown whenUnknown) {
        public Lldp {
            Objects.requireNonNull(sources, "guards.lldp.sources");
            Objects.requireNonNull(whenUnknown, "guards.lldp.whenUnknown");
        }

        public static Lldp defaults() {
            return new Lldp(Sources.MIST, WhenUnknown.NO_CHANGE);
        }
    }

    /** Mist Wired Assurance port stats only, or also the switch's own LLDP table over NETCONF. */
    public enum Sources {
        MIST("mist"), MIST_AND_NETCONF("mist+netconf");

        private final String id;

        Sources(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    /** When no source knows the port: keep the AP profile (safe for the AP) or secure it anyway. */
    public enum WhenUnknown {
        NO_CHANGE("no-change"), REVERT("revert");

        private final String id;

        WhenUnknown(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    static GuardConfig read(Section s) {
        GuardConfig d = defaults();
        Duration holdDown = s.duration("holdDown", d.holdDown(), Duration.ZERO, Duration.ofDays(1));
        Duration lookupDelay = s.duration("lookupDelay", d.lookupDelay(), Duration.ZERO, Duration.ofMinutes(10));
        Duration dedup = s.duration("dedupWindow", d.dedupWindow(), Duration.ofSeconds(1), Duration.ofDays(30));
        Section o = s.section("outage");
        Outage od = Outage.defaults();
        Outage outage = new Outage(
                o.duration("window", od.window(), Duration.ofSeconds(1), Duration.ofDays(1)),
                o.integer("minDisconnects", od.minDisconnects(), 2, 100_000),
                o.decimal("minRatio", od.minRatio(), 0.01, 1.0));
        o.finish();
        Section l = s.section("lldp");
        Lldp lldp = new Lldp(
                l.choice("sources", Sources.MIST, Section.choices(Sources.values(), Sources::id)),
                l.choice("whenUnknown", WhenUnknown.NO_CHANGE, Section.choices(WhenUnknown.values(), WhenUnknown::id)));
        l.finish();
        s.finish();
        return new GuardConfig(holdDown, lookupDelay, dedup, outage, lldp);
    }
}
