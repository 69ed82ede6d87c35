package io.jenkins.plugins.mesa.junos;

/** The switch refused the username/password or key. The message never contains the secret. */
public final class NetconfAuthException extends NetconfException {
    public NetconfAuthException(String message, Throwable cause) {
        super("auth-failed", message, cause);
    }
}
