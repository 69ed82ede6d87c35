package io.jenkins.plugins.mesa.audit;

import io.jenkins.plugins.mesa.MesaException;

/** Stored text is not an audit record (corrupt store, or written by something else). */
public final class AuditFormatException extends MesaException {
    public AuditFormatException(String message, Throwable cause) {
        super("bad-audit-record", message, cause);
    }
}
