package io.jenkins.plugins.mesa.config;

import io.jenkins.plugins.mesa.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each change outcome is announced ({@code notify:}). A notification failure is logged and
 * never blocks or loses a change. Incoming-webhook URLs are credentials (anyone holding one can
 * post to the channel), so they are {@link Secret}s.
 *
 * @param slack   Slack incoming webhook
 * @param teams   Microsoft Teams incoming webhook
 * @param timeout per notification request
 */
public record NotifyConfig(Optional<Channel> slack, Optional<Channel> teams, Duration timeout) {

    public NotifyConfig {
        Objects.requireNonNull(slack, "notify.slack");
        Objects.requireNonNull(teams, "notify.teams");
        Objects.requireNonNull(timeout, "notify.timeout");
    }

    /** No notifications. */
    public static NotifyConfig none() {
        return new NotifyConfig(Optional.empty(), Optional.empty(), Duration.ofSeconds(10));
    }

    /** One incoming webhook. */
    public record Channel(Secret webhookUrl) {
        public Channel {
            Objects.requireNonNull(webhookUrl, "webhookUrl");
        }
    }

    static NotifyConfig read(Section s) {
        Optional<Channel> slack = s.optionalSection("slack").flatMap(NotifyConfig::channel);
        Optional<Channel> teams = s.optionalSection("teams").flatMap(NotifyConfig::channel);
        Duration timeout = s.duration("timeout", Duration.ofSeconds(10), HttpTimeouts.MIN, Duration.ofMinutes(2));
        s.finish();
        return new NotifyConfig(slack, teams, timeout);
    }

    private static Optional<Channel> channel(Section s) {
        Secret url = s.requiredSecret("webhookUrl", "the incoming-webhook URL, e.g. ${env:SLACK_WEBHOOK_URL}");
        s.finish();
        if (url == null) {
            return Optional.empty();
        }
        Optional<String> problem = Section.urlProblem(url.reveal(), true);
        if (problem.isPresent()) {
            s.error("webhookUrl", problem.get());
            return Optional.empty();
        }
        return Optional.of(new Channel(url));
    }
}
