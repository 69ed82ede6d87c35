package io.jenkins.plugins.mesa.junos;

/**
 * No reply within the timeout. For a commit this means the outcome is unknown: the switch may
 * still have committed. The session is closed, since a late reply would be ambiguous.
 */
public final class NetconfTimeoutException extends NetconfException {
    public NetconfTimeoutException(String message) {
        super("timeout", message);
    }
}
