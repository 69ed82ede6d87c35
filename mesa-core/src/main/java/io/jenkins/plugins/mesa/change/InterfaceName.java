package io.jenkins.plugins.mesa.change;

import java.util.regex.Pattern;

/**
 * A physical Junos switch interface such as {@code ge-0/0/10} or {@code mge-1/0/47}. Only names
 * matching the Junos pattern are representable, so no text from a webhook or an API answer can
 * reach a set statement or an API path without passing through here.
 */
public record InterfaceName(String value) {
    private static final Pattern JUNOS_PHYSICAL =
            Pattern.compile("(ge|xe|et|mge|fe|xle|fte|ae)-\\d{1,2}/\\d{1,2}/\\d{1,3}");
    private static final Pattern WITH_UNIT =
            Pattern.compile("((?:ge|xe|et|mge|fe|xle|fte|ae)-\\d{1,2}/\\d{1,2}/\\d{1,3})\\.\\d{1,5}");

    public InterfaceName {
        if (value == null || !JUNOS_PHYSICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a Junos interface name: " + quote(value));
        }
    }

    /** Parses an interface name, dropping a logical unit ({@code ge-0/0/4.0} becomes {@code ge-0/0/4}). */
    public static InterfaceName parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("interface name missing");
        }
        String t = text.trim();
        var unit = WITH_UNIT.matcher(t);
        return new InterfaceName(unit.matches() ? unit.group(1) : t);
    }

    /** True when {@code text} names a physical interface (with or without unit). */
    public static boolean looksLikeInterface(String text) {
        if (text == null) {
            return false;
        }
        String t = text.trim();
        return JUNOS_PHYSICAL.matcher(t).matches() || WITH_UNIT.matcher(t).matches();
    }

    @Override
    public String toString() {
        return value;
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
