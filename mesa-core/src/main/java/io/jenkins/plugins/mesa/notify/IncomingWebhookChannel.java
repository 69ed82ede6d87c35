package io.jenkins.plugins.mesa.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mesa.MesaException;
import io.jenkins.plugins.mesa.Secret;
import io.jenkins.plugins.mesa.http.RetryingHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts notices to a chat incoming webhook (Slack, Microsoft Teams). The webhook URL is a secret —
 * whoever has it can post to the channel — so it is held as a {@link Secret} and logs name only the
 * channel kind.
 */
public final class IncomingWebhookChannel implements ChatChannel {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingWebhookChannel.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String kind;
    private final Secret url;
    private final RetryingHttp http;
    private final Function<Notice, Map<String, Object>> format;

    private IncomingWebhookChannel(String kind, Secret url, RetryingHttp http, Function<Notice, Map<String, Object>> format) {
        this.kind = kind;
        this.url = Objects.requireNonNull(url, "url");
        this.http = Objects.requireNonNull(http, "http");
        this.format = format;
    }

    /** A Slack incoming webhook ({@code https://hooks.slack.com/services/…}). */
    public static IncomingWebhookChannel slack(Secret url, RetryingHttp http) {
        return new IncomingWebhookChannel("slack", url, http, ChatFormats::slack);
    }

    /** A Microsoft Teams workflow webhook (Adaptive Card message). */
    public static IncomingWebhookChannel teams(Secret url, RetryingHttp http) {
        return new IncomingWebhookChannel("teams", url, http, ChatFormats::teams);
    }

    @Override
    public boolean send(Notice notice) {
        try {
            byte[] body = JSON.writeValueAsBytes(format.apply(notice));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.reveal()))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            int status = http.send(request, kind + " webhook").statusCode();
            if (status / 100 == 2) {
                return true;
            }
            LOG.warn("{} notification refused with HTTP {}; the change itself is unaffected", kind, status);
        } catch (MesaException e) {
            LOG.warn("{} notification failed ({}); the change itself is unaffected", kind, e.reason());
        } catch (RuntimeException | java.io.IOException e) {
            // Not e.getMessage(): a malformed URL would be echoed in it.
            LOG.warn("{} notification failed ({}); the change itself is unaffected", kind, e.getClass().getSimpleName());
        }
        return false;
    }

    @Override
    public String toString() {
        return kind + " webhook ****";
    }

}
