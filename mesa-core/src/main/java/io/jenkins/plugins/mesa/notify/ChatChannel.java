package io.jenkins.plugins.mesa.notify;

/**
 * Somewhere to tell people what MESA did. Sending never throws and never blocks a change for long:
 * a failure is logged and reported as {@code false}, because a chat outage must not stop or lose a
 * port change (the original's Slack error killed its worker thread).
 */
public interface ChatChannel {

    /** Posts the notice; {@code true} when the channel accepted it. */
    boolean send(Notice notice);
}
