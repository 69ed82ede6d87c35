package io.jenkins.plugins.mesa.guard;

import io.jenkins.plugins.mesa.MacAddress;
import io.jenkins.plugins.mesa.mist.SiteApCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Recognises a site outage (WAN down, core switch reboot, power cut) from the pattern of AP
 * disconnects, so that MESA does not secure the ports of APs that are still plugged in but have
 * lost the cloud.
 *
 * <p><b>Window.</b> For every disconnect, the window is the closed interval {@code [t - window, t]};
 * it holds the distinct APs that went away in it.
 *
 * <p><b>Burst.</b> A site's disconnects form one burst as long as each follows the previous one by
 * at most {@code window}. The burst ends when {@code window} passes with no further disconnect at
 * that site; its last disconnect plus {@code window} is its {@linkplain #quietAt quiet time}.
 *
 * <p><b>Outage.</b> A burst is an outage when at some moment its window held at least 2 distinct
 * APs and either at least {@code apCount} APs or at least {@code apRatio} of the site's APs (Mist's
 * {@code num_ap}; the ratio is not used when Mist reports 0 APs). A single AP going away is never an
 * outage, whatever the site's size: that is what lets MESA secure the port of an AP unplugged at a
 * quiet 2-AP site. During an outage no port of the site is reverted, including the disconnects of
 * the burst that came before the threshold was reached.
 */
public final class OutageGuard {
    public static final String NAME = "site-outage";

    /** Fewer distinct APs than this never make an outage. */
    static final int MIN_APS = 2;

    /**
     * @param window  sliding window length, also the gap that ends a burst
     * @param apCount outage when this many distinct APs went away within the window
     * @param apRatio outage when this share (0 &lt; r ≤ 1) of the site's APs went away within the window
     */
    public record Thresholds(Duration window, int apCount, double apRatio) {
        public Thresholds {
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new InvalidSettingException("outage window must be positive, was " + window);
            }
            if (apCount < MIN_APS) {
                throw new InvalidSettingException("outage AP count must be at least " + MIN_APS + ", was " + apCount);
            }
            if (!(apRatio > 0 && apRatio <= 1)) {
                throw new InvalidSettingException("outage AP ratio must be in (0, 1], was " + apRatio);
            }
        }

