package io.jenkins.plugins.mesa.mist;

/**
 * An event of a webhook batch that MESA accepted but does not act on.
 *
 * @param index position in the batch's {@code events[]} (0-based)
 * @param type  the event's {@code type} as received
 * @param why   one line for humans
 */
public record IgnoredEvent(int index, String type, String why) {
}
