package io.jenkins.plugins.mesa.http;

import io.jenkins.plugins.mesa.MesaException;

/** A remote API could not be reached (connect failure, timeout, broken connection) after all retries. */
public final class HttpUnreachable extends MesaException {
    public HttpUnreachable(String message, Throwable cause) {
        super("unreachable", message, cause);
    }
}
