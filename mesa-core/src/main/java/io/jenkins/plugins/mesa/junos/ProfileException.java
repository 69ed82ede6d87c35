package io.jenkins.plugins.mesa.junos;

import io.jenkins.plugins.mesa.MesaException;

/**
 * A port profile is unusable: a bad template when configuration loads ({@code bad-profile}), a
 * profile name nobody configured ({@code unknown-profile}), or a variable value that fails
 * validation or is missing ({@code bad-variable}). Nothing is sent to a switch in any of these cases.
 */
public final class ProfileException extends MesaException {
    private ProfileException(String reason, String message) {
        super(reason, message);
    }

    static ProfileException badProfile(String profile, String message) {
        return new ProfileException("bad-profile", "profile '" + profile + "': " + message);
    }

    static ProfileException unknownProfile(String profile) {
        return new ProfileException("unknown-profile", "no port profile named " + printable(profile));
    }

    static ProfileException badVariable(String variable, String message) {
        return new ProfileException("bad-variable", "variable '" + variable + "': " + message);
    }

    static String printable(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return '"' + cut.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
