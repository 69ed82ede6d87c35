package io.jenkins.plugins.mesa.junos;

/**
 * The switch presented an SSH host key that is not the pinned one, or that known_hosts does not
 * list (unknown) or lists differently (changed). MESA never trusts a key on first use.
 */
public final class HostKeyRejectedException extends NetconfException {
    private final String presentedFingerprint;

    public HostKeyRejectedException(String message, String presentedFingerprint, Throwable cause) {
        super("host-key-rejected", message, cause);
        this.presentedFingerprint = presentedFingerprint;
    }

    /** The SHA256 fingerprint the server presented, so an operator can check it out of band. */
    public String presentedFingerprint() {
        return presentedFingerprint;
    }
}
