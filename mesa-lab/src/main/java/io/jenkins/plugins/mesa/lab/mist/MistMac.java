package io.jenkins.plugins.mesa.lab.mist;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * MAC text as the Mist cloud writes it: 12 lowercase hex digits ({@code 5c5b350e55c8}), the colon form
 * LLDP chassis ids use, and the device id Mist derives from a MAC. The lab keeps its own copy on purpose
 * (it must not share code with the client it tests).
 */
final class MistMac {
    private static final Pattern CANONICAL = Pattern.compile("[0-9a-f]{12}");
    private static final String DEVICE_ID_PREFIX = "00000000-0000-0000-1000-";

    private MistMac() {
    }

    /** Accepts {@code 5C:5B:35:0E:55:C8}, {@code 5c5b.350e.55c8}, {@code 5c-5b-…} or canonical text. */
    static String canonical(String text) {
        if (text == null) {
            throw new IllegalArgumentException("MAC address missing");
        }
        String hex = text.trim().replaceAll("[:.\\-]", "").toLowerCase(Locale.ROOT);
        if (!CANONICAL.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        return hex;
    }

    static String colon(String canonical) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(canonical, i, i + 2);
        }
        return sb.toString();
    }

    static String deviceId(String canonical) {
        return DEVICE_ID_PREFIX + canonical;
    }
}
