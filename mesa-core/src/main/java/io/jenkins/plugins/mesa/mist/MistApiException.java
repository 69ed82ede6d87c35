package io.jenkins.plugins.mesa.mist;

import io.jenkins.plugins.mesa.MesaException;

/**
 * A Mist API call failed after MESA's bounded retries. The message names the call (method and
 * path) and the answer, never the token. Reasons: {@code unauthorized} (401: token invalid or
 * expired), {@code forbidden} (403: token lacks privilege on the org/site), {@code not-found} (404),
 * {@code bad-request} (400), {@code rate-limited} (429 after retries), {@code server-error} (5xx
 * after retries), {@code http-error} (any other status), {@code unreachable} (no answer after
 * retries), {@code bad-response} (an answer MESA cannot use), {@code bad-id} (an id unfit for a path).
 */
public final class MistApiException extends MesaException {
    private final int status;

    public MistApiException(String reason, int status, String message, Throwable cause) {
        super(reason, message, cause);
        this.status = status;
    }

    public MistApiException(String reason, int status, String message) {
        this(reason, status, message, null);
    }

    /** The HTTP status Mist answered, or 0 when there was no usable answer. */
    public int status() {
        return status;
    }
}
