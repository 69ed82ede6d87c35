package io.jenkins.plugins.mesa.config;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes in configuration: a number of bytes, or {@code 512KiB}, {@code 1MiB}. */
final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(B|KiB|MiB)?");

    private ByteSize() {
    }

    static OptionalLong parse(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        return OptionalLong.of(switch (unit) {
            case "KiB" -> n * 1024;
            case "MiB" -> n * 1024 * 1024;
            default -> n;
        });
    }

    static String format(long bytes) {
        if (bytes > 0 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "MiB";
        }
        if (bytes > 0 && bytes % 1024 == 0) {
            return bytes / 1024 + "KiB";
        }
        return Long.toString(bytes);
    }
}
