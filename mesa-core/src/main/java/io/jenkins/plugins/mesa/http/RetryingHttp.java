package io.jenkins.plugins.mesa.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends HTTP requests with a per-request timeout and bounded, backed-off retries on what is worth
 * retrying: I/O errors and timeouts, 429 and 5xx (honouring {@code Retry-After}, in seconds or as
 * an HTTP date). Any other status is returned at once for the caller to map. Shared by the Mist,
 * CSO and notification clients so that every outbound call behaves the same way.
 *
 * <p>A POST or PATCH is not idempotent — a resent CSO deploy would start a second job — so it is
 * retried only when the server cannot have acted on it: the connection was refused, or the answer
 * was 429 or 503 (rejected before processing).
 *
 * <p>Logs name the method, host and path only — never headers or bodies, which may carry secrets.
 */
public final class RetryingHttp {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingHttp.class);

    private final HttpClient client;
    private final RetryPolicy policy;
    private final Pause pause;
    private final Duration requestTimeout;
    private final Clock clock;

    public RetryingHttp(HttpClient client, RetryPolicy policy, Pause pause, Duration requestTimeout, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A client with a connect timeout and no automatic redirects (a redirect could carry a token
     * elsewhere). HTTP/1.1 because the JDK's cleartext HTTP/2 upgrade makes some servers see a
     * request twice, which would defeat the retry accounting.
     */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends {@code request}, retrying as described above.
     *
     * @return the first non-retryable response, or the last retryable one when attempts ran out
     * @throws HttpUnreachable when no response came back on the last attempt
     */
    public HttpResponse<byte[]> send(HttpRequest request) {
        return send(request, request.method() + " " + request.uri().getHost() + request.uri().getPath());
    }

    /**
     * As {@link #send(HttpRequest)}, naming the call {@code label} in logs and errors instead of its
     * URL — for URLs that are themselves secrets (chat incoming webhooks).
     */
    public HttpResponse<byte[]> send(HttpRequest request, String label) {
        HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(requestTimeout).build();
        String what = label;
        boolean idempotent = !"POST".equals(request.method()) && !"PATCH".equals(request.method());
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                HttpResponse<byte[]> response = client.send(timed, HttpResponse.BodyHandlers.ofByteArray());
                if (!retryable(response.statusCode(), idempotent) || attempt >= policy.maxAttempts()) {
                    return response;
                }
                wait = retryAfter(response).map(policy::bounded).orElse(policy.backoffAfter(attempt));
                LOG.warn("{} answered {}; retry {} of {} in {} ms", what, response.statusCode(), attempt,
                        policy.maxAttempts() - 1, wait.toMillis());
            } catch (IOException e) {
                if (!idempotent && !(e instanceof java.net.ConnectException)) {
                    throw new HttpUnreachable(what + " failed and was not resent (the server may have acted on it): "
                            + describe(e), e);
                }
                if (attempt >= policy.maxAttempts()) {
                    throw new HttpUnreachable(what + " failed after " + attempt + " attempts: " + describe(e), e);
                }
                wait = policy.backoffAfter(attempt);
                LOG.warn("{} failed ({}); retry {} of {} in {} ms", what, describe(e), attempt,
                        policy.maxAttempts() - 1, wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HttpUnreachable(what + " interrupted", e);
            }
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HttpUnreachable(what + " interrupted while backing off", e);
            }
        }
    }

    static boolean retryable(int status, boolean idempotent) {
        if (status == 429 || status == 503) {
            return true;
        }
        return idempotent && (status == 500 || status == 502 || status == 504);
    }

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String v = header.get();
        if (v.chars().allMatch(Character::isDigit) && !v.isEmpty() && v.length() < 10) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Optional.of(Duration.between(clock.instant(), at.toInstant()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
