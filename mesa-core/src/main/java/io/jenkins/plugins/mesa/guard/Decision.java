package io.jenkins.plugins.mesa.guard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one guard or stage decided, with the figures it decided on, so that a reader of the audit
 * trail can check the reasoning without re-running it.
 *
 * @param guard       short stage name, e.g. {@code hold-down}, {@code site-outage}, {@code lldp}
 * @param verdict     proceed, wait or stop
 * @param figures     the inputs and thresholds the verdict rests on, in reading order (values as text
 *                    so that any store can keep them)
 * @param explanation one line for humans
 */
public record Decision(String guard, Verdict verdict, Map<String, String> figures, String explanation) {

    public Decision {
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(verdict, "verdict");
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures == null ? Map.of() : figures));
        explanation = explanation == null ? "" : explanation;
    }

    public static Decision proceed(String guard, Map<String, String> figures, String explanation) {
        return new Decision(guard, Verdict.PROCEED, figures, explanation);
    }

    public static Decision waitUntilDue(String guard, Map<String, String> figures, String explanation) {
        return new Decision(guard, Verdict.WAIT, figures, explanation);
    }

    public static Decision stop(String guard, Map<String, String> figures, String explanation) {
        return new Decision(guard, Verdict.STOP, figures, explanation);
    }

    public boolean proceeds() {
        return verdict == Verdict.PROCEED;
    }

    public boolean stops() {
        return verdict == Verdict.STOP;
    }

    /** Ordered figures from alternating keys and values; values are turned into text. */
    public static Map<String, String> figures(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("figures need key/value pairs");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(String.valueOf(keysAndValues[i]), String.valueOf(keysAndValues[i + 1]));
        }
        return m;
    }
}
