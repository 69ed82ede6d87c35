package io.jenkins.plugins.mesa.cso;

import io.jenkins.plugins.mesa.MesaException;

/**
 * A CSO call or look-up that cannot go on. {@link #reason()} is one of: {@code cso-login-failed}
 * (Keystone refused the credentials or answered without a token), {@code cso-unauthorized} (a call
 * was refused again right after a fresh login), {@code cso-http} (any other unexpected status),
 * {@code cso-bad-response} (an answer MESA cannot read), {@code cso-device-not-found},
 * {@code cso-device-ambiguous}, {@code cso-port-not-found}, {@code cso-profile-not-found},
 * {@code cso-profile-ambiguous}, {@code cso-segment-not-found}, {@code cso-segment-ambiguous},
 * {@code cso-rejected} (apply/deploy answered with a failure), {@code unknown-profile} (the
 * request names a profile with no CSO mapping) or {@code bad-job-id}. Messages never contain the
 * password or a token.
 */
public final class CsoException extends MesaException {

    public CsoException(String reason, String message) {
        super(reason, message);
    }

    public CsoException(String reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
