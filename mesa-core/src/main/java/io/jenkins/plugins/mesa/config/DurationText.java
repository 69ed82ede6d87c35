package io.jenkins.plugins.mesa.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in configuration: {@code 500ms}, {@code 60s}, {@code 5m},
 * {@code 24h}, {@code 2d}, combined as {@code 1h30m}, or ISO-8601 ({@code PT1M30S}). A bare number
 * is refused: whether {@code 60} meant seconds or minutes is exactly the mistake to prevent.
 */
public final class DurationText {
    private static final Pattern WHOLE = Pattern.compile("(\\d{1,9}(ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private DurationText() {
    }

    /** The duration, or empty when {@code text} is not one. */
    public static Optional<Duration> parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.startsWith("P") || t.startsWith("p")) {
            try {
                return Optional.of(Duration.parse(t.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (!WHOLE.matcher(t).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        return Optional.of(total);
    }

    /** The shortest form {@link #parse} reads back: {@code 60s}, {@code 5m}, {@code 1h30m}, {@code 1500ms}. */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return d.toString();
        }
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        StringBuilder sb = new StringBuilder();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (s >= sizes[i]) {
                sb.append(s / sizes[i]).append(units[i]);
                s %= sizes[i];
            }
        }
        return sb.toString();
    }
}
