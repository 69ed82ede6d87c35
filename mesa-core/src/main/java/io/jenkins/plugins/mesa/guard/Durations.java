package io.jenkins.plugins.mesa.guard;

import java.time.Duration;

/** Short human text for durations in explanations ("60 s", "2 min 5 s", "1 h"). */
public final class Durations {
    private Durations() {
    }

    public static String text(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + " ms";
        }
        long s = ms / 1000;
        if (s < 120 || s % 60 != 0) {
            return s + " s";
        }
        long min = s / 60;
        return min % 60 == 0 ? (min / 60) + " h" : min + " min";
    }
}
