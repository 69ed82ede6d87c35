package io.jenkins.plugins.mesa.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON bodies Slack and Teams incoming webhooks accept, built from a {@link Notice}. */
final class ChatFormats {
    private ChatFormats() {
    }

    static Map<String, Object> slack(Notice n) {
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("fallback", n.title());
        attachment.put("color", switch (n.level()) {
            case CHANGED -> "good";
            case INFO -> "#439FE0";
            case WARNING -> "warning";
            case FAILED -> "danger";
        });
        attachment.put("title", n.title());
        if (!n.link().isEmpty()) {
            attachment.put("title_link", n.link());
        }
        attachment.put("text", String.join("\n", n.lines()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", n.title());
        body.put("attachments", List.of(attachment));
        return body;
    }

    static Map<String, Object> teams(Notice n) {
        List<Object> items = new ArrayList<>();
        items.add(Map.of("type", "TextBlock", "text", n.title(), "weight", "Bolder", "wrap", true,
                "color", switch (n.level()) {
                    case CHANGED -> "Good";
                    case INFO -> "Accent";
                    case WARNING -> "Warning";
                    case FAILED -> "Attention";
                }));
        for (String line : n.lines()) {
            items.add(Map.of("type", "TextBlock", "text", line, "wrap", true, "spacing", "None"));
        }
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", items);
        if (!n.link().isEmpty()) {
            card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Open record", "url", n.link())));
        }
        return Map.of("type", "message", "attachments",
                List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
    }
}
