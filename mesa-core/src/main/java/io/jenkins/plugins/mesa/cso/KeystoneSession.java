package io.jenkins.plugins.mesa.cso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.http.RetryingHttp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Keystone v3 token for CSO, fetched once and reused by every change until shortly before its
 * {@code expires_at}. Thread-safe: concurrent changes share one login instead of racing on a
 * global as the original did.
 */
final class KeystoneSession {
    static final String AUTH_PATH = "/v3/auth/tokens";
    private static final Logger LOG = LoggerFactory.getLogger(KeystoneSession.class);
    /** Used when Keystone omits {@code expires_at}: short, so a missing expiry cannot pin a dead token for long. */
    private static final Duration FALLBACK_LIFETIME = Duration.ofMinutes(5);

    private final CsoSettings settings;
    private final RetryingHttp http;
    private final Clock clock;
    private final ObjectMapper json;
    private Token current; // guarded by this

    private record Token(Secret value, Instant renewAt) {
    }

    KeystoneSession(CsoSettings settings, RetryingHttp http, Clock clock, ObjectMapper json) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.json = json;
    }

    /** A token valid for a while yet, logging in when there is none. */
    synchronized Secret token() {
        if (current == null || !clock.instant().isBefore(current.renewAt())) {
            current = login();
        }
        return current.value();
    }

    /** Forgets {@code rejected} after CSO answered 401 to it, unless another thread already replaced it. */
    synchronized void invalidate(Secret rejected) {
        if (current != null && current.value().equals(rejected)) {
            current = null;
        }
    }

    private Token login() {
        HttpRequest request = HttpRequest.newBuilder(settings.resolve(AUTH_PATH))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body()))
                .build();
        HttpResponse<byte[]> response = http.send(request);
        String who = "user '" + settings.user() + "' in project '" + settings.project() + "'";
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new CsoException("cso-login-failed",
                    "CSO login for " + who + " refused (HTTP " + response.statusCode() + ")");
        }
        String token = response.headers().firstValue("X-Subject-Token").map(String::trim).orElse("");
        if (token.isEmpty()) {
            throw new CsoException("cso-login-failed", "CSO login for " + who + " answered without an X-Subject-Token header");
        }
        Instant now = clock.instant();
        Instant expires = expiresAt(response.body(), now).filter(now::isBefore).orElseGet(() -> {
            LOG.warn("CSO login answer has no usable token.expires_at; renewing the token after {}", FALLBACK_LIFETIME);
            return now.plus(FALLBACK_LIFETIME);
        });
        Duration lifetime = Duration.between(now, expires);
        // A margin larger than half the lifetime would make every call log in again.
        Duration margin = settings.tokenMargin().compareTo(lifetime.dividedBy(2)) > 0
                ? lifetime.dividedBy(2) : settings.tokenMargin();
        LOG.info("CSO login as {} at {}: token valid until {}", who, settings.baseUri(), expires);
        return new Token(Secret.of(token), expires.minus(margin));
    }

    private byte[] body() {
        ObjectNode root = json.createObjectNode();
        ObjectNode identity = root.putObject("auth").putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.putObject("domain").put("id", settings.userDomain());
        user.put("name", settings.user());
        user.put("password", settings.password().reveal());
        ObjectNode project = ((ObjectNode) root.get("auth")).putObject("scope").putObject("project");
        project.putObject("domain").put("id", settings.projectDomain());
        project.put("name", settings.project());
        try {
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the Keystone request", e);
        }
    }

    /**
     * When the token expires on our clock. Keystone states {@code expires_at} on its own clock;
     * with {@code issued_at} as well, the token's lifetime is counted from now, so clock skew
     * between CSO and MESA neither keeps a dead token nor forces a login per call.
     */
    private Optional<Instant> expiresAt(byte[] body, Instant now) {
        JsonNode token;
        try {
            JsonNode root = json.readTree(body);
            token = root == null ? null : root.path("token");
        } catch (IOException e) {
            return Optional.empty();
        }
        if (token == null) {
            return Optional.empty();
        }
        Optional<Instant> expires = instant(token.path("expires_at").asText(""));
        Optional<Instant> issued = instant(token.path("issued_at").asText(""));
        if (expires.isPresent() && issued.isPresent() && issued.get().isBefore(expires.get())) {
            return Optional.of(now.plus(Duration.between(issued.get(), expires.get())));
        }
        return expires;
    }

    private static Optional<Instant> instant(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException withoutZone) {
            try {
                // Some Keystone releases print UTC without a zone designator.
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
