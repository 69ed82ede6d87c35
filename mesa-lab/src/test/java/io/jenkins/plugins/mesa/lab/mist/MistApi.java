package io.jenkins.plugins.mesa.lab.mist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the tests: speaks to the simulator exactly as any Mist client would. */
final class MistApi {
    record Answer(int status, HttpHeaders headers, String raw, JsonNode json) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    MistApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    Answer get(String pathAndQuery) {
        return send(request(pathAndQuery, "Token " + token).GET());
    }

    Answer getWithAuthorization(String pathAndQuery, String authorization) {
        return send(request(pathAndQuery, authorization).GET());
    }

    Answer put(String path, String body) {
        return send(request(path, "Token " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer put(String path, JsonNode body) {
        return put(path, body.toString());
    }

    Answer delete(String path) {
        return send(request(path, "Token " + token).DELETE());
    }

    Answer getWithTimeout(String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(pathAndQuery, "Token " + token).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return answer(r);
    }

    private HttpRequest.Builder request(String pathAndQuery, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer answer(HttpResponse<String> r) throws IOException {
        String raw = r.body();
        JsonNode json = raw == null || raw.isBlank() ? null : JSON.readTree(raw);
        return new Answer(r.statusCode(), r.headers(), raw, json);
    }
}
