package io.jenkins.plugins.mesa.mist;

import java.util.regex.Pattern;

/**
 * What a Mist object id (org, site, device) may look like before it is put into an API path. Mist
 * ids are UUIDs; the pattern is a little wider (the lab may use readable ids) but excludes
 * anything that could change the path: slashes, dots, percent signs, query characters.
 */
final class MistId {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private MistId() {
    }

    static boolean valid(String id) {
        return id != null && SAFE.matcher(id).matches();
    }

    /** A bounded, control-character-free echo of untrusted text for error messages. */
    static String printable(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
