package io.jenkins.plugins.mesa.lab.mist;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Mist's two paging styles: list calls take {@code limit}/{@code page} and answer with {@code X-Page-Limit},
 * {@code X-Page-Page}, {@code X-Page-Total} headers; search calls answer with an envelope
 * {@code {results, limit, start, end, total, next}} whose {@code next} is the path of the following page.
 */
final class Paging {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final long SEARCH_WINDOW_SECONDS = 86_400;

    final int limit;
    final int page;

    private Paging(int limit, int page) {
        this.limit = limit;
        this.page = page;
    }

    static Paging of(Context ctx) {
        int limit = intParam(ctx, "limit", DEFAULT_LIMIT);
        int page = intParam(ctx, "page", 1);
        if (limit < 1 || page < 1) {
            throw MistHttpError.badRequest("limit and page must be positive");
        }
        return new Paging(Math.min(limit, MAX_LIMIT), page);
    }

    /** Writes one page of a list call as a JSON array with the X-Page-* headers. */
    void writeList(Context ctx, List<ObjectNode> all) {
        ArrayNode body = MistJson.MAPPER.createArrayNode();
        slice(all).forEach(body::add);
        ctx.header("X-Page-Limit", Integer.toString(limit));
        ctx.header("X-Page-Page", Integer.toString(page));
        ctx.header("X-Page-Total", Integer.toString(all.size()));
        ctx.contentType("application/json").result(body.toString());
    }

    /** Writes one page of a search call as Mist's envelope. */
    void writeSearch(Context ctx, List<ObjectNode> all, long nowEpochSeconds) {
        ObjectNode body = MistJson.MAPPER.createObjectNode();
        ArrayNode results = body.putArray("results");
        slice(all).forEach(results::add);
        body.put("limit", limit);
        body.put("start", nowEpochSeconds - SEARCH_WINDOW_SECONDS);
        body.put("end", nowEpochSeconds);
        body.put("total", all.size());
        if ((long) page * limit < all.size()) {
            body.put("next", nextPath(ctx));
        } else {
            body.putNull("next");
        }
        ctx.contentType("application/json").result(body.toString());
    }

    private List<ObjectNode> slice(List<ObjectNode> all) {
        long from = (long) (page - 1) * limit;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + limit));
    }

    private String nextPath(Context ctx) {
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            if (param.getKey().equals("page") || param.getKey().equals("limit")) {
                continue;
            }
            for (String value : param.getValue()) {
                query.add(encode(param.getKey()) + "=" + encode(value));
            }
        }
        query.add("limit=" + limit);
        query.add("page=" + (page + 1));
        return ctx.path() + "?" + query;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw MistHttpError.badRequest(name + " must be an integer");
        }
    }
}
