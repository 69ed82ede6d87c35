package io.jenkins.plugins.mesa.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits of an outbound HTTP API.
 *
 * @param connect TCP connect (and TLS handshake)
 * @param request one request, from send to the last byte of the answer
 */
public record HttpTimeouts(Duration connect, Duration request) {
    static final Duration MIN = Duration.ofMillis(100);
    static final Duration MAX = Duration.ofMinutes(10);

    public HttpTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(request, "request");
    }

    static HttpTimeouts read(Section s, HttpTimeouts defaults) {
        HttpTimeouts t = new HttpTimeouts(
                s.duration("connect", defaults.connect(), MIN, MAX),
                s.duration("request", defaults.request(), MIN, MAX));
        s.finish();
        return t;
    }
}
