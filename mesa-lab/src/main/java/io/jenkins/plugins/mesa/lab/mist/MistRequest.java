package io.jenkins.plugins.mesa.lab.mist;

/**
 * One call the simulated cloud answered, for a lab timeline ("Mist: GET /api/v1/sites/…/stats → 200").
 *
 * @param query the raw query string, or empty
 */
public record MistRequest(String method, String path, String query, int status) {
    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status;
    }
}
