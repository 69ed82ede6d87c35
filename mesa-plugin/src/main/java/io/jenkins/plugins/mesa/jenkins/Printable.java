package io.jenkins.plugins.mesa.jenkins;

/**
 * Text from a webhook payload made safe to show in a log line or a cause: no control characters (no forged
 * log lines), bounded length. HTML escaping is left to the views, which escape by default.
 */
final class Printable {
    static final int MAX = 128;

    private Printable() {}

    static String of(String s) {
        if (s == null) {
            return "";
        }
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX ? clean.substring(0, MAX) + "…" : clean;
    }
}
