package io.jenkins.plugins.mesa.cso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.http.RetryingHttp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Authenticated JSON calls to CSO: sends the Keystone token as {@code X-Auth-Token}, logs in again
 * once when CSO answers 401, and turns every other non-2xx answer or unreadable body into a
 * {@link CsoException}. Retries on I/O errors, 429 and 5xx are {@link RetryingHttp}'s.
 */
final class CsoClient {
    private static final int EXCERPT = 200;

    private final CsoSettings settings;
    private final RetryingHttp http;
    private final KeystoneSession session;
    private final ObjectMapper json;

    CsoClient(CsoSettings settings, RetryingHttp http, KeystoneSession session, ObjectMapper json) {
        this.settings = settings;
        this.http = http;
        this.session = session;
        this.json = json;
    }

    /** Makes sure a token is at hand (logging in if needed), so login time and failures show as their own stage. */
    void connect() {
        session.token();
    }

    JsonNode get(String path) {
        return call("GET", path, null);
    }

    JsonNode post(String path, JsonNode body) {
        return call("POST", path, body);
    }

    private JsonNode call(String method, String path, JsonNode body) {
        String what = method + " " + path;
        byte[] payload = body == null ? null : encode(body);
        Secret token = session.token();
        HttpResponse<byte[]> response = http.send(request(method, path, payload, token));
        if (response.statusCode() == 401) {
            session.invalidate(token);
            response = http.send(request(method, path, payload, session.token()));
            if (response.statusCode() == 401) {
                throw new CsoException("cso-unauthorized",
                        "CSO refused " + what + " (HTTP 401) even with a fresh token for user '" + settings.user() + "'");
            }
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new CsoException("cso-http", "CSO " + what + " answered HTTP " + status + excerpt(response.body()));
        }
        if (response.body() == null || response.body().length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode parsed = json.readTree(response.body());
            return parsed == null ? json.createObjectNode() : parsed;
        } catch (IOException e) {
            throw new CsoException("cso-bad-response", "CSO " + what + " answered something that is not JSON"
                    + excerpt(response.body()));
        }
    }

    private HttpRequest request(String method, String path, byte[] payload, Secret token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(settings.resolve(path))
                .header("X-Auth-Token", token.reveal())
                .header("Accept", "application/json");
        if (payload == null) {
            return b.GET().build();
        }
        return b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(payload)).build();
    }

    private byte[] encode(JsonNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a CSO request", e);
        }
    }

    /** A short, printable piece of an answer for an error message, with the password masked should CSO echo it. */
    String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8)
                .replace(settings.password().reveal(), "****")
                .replaceAll("\\p{Cntrl}+", " ").trim();
        if (text.length() > EXCERPT) {
            text = text.substring(0, EXCERPT) + "…";
        }
        return text.isEmpty() ? "" : ": " + text;
    }

    String excerpt(JsonNode node) {
        return excerpt(node == null ? null : node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
