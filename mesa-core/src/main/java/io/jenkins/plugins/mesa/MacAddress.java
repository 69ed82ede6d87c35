package io.jenkins.plugins.mesa;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A 48-bit MAC address in Mist's canonical form: 12 lowercase hex digits, no separators
 * ({@code 5c5b350e55c8}). Parsing accepts the colon, dash and dot forms switches and LLDP use.
 */
public record MacAddress(String value) {
    private static final Pattern CANONICAL = Pattern.compile("[0-9a-f]{12}");
    private static final Pattern SEPARATORS = Pattern.compile("[:.\\-]");

    public MacAddress {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a MAC address in canonical form: " + printable(value));
        }
    }

    /** Parses {@code 5C:5B:35:0E:55:C8}, {@code 5c5b.350e.55c8}, {@code 5c-5b-...} or {@code 5c5b350e55c8}. */
    public static MacAddress parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("MAC address missing");
        }
        String hex = SEPARATORS.matcher(text.trim()).replaceAll("").toLowerCase(Locale.ROOT);
        if (!CANONICAL.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a MAC address: " + printable(text));
        }
        return new MacAddress(hex);
    }

    /** Colon form as Junos prints LLDP chassis ids: {@code 5c:5b:35:0e:55:c8}. */
    public String colonForm() {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(value, i, i + 2);
        }
        return sb.toString();
    }

    /** Mist's device id for a device with this MAC (not valid for virtual chassis; resolve those through inventory). */
    public String mistDeviceId() {
        return "00000000-0000-0000-1000-" + value;
    }

    @Override
    public String toString() {
        return value;
    }

    /** Bounded, control-character-free echo of bad input for error messages. */
    static String printable(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