        /** 60 s window; 5 APs or half of the site's APs. */
        public static Thresholds defaults() {
            return new Thresholds(Duration.ofSeconds(60), 5, 0.5);
        }
    }

    /**
     * A burst of disconnects at one site.
     *
     * @param start     first disconnect
     * @param end       last disconnect so far
     * @param aps       distinct APs in the whole burst
     * @param peakAps   the most distinct APs any one window of the burst held
     * @param peakStart first disconnect of the fullest window
     * @param peakEnd   last disconnect of the fullest window
     */
    public record Burst(Instant start, Instant end, int aps, int peakAps, Instant peakStart, Instant peakEnd) {
        public Duration span() {
            return Duration.between(start, end);
        }
    }

    private final Thresholds thresholds;

    public OutageGuard(Thresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /**
     * The burst of {@code disconnects} (one site's, any order) that contains the instant {@code at};
     * an empty burst ({@code aps == 0}) when no disconnect is near it.
     */
    public Burst burstAround(List<SiteDisconnect> disconnects, Instant at) {
        for (Burst b : bursts(disconnects)) {
            if (!at.isBefore(b.start()) && !at.isAfter(b.end())) {
                return b;
            }
        }
        return new Burst(at, at, 0, 0, at, at);
    }

    /** All bursts of {@code disconnects} (one site's, any order), oldest first. */
    public List<Burst> bursts(List<SiteDisconnect> disconnects) {
        List<SiteDisconnect> sorted = new ArrayList<>(disconnects);
        sorted.sort(Comparator.comparing(SiteDisconnect::at));
        List<Burst> out = new ArrayList<>();
        int begin = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            boolean gap = i == sorted.size()
                    || Duration.between(sorted.get(i - 1).at(), sorted.get(i).at()).compareTo(thresholds.window()) > 0;
            if (gap && begin < sorted.size()) {
                out.add(measure(sorted.subList(begin, i)));
                begin = i;
            }
        }
        return out;
    }

    /** Distinct APs in the burst and in its fullest window, in one pass (two pointers, counts per AP). */
    private Burst measure(List<SiteDisconnect> burst) {
        Set<MacAddress> all = new HashSet<>();
        Map<MacAddress, Integer> inWindow = new HashMap<>();
        int peak = 0;
        Instant peakStart = burst.get(0).at();
        Instant peakEnd = peakStart;
        int first = 0;
        for (SiteDisconnect d : burst) {
            all.add(d.ap());
            inWindow.merge(d.ap(), 1, Integer::sum);
            Instant windowStart = d.at().minus(thresholds.window());
            while (burst.get(first).at().isBefore(windowStart)) {
                inWindow.computeIfPresent(burst.get(first).ap(), (k, n) -> n == 1 ? null : n - 1);
                first++;
            }
            if (inWindow.size() > peak) {
                peak = inWindow.size();
                peakStart = burst.get(first).at();
                peakEnd = d.at();
            }
        }
        return new Burst(burst.get(0).at(), burst.get(burst.size() - 1).at(), all.size(), peak, peakStart, peakEnd);
    }

    /** When the burst is over unless another disconnect arrives first. */
    public Instant quietAt(Burst burst) {
        return burst.end().plus(thresholds.window());
    }

    /** True when the burst reaches the thresholds for a site of {@code siteApTotal} APs. */
    public boolean isOutage(Burst burst, int siteApTotal) {
        if (burst.peakAps() < MIN_APS) {
            return false;
        }
        return burst.peakAps() >= thresholds.apCount()
                || (siteApTotal > 0 && (double) burst.peakAps() / siteApTotal >= thresholds.apRatio());
    }

    /**
     * Decides for the disconnect at {@code at}: STOP when its burst is an outage, PROCEED otherwise.
     *
     * @param siteLabel   site name (or id) for the explanation
     * @param disconnects the site's recent disconnects, including this one
     * @param counts      Mist's AP counts for the site; {@code total == 0} when unknown
     */
    public Decision evaluate(String siteLabel, List<SiteDisconnect> disconnects, Instant at, SiteApCounts counts) {
        Burst burst = burstAround(disconnects, at);
        var figures = figures(siteLabel, burst, counts.total());
        figures.put("siteApConnected", String.valueOf(counts.connected()));
        if (isOutage(burst, counts.total())) {
            return Decision.stop(NAME, figures, "site outage at " + siteLabel + ": " + burst.peakAps() + " of "
                    + total(counts.total()) + " APs disconnected within " + Durations.text(thresholds.window())
                    + " (" + thresholdText() + "), no change");
        }
        return Decision.proceed(NAME, figures, "no outage at " + siteLabel + ": " + burst.peakAps() + " of "
                + total(counts.total()) + " APs disconnected within " + Durations.text(thresholds.window())
                + " (" + thresholdText() + ")");
    }

    /** The single decision that stands for every held disconnect of an outage burst. */
    public Decision coalesced(String siteLabel, Burst burst, int siteApTotal, int held) {
        var figures = figures(siteLabel, burst, siteApTotal);
        figures.put("heldReverts", String.valueOf(held));
        return Decision.stop(NAME, figures, "site outage at " + siteLabel + ": " + burst.aps() + " of "
                + total(siteApTotal) + " APs disconnected between " + burst.start() + " and " + burst.end()
                + " (peak " + burst.peakAps() + " within " + Durations.text(thresholds.window()) + "; "
                + thresholdText() + "), no change to " + held + (held == 1 ? " port" : " ports"));
    }

    private java.util.Map<String, String> figures(String siteLabel, Burst burst, int siteApTotal) {
        return Decision.figures("site", siteLabel, "window", thresholds.window(),
                "apCountThreshold", thresholds.apCount(), "apRatioThreshold", thresholds.apRatio(),
                "burstStart", burst.start(), "burstEnd", burst.end(), "burstAps", burst.aps(),
                "peakAps", burst.peakAps(), "siteApTotal", siteApTotal);
    }

    private String thresholdText() {
        return "outage at " + thresholds.apCount() + " APs or " + Math.round(thresholds.apRatio() * 100)
                + "% of the site";
    }

    private static String total(int siteApTotal) {
        return siteApTotal > 0 ? String.valueOf(siteApTotal) : "an unknown number of";
    }
}
