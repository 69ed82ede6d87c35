package io.jenkins.plugins.mesa.mist;

import io.jenkins.plugins.mesa.MesaException;

/** A change asked for a profile the Mist back-end has no port usage for (reason {@code unknown-profile}). */
public final class UnknownPortProfile extends MesaException {
    public UnknownPortProfile(String profile, java.util.Set<String> known) {
        super("unknown-profile", "no Mist port usage is configured for profile " + MistId.printable(profile)
                + "; configured: " + new java.util.TreeSet<>(known));
    }
}
