package io.jenkins.plugins.mesa.cli.store;

/** Stored text echoed in an error: bounded and without control characters. */
final class Printable {
    private Printable() {
    }

    static String of(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
