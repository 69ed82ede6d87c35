package io.jenkins.plugins.mesa.junos;

/** The SSH connection or NETCONF session ended before a reply arrived. */
public final class SessionLostException extends NetconfException {
    public SessionLostException(String message, Throwable cause) {
        super("session-lost", message, cause);
    }
}
