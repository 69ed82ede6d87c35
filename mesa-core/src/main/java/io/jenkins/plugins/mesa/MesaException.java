package io.jenkins.plugins.mesa;

/**
 * Root of MESA's typed errors. Every failure a caller can act on is a subclass with a short,
 * stable {@link #reason()} code (suitable for a 4xx JSON body or an audit record) and a message
 * that never contains a secret.
 */
public abstract class MesaException extends RuntimeException {
    private final String reason;

    protected MesaException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    protected MesaException(String reason, String message) {
        this(reason, message, null);
    }

    /** A short machine-readable code, e.g. {@code bad-signature} or {@code lock-held}. */
    public String reason() {
        return reason;
    }
}
